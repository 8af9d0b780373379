// SPDX-License-Identifier: MIT
import * as z from 'zod/mini';
import { parseConfig } from './decide/config/parseConfig.js';
import type { MomentsConfig } from './decide/config/schema.js';

/**
 * The Moments config as a zod/mini schema, for apps that validate their settings with zod
 * (in a build step, a CMS, a test). Strict: every issue `parseConfig` reports fails it,
 * unknown keys and skipped surveys included, each with its path and message. The SDK itself
 * never loads zod: it runs the same schema through `parseConfig`.
 */
export const zodConfigSchema = z.unknown().check((ctx) => {
  for (const issue of parseConfig(ctx.value).issues) {
    ctx.issues.push({ code: 'custom', message: `${issue.path}: ${issue.message}`, input: ctx.value, path: [] });
  }
}) as unknown as z.ZodMiniType<MomentsConfig>;
