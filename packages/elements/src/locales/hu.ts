// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Hungarian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `hu`. */
const strings: Strings = {
  close: 'Bezárás',
  send: 'Küldés',
  thanks: 'Köszönjük!',
  count: { other: '{0}/{1} karakter' },
  of: '{0}/{1}',
  yes: 'Igen',
  no: 'Nem',
  nps: ['Nem valószínű', 'Nagyon valószínű'],
  csat: ['Nagyon elégedetlen', 'Nagyon elégedett'],
  ces: ['Nagyon nehéz', 'Nagyon könnyű'],
  more: 'Szeretne még valamit elmondani nekünk?',
  survey: 'Kérdőív',
};
export default strings;
