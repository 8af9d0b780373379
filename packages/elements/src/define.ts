// SPDX-License-Identifier: MIT
/**
 * Side-effect entry: `import '@moments/elements/define'` registers `<moment-survey>`.
 * @packageDocumentation
 */
import { defineMomentSurvey } from './registry.js';

defineMomentSurvey();
