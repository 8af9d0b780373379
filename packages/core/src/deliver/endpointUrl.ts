// SPDX-License-Identifier: MIT

/**
 * `url` as an absolute URL if Moments may send answers there: `https:`, or `http:` on
 * localhost only (answers must not cross the network in clear text). Relative URLs resolve
 * against `base`. Anything else gives undefined. Used for `endpoint`, a `transform`'s `url` and
 * the target of a redirect, so all three pass the same rule.
 */
export function toEndpointUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || !url) return undefined;
  try {
    const parsed = new URL(url, base);
    const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(parsed.hostname);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Google Apps Script web app: it cannot answer a CORS preflight, so `delivery.simple` is on
 * by default for it.
 */
export function isAppsScript(url: string): boolean {
  try {
    return new URL(url).hostname === 'script.google.com';
  } catch {
    return false;
  }
}

/**
 * Where an Apps Script web app sends the browser after running `doPost`: a 302 to
 * `…/macros/echo?user_content_key=…`, whose GET returns the script's output. The POST was
 * handled before the redirect, so unlike other redirects a 2xx there means delivered.
 */
export function isAppsScriptEcho(url: string): boolean {
  try {
    return new URL(url).pathname === '/macros/echo';
  } catch {
    return false;
  }
}
