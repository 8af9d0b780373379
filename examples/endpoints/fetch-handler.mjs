// SPDX-License-Identifier: MIT
/**
 * Receiving Moments answers with a standard `fetch` handler, `(Request) => Promise<Response>`:
 * the shape Cloudflare Workers, Deno, Bun and Vercel/Netlify edge functions share.
 *
 *   Cloudflare Workers   export default { fetch: createFetchHandler({ store, allowedOrigins }) };
 *   Deno                 Deno.serve(createFetchHandler({ store, allowedOrigins }));
 *   Bun                  Bun.serve({ fetch: createFetchHandler({ store, allowedOrigins }) });
 *   Vercel (Next.js)     export const POST = handler; export const OPTIONS = handler;
 *   Netlify edge         export default handler; export const config = { path: '/answers' };
 *
 * Edge isolates do not share memory, so give it a store backed by your platform's database
 * (D1, Deno KV, Postgres, …): `add` must insert unless the id exists. Node: `node-adapter.mjs`.
 */
import { corsHeaders, MAX_BODY_BYTES, receiveBatch, refuse } from './receive.mjs';

/**
 * @typedef {import('./receive.mjs').AnswerStore} AnswerStore
 * @typedef {import('./receive.mjs').Reply} Reply
 */

/**
 * Creates the handler. It answers every path it is given: route it to your endpoint's path.
 * @param {{ store: AnswerStore, allowedOrigins: readonly string[] }} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createFetchHandler({ store, allowedOrigins }) {
  return async (request) => {
    const cors = corsHeaders(request.headers.get('origin'), allowedOrigins);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    /** @type {Reply} */
    let reply;
    if (request.method !== 'POST') reply = refuse(405);
    else if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) reply = refuse(413);
    else {
      const text = await request.text();
      // Length in UTF-16 units is at most the byte length, so this never refuses a legal body.
      reply = text.length > MAX_BODY_BYTES ? refuse(413) : await receiveBatch(text, store);
    }
    return new Response(reply.body, { status: reply.status, headers: { ...cors, ...reply.headers } });
  };
}
