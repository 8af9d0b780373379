// SPDX-License-Identifier: MIT
// A local collector endpoint: accepts `POST {"answers": [...]}` from any origin, stores each
// answer once (deduped on its id, as every endpoint should) and lists what arrived.

const MAX_BODY_BYTES = 1024 * 1024;

/** Creates an in-memory collector. `handle(req, res)` serves POST (and CORS preflight). */
export function createCollector({ log = () => {} } = {}) {
  const answers = new Map();
  const received = { requests: 0, duplicates: 0 };

  async function handle(req, res) {
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-max-age': '600',
      vary: 'origin',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.method !== 'POST') return void res.writeHead(405, { ...cors, allow: 'POST, OPTIONS' }).end();
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      return void res.writeHead(400, { ...cors, 'content-type': 'text/plain' }).end(`bad request: ${error.message}\n`);
    }
    if (!body || !Array.isArray(body.answers)) {
      return void res.writeHead(400, { ...cors, 'content-type': 'text/plain' }).end('bad request: expected {"answers": [...]}\n');
    }
    received.requests++;
    let stored = 0;
    for (const answer of body.answers) {
      if (!answer || typeof answer.id !== 'string') continue;
      if (answers.has(answer.id)) {
        received.duplicates++;
        continue;
      }
      answers.set(answer.id, answer);
      stored++;
      log(answer);
    }
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ stored }));
  }

  return { handle, answers: () => [...answers.values()], received };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
