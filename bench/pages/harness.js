// SPDX-License-Identifier: MIT
// The in-page half of the browser benches: loads one SDK the way its docs say a page does, and
// resolves when that SDK has started. The Node side traces the main thread around `load`.
// Competitors' clouds are unreachable (the bench blocks every HTTPS request), so they start as
// they would offline; the 'posthog-api' case points PostHog at a local stand-in of its API.
(function () {
  'use strict';

  function addScript(src, attrs) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.async = true;
      Object.keys(attrs || {}).forEach(function (key) {
        script.setAttribute(key, attrs[key]);
      });
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error('could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function until(check, timeoutMs) {
    return new Promise(function (resolve, reject) {
      var started = performance.now();
      (function poll() {
        if (check()) return resolve();
        if (performance.now() - started > timeoutMs) return reject(new Error('timed out'));
        setTimeout(poll, 5);
      })();
    });
  }

  var loaders = {
    baseline: function () {
      return Promise.resolve();
    },
    // The storefront tag of README.md: an async script and an inline JSON config.
    moments: function () {
      // Counts decisions from the very first moment: handlers queued on the stub are attached
      // before moments.js scans the page's markup.
      if (!window.moments)
        window.moments = [
          ['on', 'shown', countDecision],
          ['on', 'skipped', countDecision],
        ];
      return addScript('/moments/moments.js', { 'data-config': '#moments-config' }).then(function () {
        return until(function () {
          return window.moments && !Array.isArray(window.moments);
        }, 10000);
      });
    },
    // What PostHog's snippet loads (array.js), then init. A real visitor is no bot: PostHog's
    // bot filter (it flags automated Chromium) is turned off, as its docs say for tests.
    // Offline: its cloud is unreachable (no remote config, no surveys).
    posthog: function () {
      return addScript('/vendor/posthog/array.js').then(function () {
        window.posthog.init('phc_bench', {
          api_host: 'https://us.i.posthog.com',
          person_profiles: 'identified_only',
          opt_out_useragent_filter: true,
        });
      });
    },
    // The same against the local stand-in of its API (surveys on): ready once surveys are loaded.
    'posthog-api': function (options) {
      return addScript('/vendor/posthog/array.js').then(function () {
        window.posthog.init('phc_bench', {
          api_host: options.posthogApi,
          person_profiles: 'identified_only',
          opt_out_useragent_filter: true,
        });
        return new Promise(function (resolve, reject) {
          var timer = setTimeout(function () {
            reject(new Error('PostHog loaded no surveys in 15 s'));
          }, 15000);
          var off = window.posthog.onSurveysLoaded(function (surveys, context) {
            if (!context || !context.isLoaded || !surveys.length) return;
            clearTimeout(timer);
            setTimeout(function () {
              off();
            });
            resolve();
          });
        });
      });
    },
    // @formbricks/js as an app imports it, then setup(): it loads its SDK from the app URL, here
    // the local stand-in of the Formbricks app (bench/lib/formbricks-api.mjs), and fetches the
    // environment (one survey). Without the stand-in (runtime files missing), only the loader runs.
    formbricks: function (options) {
      return import('/vendor/formbricks/index.js').then(function (module) {
        window.__formbricks = module.default;
        var appUrl = options.formbricksApi || 'https://app.formbricks.com';
        return module.default.setup({ appUrl: appUrl, workspaceId: 'clworkspace0000000000000a' }).then(function () {
          if (options.formbricksApi && !window.formbricks) throw new Error('Formbricks did not start');
        });
      });
    },
  };

  var decisions = 0;
  function countDecision() {
    decisions++;
  }

  /**
   * Adds `count` product tiles, each declaring a moment (`data-moment`) that fires on view, or
   * on `on` (e.g. `click`: declared, but not fired by itself).
   */
  function addMoments(count, on) {
    var list = document.createElement('ul');
    for (var i = 0; i < count; i++) {
      var tile = document.createElement('li');
      tile.setAttribute('data-moment', 'purchase');
      if (on) tile.setAttribute('data-moment-on', on);
      tile.setAttribute('data-moment-context-order-id', 'TILE-' + i);
      tile.textContent = 'Product ' + i;
      list.appendChild(tile);
    }
    document.querySelector('main').appendChild(list);
  }

  /** Resolves with the number of moments decided (shown or skipped) once `count` are, or at `timeoutMs`. */
  function decided(count, timeoutMs) {
    return until(function () {
      return decisions >= count;
    }, timeoutMs).then(
      function () {
        return decisions;
      },
      function () {
        return decisions;
      },
    );
  }

  /** Loads one SDK between two user-timing marks; resolves with the measured span in ms. */
  function load(sdk, options) {
    performance.mark('bench:start');
    return loaders[sdk](options || {}).then(function () {
      performance.mark('bench:ready');
      return performance.measure('bench:' + sdk, 'bench:start', 'bench:ready').duration;
    });
  }

  /** The `<moment-survey>` on the page once its shadow root has rendered the card, or null. */
  function renderedCard() {
    var card = document.querySelector('moment-survey');
    return card && card.shadowRoot && card.shadowRoot.querySelector('[part="card"]') ? card : null;
  }

  /** The shadow root of PostHog's survey host element, or null. */
  function posthogRoot() {
    var host = document.querySelector('[class^="PostHogSurvey"]');
    return host && host.shadowRoot;
  }

  /** PostHog's survey host element once its shadow root holds the survey form, or null. */
  function renderedPosthogCard() {
    var host = document.querySelector('[class^="PostHogSurvey"]');
    return host && host.shadowRoot && host.shadowRoot.querySelector('.survey-form') ? host : null;
  }

  /**
   * Per SDK, as a shopper meets it: fire the moment, find the painted card, answer 8 on it, see
   * the thanks message, close it (×), and whether any of its UI is still in the page.
   */
  var surveys = {
    moments: {
      fire: function (id) {
        window.moments.trigger('purchase', { orderId: id });
      },
      onSkipped: function (id, callback) {
        return window.moments.on('skipped', function (event) {
          if (event.context && event.context.orderId === id) callback(event.reason);
        });
      },
      card: renderedCard,
      answer: function (card) {
        card.shadowRoot.querySelectorAll('[part="option"]')[8].click();
      },
      thanked: function (card) {
        return card.getAttribute('phase') === 'thanks';
      },
      close: function (card) {
        card.shadowRoot.querySelector('[part="close"]').click();
      },
      present: function () {
        return Boolean(document.querySelector('moment-survey'));
      },
    },
    // A survey shown when the `purchase` event is captured (see bench/lib/posthog-api.mjs).
    // PostHog may replace its host element between renders: each step looks it up again.
    'posthog-api': {
      fire: function (id) {
        window.posthog.capture('purchase', { orderId: id });
      },
      card: renderedPosthogCard,
      // Its Submit button is enabled once it has re-rendered with the rating picked.
      answer: function () {
        posthogRoot().querySelector('button[aria-label="Rate 8"]').click();
        var submit = null;
        return pollFor(function () {
          submit = posthogRoot() && posthogRoot().querySelector('.form-submit');
          return submit && !submit.disabled;
        }, 5000).then(function () {
          if (submit) submit.click();
        });
      },
      thanked: function () {
        return Boolean(posthogRoot() && posthogRoot().querySelector('.thank-you-message'));
      },
      close: function () {
        posthogRoot().querySelector('.form-cancel').click();
      },
      present: function () {
        return Boolean(document.querySelector('[class^="PostHogSurvey"]'));
      },
    },
  };

  /** Formbricks' survey container once the rating question is rendered in it, or null. */
  function renderedFormbricksCard() {
    var host = document.getElementById('formbricks-modal-container');
    return host && host.querySelector('#questionCard-0 input[type="radio"]') ? host : null;
  }

  function formbricksButton(host, name) {
    return Array.prototype.find.call(host.querySelectorAll('button'), function (button) {
      return button.textContent.trim() === name || button.getAttribute('aria-label') === name;
    });
  }

  // A one-question rating survey shown on `track("benchmark")` (see bench/lib/formbricks-api.mjs).
  // Formbricks renders in the page's DOM (no shadow root), in #formbricks-modal-container.
  surveys.formbricks = {
    fire: function () {
      window.__formbricks.track('benchmark');
    },
    card: renderedFormbricksCard,
    // Its rating scale is 1–5: pick 5, then Finish.
    answer: function (host) {
      host.querySelector('input[type="radio"][value="5"]').closest('label').click();
      var finish = null;
      return pollFor(function () {
        finish = formbricksButton(host, 'Finish');
        return finish && !finish.disabled;
      }, 5000).then(function () {
        if (finish) finish.click();
      });
    },
    thanked: function (host) {
      return /Thanks!/.test(host.textContent);
    },
    close: function (host) {
      var close = formbricksButton(host, 'Close survey');
      if (close) close.click();
    },
    present: function () {
      return Boolean(document.getElementById('formbricks-modal-container'));
    },
  };

  /**
   * Fires the moment (`moments.trigger()`, or PostHog's `capture()`) and resolves with the ms
   * until the first frame that shows the card: each animation frame checks for it; once it is
   * there, that frame is painted next, and a message posted from the frame callback runs right
   * after that paint. `window.__benchFrames` says in which frame after the trigger it was (1 =
   * the first).
   */
  function timeToCard(sdk, id) {
    var survey = surveys[sdk];
    return new Promise(function (resolve, reject) {
      var started = performance.now();
      var channel = new MessageChannel();
      var frames = 0;
      channel.port1.onmessage = function () {
        window.__benchFrames = frames;
        resolve(performance.now() - started);
      };
      (function frame() {
        if (survey.card()) return channel.port2.postMessage(null);
        frames++;
        if (performance.now() - started > 15000) return reject(new Error('no card after 15 s'));
        requestAnimationFrame(frame);
      })();
      survey.fire(id);
    });
  }

  /** Closes the card with its × button (a dismissal), so the next moment may show one. */
  function closeCard(sdk) {
    var survey = surveys[sdk];
    var card = survey.card();
    if (card) survey.close(card);
    return pollFor(function () {
      return !survey.present();
    }, 5000);
  }

  function pollFor(check, timeoutMs) {
    return until(check, timeoutMs).then(
      function () {
        return true;
      },
      function () {
        return false;
      },
    );
  }

  /**
   * One moment answered as a shopper would: fire it, pick 8 on the card, wait for the thanks
   * message (Moments has stored the answer by then), close the card. Resolves with the outcome:
   * 'answered', 'skipped:<reason>' when the SDK decided not to show, or 'stuck:<step>'.
   */
  function answerOnce(sdk, id) {
    var survey = surveys[sdk];
    var skipped = null;
    var off = survey.onSkipped
      ? survey.onSkipped(id, function (reason) {
          skipped = reason;
        })
      : function () {};
    var card = null;
    survey.fire(id);
    return pollFor(function () {
      card = survey.card();
      return card || skipped;
    }, 10000)
      .then(function () {
        if (!card) return skipped ? 'skipped:' + skipped : 'stuck:show';
        return Promise.resolve(survey.answer(card))
          .then(function () {
            return pollFor(function () {
              return survey.thanked(card);
            }, 1500);
          })
          .then(function (thanked) {
            // No thanks message: close whatever card is up, so the next moment starts clean.
            if (!thanked)
              return closeCard(sdk).then(function () {
                return 'answered, no thanks message';
              });
            survey.close(card);
            return pollFor(function () {
              return !survey.present();
            }, 10000).then(function (closed) {
              return closed ? 'answered' : 'stuck:close';
            });
          });
      })
      .finally(off);
  }

  /**
   * `count` moments with distinct order ids (`SPA-<first>`, `SPA-<first + 1>`, …), one after the
   * other; resolves with the outcome counts.
   */
  function answerMany(sdk, count, first) {
    var outcomes = {};
    var i = (first || 1) - 1;
    var last = i + count;
    function next() {
      if (i >= last) return Promise.resolve(outcomes);
      i++;
      return answerOnce(sdk, 'SPA-' + i).then(function (outcome) {
        outcomes[outcome] = (outcomes[outcome] || 0) + 1;
        return next();
      });
    }
    return next();
  }

  Object.defineProperty(window, '__bench', {
    value: {
      load: load,
      timeToCard: timeToCard,
      closeCard: closeCard,
      answerMany: answerMany,
      addMoments: addMoments,
      decided: decided,
    },
  });
})();
