// SPDX-License-Identifier: MIT
/**
 * Serves a `(Request) => Response` handler with `node:http`, for trying `fetch-handler.mjs` on
 * Node 20 (which has `Request`/`Response` globals but no `serve`):
 *
 *   ALLOWED_ORIGINS=https://shop.example node examples/endpoints/node-adapter.mjs
 *
 * listens on http://127.0.0.1:8787/ with the fetch handler and an in-memory store.
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createFetchHandler } from './fetch-handler.mjs';
import { createMemoryStore } from './receive.mjs';

/**
 * Wraps a fetch handler as a `node:http` request listener. Bodies stream through unchanged.
 * @param {(request: Request) => Promise<Response>} handler
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function toNodeListener(handler) {
  return async (req, res) => {
    try {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      /** @type {RequestInit & { duplex?: 'half' }} */
      const init = { method: req.method ?? 'GET', headers: toHeaders(req.headers) };
      if (hasBody) Object.assign(init, { body: /** @type {ReadableStream} */ (Readable.toWeb(req)), duplex: 'half' });
      const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), init);
      const response = await handler(request);
      // A handler that refused a body without reading it: close rather than wait for the rest.
      const close = hasBody && !request.bodyUsed ? { connection: 'close' } : {};
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...close });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      res.destroy();
    }
  };
}

/** @param {import('node:http').IncomingHttpHeaders} headers */
function toHeaders(headers) {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(name, item);
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createServer(toNodeListener(createFetchHandler({ store: createMemoryStore(), allowedOrigins })));
  server.listen(port, host, () => {
    const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`Moments answers endpoint (fetch handler): http://${host}:${actual}/`);
  });
}
