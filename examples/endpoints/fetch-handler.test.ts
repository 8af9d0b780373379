// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { itBehavesLikeAnEndpoint } from './conformance.js';
import { createFetchHandler } from './fetch-handler.mjs';
import { makeBatch } from './fixtures.js';
import { toNodeListener } from './node-adapter.mjs';
import { createMemoryStore } from './receive.mjs';
import { serve } from './serve.js';

describe('createFetchHandler', () => {
  it('stores a batch once when it is called directly with the same Request twice', async () => {
    const store = createMemoryStore();
    const handle = createFetchHandler({ store, allowedOrigins: ['https://shop.example'] });
    const request = () =>
      new Request('https://answers.example/', { method: 'POST', headers: { origin: 'https://shop.example' }, body: makeBatch(2) });
    const first = await handle(request());
    const again = await handle(request());
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 2 });
    expect(first.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(store.all('answer')).toHaveLength(2);
  });

  it('answers a preflight when it is called directly', async () => {
    const handle = createFetchHandler({ store: createMemoryStore(), allowedOrigins: ['*'] });
    const response = await handle(
      new Request('https://answers.example/', { method: 'OPTIONS', headers: { origin: 'https://any.example' } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://any.example');
  });

  describe('served through toNodeListener', () => {
    itBehavesLikeAnEndpoint(async (options) => serve(toNodeListener(createFetchHandler(options)), '/'));
  });
});
