// SPDX-License-Identifier: MIT
// Who may read: results, the JSON API, exports and erasure need the token whenever one is set,
// and always when the collector listens beyond loopback (without a token there, it serves
// `/collect` only). The token comes as `Authorization: Bearer <token>`, or as the password of
// HTTP Basic auth so a browser can open the results page. Compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text) => createHash('sha256').update(text, 'utf8').digest();

/** Whether `host` is a loopback address (only this machine can connect). */
export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '::ffff:127.0.0.1';
}

/** The secret a request presents: a Bearer token or a Basic password, else undefined. */
export function presentedToken(header) {
  const [, scheme = '', value = ''] = /^(\S+)\s*(.*)$/.exec(String(header ?? '').trim()) ?? [];
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/**
 * Builds the read gate. `check(req)` returns `ok`, `disabled` (beyond loopback with no token set:
 * reads are off) or `unauthorized` (a token is set and the request does not present it).
 */
export function createAccess({ token, host = '127.0.0.1' }) {
  const expected = token ? digest(token) : undefined;
  const open = !token && isLoopback(host);
  return {
    /** Reads need no token: no token set, on loopback. */
    open,
    /** No token beyond loopback: only /collect is served. */
    readsDisabled: !token && !open,
    check(req) {
      if (open) return 'ok';
      if (!expected) return 'disabled';
      const presented = presentedToken(req.headers.authorization);
      // Hashing first gives equal lengths, so timingSafeEqual never throws and leaks no length.
      return presented !== undefined && timingSafeEqual(digest(presented), expected) ? 'ok' : 'unauthorized';
    },
  };
}
