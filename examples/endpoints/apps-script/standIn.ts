// SPDX-License-Identifier: MIT
// A local stand-in of a deployed Apps Script web app, for browser tests: Code.gs runs in a VM
// against the service stub, behind HTTP that behaves as script.google.com does for a web app:
// - `OPTIONS` (a CORS preflight) gets 405 with no CORS headers: a request that needs one fails;
// - `POST /macros/s/<id>/exec` runs `doPost`, then answers 302 to
//   `/macros/echo?user_content_key=…` on a second origin (script.googleusercontent.com's part),
//   whose `GET` returns the script's output with `Access-Control-Allow-Origin: *`;
// - `GET …/exec` runs `doGet` the same way.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createContext, runInContext } from 'node:vm';
import { createAppsScriptServices, postEvent } from './appsScriptStub.js';

type TextOutput = { getContent(): string; getMimeType(): string };
type Entry = { method: string; url: string; headers: IncomingMessage['headers']; status: number };

const source = readFileSync(new URL('./Code.gs', import.meta.url), 'utf8');
const EXEC = '/macros/s/stand-in/exec';

/** Starts both origins on 127.0.0.1; `execUrl` is what a site puts in its config. */
export async function startAppsScriptStandIn() {
  const services = createAppsScriptServices();
  const context = createContext({ ...services.globals });
  runInContext(source, context, { filename: 'Code.gs' });
  const run = (name: 'doPost' | 'doGet', event?: unknown) => (context[name] as (e: unknown) => TextOutput)(event);
  const outputs = new Map<string, string>();
  const requests: Entry[] = [];
  let serial = 0;

  const echo = await listen(
    createServer((req, res) => {
      const key = new URL(req.url ?? '/', 'http://x').searchParams.get('user_content_key') ?? '';
      const body = outputs.get(key);
      requests.push({ method: req.method ?? '', url: `echo${req.url}`, headers: req.headers, status: body ? 200 : 404 });
      res.writeHead(body ? 200 : 404, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end(body ?? '');
    }),
  );
  const script = await listen(
    createServer(async (req, res) => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, status: 405 };
      requests.push(entry);
      const body = await readBody(req);
      if (req.url !== EXEC || (req.method !== 'POST' && req.method !== 'GET')) return void res.writeHead(405).end();
      const output = req.method === 'POST' ? run('doPost', postEvent(body, String(req.headers['content-type']))) : run('doGet');
      const key = String(++serial);
      outputs.set(key, output.getContent());
      entry.status = 302;
      res.writeHead(302, { location: `${echo.url}/macros/echo?user_content_key=${key}`, 'access-control-allow-origin': '*' }).end();
    }),
  );
  return {
    execUrl: `${script.url}${EXEC}`,
    /** The spreadsheet's sheets (`Answers`, `Events`), header row first. */
    sheets: services.sheets,
    /** Every request either origin saw, in order. */
    requests,
    close: () => Promise.all([script.close(), echo.close()]),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
