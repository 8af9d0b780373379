// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Danish UI strings: a chunk of its own, loaded only when the shopper's locale asks for `da`. */
const strings: Strings = {
  close: 'Luk',
  send: 'Indsend',
  thanks: 'Tak!',
  count: { other: '{0} af {1} tegn' },
  of: '{0} af {1}',
  yes: 'Ja',
  no: 'Nej',
  nps: ['Ikke sandsynligt', 'Meget sandsynligt'],
  csat: ['Meget utilfreds', 'Meget tilfreds'],
  ces: ['Meget svært', 'Meget nemt'],
  more: 'Er der andet, du gerne vil fortælle os?',
  survey: 'Undersøgelse',
};
export default strings;
