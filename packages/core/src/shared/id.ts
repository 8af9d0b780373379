// SPDX-License-Identifier: MIT
/**
 * A random RFC 4122 version 4 UUID. `crypto.randomUUID` exists only in secure contexts, and
 * storefronts still serve plain-HTTP pages, so the id is built from `getRandomValues`, which
 * exists everywhere in a browser. Where a page removed or broke it, `Math.random` stands in
 * (ids stay unique in practice; the endpoint still dedupes) and `onWeak` is told.
 */
export function createId(onWeak?: () => void): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    onWeak?.();
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
