// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Swedish UI strings: a chunk of its own, loaded only when the shopper's locale is `sv`. */
const strings: Strings = {
  close: 'Stäng',
  send: 'Skicka',
  thanks: 'Tack!',
  count: { other: '{0} av {1} tecken' },
  of: '{0} av {1}',
  yes: 'Ja',
  no: 'Nej',
  nps: ['Inte troligt', 'Mycket troligt'],
  csat: ['Mycket missnöjd', 'Mycket nöjd'],
  ces: ['Mycket svårt', 'Mycket enkelt'],
  more: 'Vill du berätta något mer?',
  survey: 'Enkät',
};
export default strings;
