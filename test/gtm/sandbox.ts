// SPDX-License-Identifier: MIT
// A stand-in for GTM's sandboxed JavaScript runtime, enough to run a template's own test
// scenarios in `npm test`: the APIs the template requires, following GTM's documented behaviour
// (https://developers.google.com/tag-platform/tag-manager/templates/api), each checked against
// the permissions the template declares, and the test APIs (`mock`, `runCode`, `assertApi`,
// `assertThat`). It is not Google's runtime: docs/google-tag-manager.md says what only a real
// container can confirm.
import { isDeepStrictEqual } from 'node:util';
import { plain, type GtmTemplate, type Permission } from './template.js';

type Api = (...args: unknown[]) => unknown;
export type Window = Record<string, unknown>;

/** Globals sandboxed code cannot see (GTM gives them through `require`, or not at all). */
const HIDDEN = ['window', 'document', 'globalThis', 'self', 'Math', 'JSON', 'Object', 'Date', 'setTimeout', 'fetch', 'console', 'Function'];

/** What `permissions` allows, by permission id: `inject_script` URLs, `access_globals` keys. */
function grants(permissions: Permission[]) {
  const params = (id: string) => {
    const found = permissions.find((p) => p.instance.key.publicId === id);
    return found ? Object.fromEntries((found.instance.param ?? []).map((p) => [p.key, plain(p.value)])) : undefined;
  };
  const globals = (params('access_globals')?.['keys'] ?? []) as Array<{ key: string; read: boolean; write: boolean; execute: boolean }>;
  const urls = (params('inject_script')?.['urls'] ?? []) as string[];
  return {
    logging: params('logging') !== undefined,
    global: (key: string, access: 'read' | 'write' | 'execute') => globals.some((g) => g.key === key && g[access]),
    script: (url: string) => urls.some((pattern) => urlMatches(pattern, url)),
  };
}

/**
 * GTM's URL match patterns: scheme and host must match (`*.` allows subdomains), the path must
 * start with the pattern's path when it ends in `/`, else equal it, `*` standing for any text.
 * Query and fragment are not part of the match.
 */
export function urlMatches(pattern: string, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const match = /^(https):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!match || target.protocol !== `${match[1]}:`) return false;
  const [, , host, path] = match as unknown as [string, string, string, string];
  const hostOk = host.startsWith('*.') ? target.hostname.endsWith(host.slice(1)) : target.hostname === host;
  const glob = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return hostOk && new RegExp(`^${glob}${path.endsWith('/') ? '' : '$'}`).test(target.pathname);
}

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** The sandboxed APIs over a fake `window`, each refusing what the permissions do not allow. */
export function createApis(permissions: Permission[], window: Window, log: unknown[][] = []): Record<string, Api> {
  const allowed = grants(permissions);
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`permission denied: ${what}`);
  };
  const path = (key: string) => key.split('.');
  const read = (key: string) => path(key).reduce<unknown>((at, part) => (at == null ? undefined : (at as Window)[part]), window);
  return {
    copyFromWindow: (key) => (need(allowed.global(String(key), 'read'), `read ${key}`), copy(read(String(key)))),
    setInWindow(key, value, override) {
      need(allowed.global(String(key), 'write'), `write ${key}`);
      if (window[String(key)] !== undefined && !override) return false;
      window[String(key)] = copy(value);
      return true;
    },
    callInWindow(key, ...args) {
      need(allowed.global(String(key), 'execute'), `execute ${key}`);
      const parts = path(String(key));
      const owner = parts.length > 1 ? read(parts.slice(0, -1).join('.')) : window;
      const fn = (owner as Window | undefined)?.[parts.at(-1)!];
      return typeof fn === 'function' ? copy(fn.apply(owner, args.map(copy))) : undefined;
    },
    injectScript(url, onSuccess) {
      need(allowed.script(String(url)), `inject_script ${url}`);
      (onSuccess as () => void)();
    },
    queryPermission(name, ...args) {
      if (name === 'inject_script') return allowed.script(String(args[0]));
      if (name === 'access_globals') return allowed.global(String(args[1]), args[0] as 'read' | 'write' | 'execute');
      if (name === 'logging') return allowed.logging;
      return false;
    },
    logToConsole: (...args) => void (allowed.logging && log.push(args)),
    encodeUriComponent: (value) => encodeURIComponent(String(value)),
    makeTableMap(table, keyColumn, valueColumn) {
      if (!Array.isArray(table)) return undefined;
      return Object.fromEntries(table.map((row: Window) => [row[String(keyColumn)], row[String(valueColumn)]]));
    },
    getType: (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value),
  };
}

/** Runs sandboxed code with `require` and `data`, and none of the browser's globals. */
export function runSandboxed(code: string, require: (name: string) => Api, data: Record<string, unknown>): void {
  const run = new Function('require', 'data', ...HIDDEN, `'use strict';\n${code}`) as (...args: unknown[]) => void;
  run(require, data);
}

export interface ScenarioResult {
  name: string;
  error?: Error;
}

/** Runs each test scenario of `template` in a fresh window, as GTM's template editor does. */
export function runScenarios(template: GtmTemplate): ScenarioResult[] {
  return template.scenarios.map((scenario) => {
    const window: Window = {};
    const apis = createApis(template.permissions, window);
    const calls = new Map<string, unknown[][]>();
    const mocks = new Map<string, Api>();
    const record =
      (name: string, fn: Api): Api =>
      (...args) => {
        calls.set(name, [...(calls.get(name) ?? []), args]);
        return fn(...args);
      };
    const requireForTemplate = (name: string): Api => {
      const api = apis[name];
      if (!api) throw new Error(`require('${name}'): not an API this sandbox provides`);
      return record(name, (...args) => (mocks.get(name) ?? api)(...args));
    };
    const runCode = (data: Record<string, unknown>) =>
      runSandboxed(template.code, requireForTemplate, {
        ...copy(data),
        gtmOnSuccess: record('gtmOnSuccess', () => undefined),
        gtmOnFailure: record('gtmOnFailure', () => undefined),
      });
    const fail = (message: string) => {
      throw new Error(message);
    };
    const assertApi = (name: string) => ({
      wasCalled: () => (calls.get(name)?.length ?? 0) > 0 || fail(`${name} was not called`),
      wasNotCalled: () => !calls.get(name)?.length || fail(`${name} was called: ${JSON.stringify(calls.get(name))}`),
      wasCalledWith: (...args: unknown[]) =>
        (calls.get(name) ?? []).some((call) => isDeepStrictEqual(call, args)) ||
        fail(`${name} was not called with ${JSON.stringify(args)}; calls: ${JSON.stringify(calls.get(name) ?? [])}`),
    });
    const assertThat = (actual: unknown) => ({
      isEqualTo: (expected: unknown) =>
        isDeepStrictEqual(actual, expected) || fail(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`),
      isNotEqualTo: (other: unknown) => !isDeepStrictEqual(actual, other) || fail(`expected anything but ${JSON.stringify(other)}`),
      isTrue: () => actual === true || fail(`expected true, got ${JSON.stringify(actual)}`),
      isFalse: () => actual === false || fail(`expected false, got ${JSON.stringify(actual)}`),
      isUndefined: () => actual === undefined || fail(`expected undefined, got ${JSON.stringify(actual)}`),
      isDefined: () => actual !== undefined || fail('expected a value, got undefined'),
    });
    const mock = (name: string, fn: Api) => void mocks.set(name, fn);
    const testRequire = (name: string) => apis[name] ?? fail(`require('${name}'): not an API this sandbox provides`);
    try {
      const run = new Function(
        'mock',
        'runCode',
        'assertApi',
        'assertThat',
        'fail',
        'require',
        `'use strict';\n${template.setup}\n${scenario.code}`,
      );
      run(mock, runCode, assertApi, assertThat, fail, testRequire);
      return { name: scenario.name };
    } catch (error) {
      return { name: scenario.name, error: error as Error };
    }
  });
}
