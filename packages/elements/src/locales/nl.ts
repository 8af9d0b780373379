// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Dutch UI strings: a chunk of its own, loaded only when the shopper's locale is `nl`. */
const strings: Strings = {
  close: 'Sluiten',
  send: 'Versturen',
  thanks: 'Bedankt!',
  count: { one: '{0} van {1} teken', other: '{0} van {1} tekens' },
  of: '{0} van {1}',
  yes: 'Ja',
  no: 'Nee',
  nps: ['Onwaarschijnlijk', 'Zeer waarschijnlijk'],
  csat: ['Zeer ontevreden', 'Zeer tevreden'],
  ces: ['Zeer moeilijk', 'Zeer makkelijk'],
  more: 'Wilt u ons nog iets vertellen?',
  survey: 'Enquête',
};
export default strings;
