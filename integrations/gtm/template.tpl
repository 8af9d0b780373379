___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Moments",
  "categories": [
    "SURVEY",
    "ANALYTICS"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "Moments"
  },
  "description": "Loads Moments (moments.js, self-hosted) with its config, fires moments (purchase, delivery, \u2026) from your triggers with Data Layer Variables as context, and passes consent.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "SELECT",
    "name": "action",
    "displayName": "Action",
    "macrosInSelect": false,
    "simpleValueType": true,
    "selectItems": [
      {
        "value": "load",
        "displayValue": "Load Moments (Initialization \u2013 All Pages)"
      },
      {
        "value": "trigger",
        "displayValue": "Fire a moment (on a dataLayer event's trigger)"
      },
      {
        "value": "consent",
        "displayValue": "Grant or withdraw consent"
      }
    ],
    "defaultValue": "load"
  },
  {
    "type": "GROUP",
    "name": "loadGroup",
    "displayName": "Load",
    "groupStyle": "NO_ZIPPY",
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "load",
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "TEXT",
        "name": "scriptUrl",
        "displayName": "moments.js URL",
        "simpleValueType": true,
        "help": "Where you host moments.js (moments-ui.js and moments-delivery.js sit next to it). Add this host to the template's 'Injects scripts' permission.",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^https://[^#?]+\\.js$"
            ]
          }
        ]
      },
      {
        "type": "TEXT",
        "name": "configUrl",
        "displayName": "Config URL",
        "simpleValueType": true,
        "help": "A JSON file with your config (endpoint, surveys, dataLayer mapping). Surveys then change without republishing the container.",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^https://.+"
            ]
          }
        ]
      },
      {
        "type": "TEXT",
        "name": "endpoint",
        "displayName": "Endpoint (optional)",
        "simpleValueType": true,
        "help": "Overrides the config's endpoint, e.g. per environment.",
        "canBeEmptyString": true
      },
      {
        "type": "CHECKBOX",
        "name": "consentPending",
        "checkboxText": "Wait for consent (consent: pending) until a 'Grant consent' tag fires",
        "simpleValueType": true,
        "defaultValue": false
      },
      {
        "type": "CHECKBOX",
        "name": "debug",
        "checkboxText": "Debug logging in the browser console",
        "simpleValueType": true,
        "defaultValue": false
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "triggerGroup",
    "displayName": "Moment",
    "groupStyle": "NO_ZIPPY",
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "trigger",
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "TEXT",
        "name": "moment",
        "displayName": "Moment",
        "simpleValueType": true,
        "help": "The moment your config's surveys ask at, e.g. purchase.",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          }
        ]
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "context",
        "displayName": "Context",
        "newRowButtonText": "Add context",
        "help": "Values the answer carries (and oncePer keys), e.g. orderId = {{DLV - ecommerce.transaction_id}}.",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "key",
            "displayName": "Key",
            "defaultValue": "",
            "isUnique": true,
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              }
            ]
          },
          {
            "type": "TEXT",
            "name": "value",
            "displayName": "Value",
            "defaultValue": ""
          }
        ]
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "consentGroup",
    "displayName": "Consent",
    "groupStyle": "NO_ZIPPY",
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "consent",
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "RADIO",
        "name": "granted",
        "displayName": "Consent",
        "simpleValueType": true,
        "defaultValue": "granted",
        "radioItems": [
          {
            "value": "granted",
            "displayValue": "Granted"
          },
          {
            "value": "withdrawn",
            "displayValue": "Withdrawn"
          }
        ]
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Moments for Google Tag Manager: load moments.js, fire moments, pass consent.
// Everything goes through window.moments: a queue of calls until moments.js runs, then its API
// (whose push takes the same calls). moments.js reads its settings from its URL's fragment,
// because injectScript cannot set the data-* attributes a script tag would carry.
const callInWindow = require('callInWindow');
const copyFromWindow = require('copyFromWindow');
const encodeUriComponent = require('encodeUriComponent');
const injectScript = require('injectScript');
const logToConsole = require('logToConsole');
const makeTableMap = require('makeTableMap');
const queryPermission = require('queryPermission');
const setInWindow = require('setInWindow');

const fail = (message) => {
  logToConsole('[moments] gtm: ' + message);
  data.gtmOnFailure();
};

const push = (call) => {
  if (!copyFromWindow('moments')) setInWindow('moments', [], false);
  callInWindow('moments.push', call);
};

const load = () => {
  const settings = ['config=' + encodeUriComponent(data.configUrl)];
  if (data.endpoint) settings.push('endpoint=' + encodeUriComponent(data.endpoint));
  if (data.consentPending) settings.push('consent=pending');
  if (data.debug) settings.push('debug=true');
  const url = data.scriptUrl + '#' + settings.join('&');
  if (!queryPermission('inject_script', url)) {
    return fail(data.scriptUrl + ' is not allowed by the template permission "Injects scripts": add its host there');
  }
  // Calls queued before the script runs are replayed by it, in order.
  if (!copyFromWindow('moments')) setInWindow('moments', [], false);
  // The cache token loads moments.js once per page however many load tags fire.
  injectScript(url, data.gtmOnSuccess, () => fail('could not load ' + data.scriptUrl), 'moments');
};

if (data.action === 'load') {
  load();
} else if (data.action === 'trigger') {
  if (!data.moment) return fail('the moment is empty');
  const context = data.context ? makeTableMap(data.context, 'key', 'value') : {};
  push(['trigger', data.moment, context || {}]);
  data.gtmOnSuccess();
} else if (data.action === 'consent') {
  push(['consent', data.granted === 'granted']);
  data.gtmOnSuccess();
} else {
  fail('unknown action ' + data.action);
}


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://cdn.shop.example/moments/"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "moments"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "moments.push"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: load injects moments.js once, with its settings in the URL fragment
  code: |-
    let injected;
    mock('injectScript', (url, onSuccess, onFailure, cacheToken) => {
      injected = url + ' ' + cacheToken;
      onSuccess();
    });
    runCode({
      action: 'load',
      scriptUrl: 'https://cdn.shop.example/moments/moments.js',
      configUrl: 'https://cdn.shop.example/moments/config.json',
      endpoint: 'https://answers.shop.example/answers',
      consentPending: true,
      debug: false
    });
    assertThat(injected).isEqualTo('https://cdn.shop.example/moments/moments.js#config=https%3A%2F%2Fcdn.shop.example%2Fmoments%2Fconfig.json&endpoint=https%3A%2F%2Fanswers.shop.example%2Fanswers&consent=pending moments');
    assertThat(require('copyFromWindow')('moments')).isEqualTo([]);
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: load keeps calls queued before it
  code: |-
    require('setInWindow')('moments', [['trigger', 'purchase', {orderId: 'A-1'}]], true);
    mock('injectScript', (url, onSuccess) => onSuccess());
    runCode({action: 'load', scriptUrl: 'https://cdn.shop.example/moments/moments.js', configUrl: 'https://cdn.shop.example/moments/config.json'});
    assertThat(require('copyFromWindow')('moments')).isEqualTo([['trigger', 'purchase', {orderId: 'A-1'}]]);
- name: load reports a script that fails to load
  code: |-
    mock('injectScript', (url, onSuccess, onFailure) => onFailure());
    runCode({action: 'load', scriptUrl: 'https://cdn.shop.example/moments/moments.js', configUrl: 'https://cdn.shop.example/moments/config.json'});
    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: load refuses a host the permission does not allow
  code: |-
    runCode({action: 'load', scriptUrl: 'https://evil.example/moments.js', configUrl: 'https://cdn.shop.example/moments/config.json'});
    assertApi('injectScript').wasNotCalled();
    assertApi('logToConsole').wasCalled();
    assertApi('gtmOnFailure').wasCalled();
- name: trigger queues the moment with its context before moments.js has loaded
  code: |-
    runCode({action: 'trigger', moment: 'purchase', context: [{key: 'orderId', value: 'A-1001'}, {key: 'total', value: 42.5}]});
    assertThat(require('copyFromWindow')('moments')).isEqualTo([['trigger', 'purchase', {orderId: 'A-1001', total: 42.5}]]);
    assertApi('gtmOnSuccess').wasCalled();
- name: trigger without context sends an empty one
  code: |-
    runCode({action: 'trigger', moment: 'delivery'});
    assertThat(require('copyFromWindow')('moments')).isEqualTo([['trigger', 'delivery', {}]]);
- name: trigger with an empty moment fails and says why
  code: |-
    runCode({action: 'trigger', moment: ''});
    assertApi('logToConsole').wasCalledWith('[moments] gtm: the moment is empty');
    assertApi('gtmOnFailure').wasCalled();
    assertThat(require('copyFromWindow')('moments')).isUndefined();
- name: consent grants and withdraws
  code: |-
    runCode({action: 'consent', granted: 'granted'});
    runCode({action: 'consent', granted: 'withdrawn'});
    assertThat(require('copyFromWindow')('moments')).isEqualTo([['consent', true], ['consent', false]]);


___NOTES___

Moments: see docs/google-tag-manager.md in the Moments repository. The inject_script permission names a placeholder host (https://cdn.shop.example/moments/): edit it to where you host moments.js.
