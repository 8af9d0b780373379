// SPDX-License-Identifier: MIT
import type { Answer } from '@moments/core';

/** Shopify's extension storage (`shopify.storage`): per buyer and extension, survives reloads. */
export interface ExtensionStorage {
  read<T = unknown>(key: string): Promise<T | null>;
  write(key: string, data: unknown): Promise<void>;
}

const VISITOR = 'moments:visitor';
const PENDING = 'moments:pending';
const asked = (surveyId: string, orderId: string) => `moments:asked:${surveyId}:${orderId}`;

/**
 * What the extension remembers in `shopify.storage`: the anonymous visitor id, which survey was
 * already asked about which order (`oncePer: "orderId"`), and answers not yet delivered. Storage
 * failures (a full or unavailable store) degrade to "not remembered", never to an exception.
 */
export function createStore(storage: ExtensionStorage, createId: () => string) {
  const read = async <T>(key: string): Promise<T | null> => {
    try {
      return await storage.read<T>(key);
    } catch {
      return null;
    }
  };
  const write = async (key: string, value: unknown): Promise<void> => {
    try {
      await storage.write(key, value);
    } catch {
      // Not remembered: at worst the survey is asked again, or a retry waits for the next visit.
    }
  };
  return {
    async visitorId(): Promise<string> {
      const known = await read<string>(VISITOR);
      if (known) return known;
      const id = createId();
      await write(VISITOR, id);
      return id;
    },
    wasAsked: async (surveyId: string, orderId: string) => (await read<boolean>(asked(surveyId, orderId))) === true,
    markAsked: (surveyId: string, orderId: string) => write(asked(surveyId, orderId), true),
    pending: async () => (await read<Answer[]>(PENDING)) ?? [],
    setPending: (answers: Answer[]) => write(PENDING, answers),
  };
}

export type Store = ReturnType<typeof createStore>;
