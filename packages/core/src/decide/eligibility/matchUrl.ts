// SPDX-License-Identifier: MIT
import type { UrlRule } from '../config/schema.js';

/**
 * Whether a path (`location.pathname`) passes a page rule: every part given must match
 * (`exact`, `prefix`, `glob` with `*` for any run of characters, `regex`). An empty rule
 * matches every page; a pattern that does not compile matches none.
 */
export function matchUrl(rule: UrlRule, path: string): boolean {
  if (rule.exact !== undefined && path !== rule.exact) return false;
  if (rule.prefix !== undefined && !path.startsWith(rule.prefix)) return false;
  if (rule.glob !== undefined && !globToRegExp(rule.glob).test(path)) return false;
  if (rule.regex !== undefined) {
    try {
      if (!new RegExp(rule.regex).test(path)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
