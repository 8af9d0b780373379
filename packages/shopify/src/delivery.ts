// SPDX-License-Identifier: MIT
import {
  cloudEventsFormat,
  httpTransport,
  idempotencyKey,
  jsonFormat,
  resolveEndpoint,
  type Answer,
  type MomentsConfig,
  type Transport,
} from '@moments/core/internal';
import type { Store } from './store.js';

/**
 * Where answers go: the config's endpoint, resolved against the config's URL (a relative
 * `/collect` means the storefront's), HTTPS only (or http on localhost), as `moments.js` requires.
 */
export function endpointOf(config: MomentsConfig, configUrl: string): string | undefined {
  try {
    return resolveEndpoint(new URL(config.endpoint, configUrl).href, undefined);
  } catch {
    return undefined;
  }
}

/**
 * POSTs answers exactly as `moments.js` does: the config's `format` (`jsonFormat` or
 * `cloudEventsFormat` of `@moments/core`), its static `headers`, and an `Idempotency-Key` derived
 * from the answer ids (`idempotencyKey`), so a retry carries the same key and the endpoint
 * dedupes. Answers that did not get a 2xx stay in the store and go with the next attempt.
 * Resolves with whether everything was delivered; never rejects.
 */
export async function deliver(
  config: MomentsConfig,
  endpoint: string,
  store: Store,
  fresh: Answer[] = [],
  transport: Transport = httpTransport,
): Promise<boolean> {
  const answers = [...(await store.pending()), ...fresh];
  if (answers.length === 0) return true;
  await store.setPending(answers);
  const format = config.format === 'cloudevents' ? cloudEventsFormat : jsonFormat;
  const payload = await format(answers, []);
  const headers = typeof config.headers === 'object' ? (config.headers as Record<string, string>) : {};
  const ids = answers.map((answer) => answer.id);
  const { status } = await transport(endpoint, payload.body, {
    headers: { ...headers, ...payload.headers, 'idempotency-key': idempotencyKey(ids) },
  });
  if (status < 200 || status >= 300) return false;
  const sent = new Set(ids);
  await store.setPending((await store.pending()).filter((answer) => !sent.has(answer.id)));
  return true;
}
