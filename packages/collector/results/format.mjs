// SPDX-License-Identifier: MIT
/** A number with `digits` decimals, or an en dash when there is none. */
export const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
/** A 0–1 share as a whole percentage: `0.254` → `25 %`. */
export const pct = (share) => `${fmt(share * 100)} %`;
