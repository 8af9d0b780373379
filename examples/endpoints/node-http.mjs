// SPDX-License-Identifier: MIT
/**
 * Receiving Moments answers with nothing but `node:http`.
 *
 *   ALLOWED_ORIGINS=https://shop.example node examples/endpoints/node-http.mjs
 *
 * listens on http://127.0.0.1:8787/answers (`PORT`, `HOST` change that) and prints each answer
 * once. Answers live in memory here: pass your own `store` (see `receive.mjs`) to keep them.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { corsHeaders, createMemoryStore, MAX_BODY_BYTES, receiveBatch, refuse } from './receive.mjs';

/**
 * @typedef {import('./receive.mjs').AnswerStore} AnswerStore
 * @typedef {{ store: AnswerStore, allowedOrigins: readonly string[] }} AnswersHandlerOptions
 */

/**
 * Creates a `(req, res)` handler for POST (and CORS preflight) of `{"answers": [...]}`. Mount it
 * on the path your config's `endpoint` names.
 * @param {AnswersHandlerOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createAnswersHandler({ store, allowedOrigins }) {
  return async (req, res) => {
    const cors = corsHeaders(req.headers.origin, allowedOrigins);
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    try {
      const text = req.method === 'POST' ? await readBody(req) : undefined;
      const reply = req.method !== 'POST' ? refuse(405) : text === undefined ? refuse(413) : await receiveBatch(text, store);
      // A refused body was not read: close the connection rather than wait for the rest of it.
      const close = reply.status === 413 ? { connection: 'close' } : {};
      res.writeHead(reply.status, { ...cors, ...reply.headers, ...close }).end(reply.body);
    } catch {
      res.destroy(); // the client went away mid-body: nobody is left to answer
    }
  };
}

/**
 * The body as text, or undefined when it is larger than `MAX_BODY_BYTES`.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string | undefined>}
 */
async function readBody(req) {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return undefined;
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const store = createMemoryStore();
  const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
  const handle = createAnswersHandler({
    allowedOrigins,
    store: {
      async add(kind, record) {
        const added = await store.add(kind, record);
        if (added && kind === 'answer') console.log('answer', JSON.stringify(record));
        return added;
      },
    },
  });
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === '/answers') return void handle(req, res);
    res.writeHead(404).end();
  });
  server.listen(port, host, () => {
    const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(
      `Moments answers endpoint: http://${host}:${actual}/answers (CORS for: ${allowedOrigins.join(', ') || 'no origin; set ALLOWED_ORIGINS'})`,
    );
  });
}
