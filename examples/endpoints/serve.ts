// SPDX-License-Identifier: MIT
// Test helper: serves a `node:http` request listener on a free port of 127.0.0.1.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningEndpoint } from './conformance.js';

export async function serve(listener: RequestListener, path = '/answers'): Promise<RunningEndpoint> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
