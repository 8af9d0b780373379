// SPDX-License-Identifier: MIT
/**
 * Receiving Moments answers in an Express 5 app: one router, mounted where you like.
 *
 *   import { createAnswersRouter } from './express.mjs';
 *   app.use(createAnswersRouter({ store, allowedOrigins: ['https://shop.example'] }));
 *
 * Run alone (`ALLOWED_ORIGINS=https://shop.example node examples/endpoints/express.mjs`) it
 * listens on http://127.0.0.1:8787/answers with an in-memory store.
 */
import express from 'express';
import { fileURLToPath } from 'node:url';
import { corsHeaders, createMemoryStore, MAX_BODY_BYTES, receiveBatch, refuse } from './receive.mjs';

/**
 * @typedef {import('./receive.mjs').AnswerStore} AnswerStore
 * @typedef {import('./receive.mjs').Reply} Reply
 */

/**
 * A router serving `POST` and `OPTIONS` on `path` (default `/answers`).
 * @param {{ store: AnswerStore, allowedOrigins: readonly string[], path?: string }} options
 * @returns {import('express').Router}
 */
export function createAnswersRouter({ store, allowedOrigins, path = '/answers' }) {
  const router = express.Router();
  // The body is read as text whatever its content type: the SDK's pagehide beacon sends JSON as
  // `text/plain` (a CORS-safe type), and parsing it ourselves gives the same 400 messages
  // as the other examples.
  const text = express.text({ type: () => true, limit: MAX_BODY_BYTES });
  /** @type {(req: import('express').Request, res: import('express').Response, reply: Reply) => void} */
  const send = (req, res, reply) =>
    void res
      .status(reply.status)
      .set({ ...corsHeaders(req.get('origin'), allowedOrigins), ...reply.headers })
      .send(reply.body);

  router.options(
    path,
    (req, res) =>
      void res
        .status(204)
        .set(corsHeaders(req.get('origin'), allowedOrigins))
        .end(),
  );
  router.post(path, text, async (req, res) => send(req, res, await receiveBatch(bodyText(req.body), store)));
  router.all(path, (req, res) => send(req, res, refuse(405)));
  /** @type {import('express').ErrorRequestHandler} */
  const onError = (error, req, res, next) => {
    if (error?.type !== 'entity.too.large') return next(error);
    send(req, res, refuse(413));
  };
  router.use(onError);
  return router;
}

/**
 * The body as text; an app-wide `express.json()` that ran first has already parsed it.
 * @param {unknown} body
 */
function bodyText(body) {
  if (typeof body === 'string') return body;
  return body === undefined ? '' : JSON.stringify(body);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const store = createMemoryStore();
  const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = express()
    .use(createAnswersRouter({ store, allowedOrigins }))
    .listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      console.log(`Moments answers endpoint (Express): http://${host}:${actual}/answers`);
    });
}
