// SPDX-License-Identifier: MIT
import express from 'express';
import { describe, expect, it } from 'vitest';
import { itBehavesLikeAnEndpoint } from './conformance.js';
import { createAnswersRouter } from './express.mjs';
import { makeBatch } from './fixtures.js';
import { createMemoryStore } from './receive.mjs';
import { serve } from './serve.js';

describe('createAnswersRouter', () => {
  itBehavesLikeAnEndpoint(async (options) => serve(express().use(createAnswersRouter(options))));

  it('serves the path it is given and leaves the app its other routes', async () => {
    const store = createMemoryStore();
    const app = express()
      .use(express.json()) // an app-wide JSON parser must not stop the router reading the body
      .use('/api', createAnswersRouter({ store, allowedOrigins: [], path: '/moments' }))
      .get('/health', (_req, res) => void res.send('ok'));
    const endpoint = await serve(app, '/api/moments');
    try {
      expect(
        (await fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: makeBatch(2) })).status,
      ).toBe(200);
      expect(store.all('answer')).toHaveLength(2);
      expect(await (await fetch(endpoint.url.replace('/api/moments', '/health'))).text()).toBe('ok');
    } finally {
      await endpoint.close();
    }
  });
});
