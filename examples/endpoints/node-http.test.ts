// SPDX-License-Identifier: MIT
import { describe } from 'vitest';
import { itBehavesLikeAnEndpoint } from './conformance.js';
import { createAnswersHandler } from './node-http.mjs';
import { serve } from './serve.js';

describe('createAnswersHandler', () => {
  itBehavesLikeAnEndpoint(async (options) => serve(createAnswersHandler(options)));
});
