// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Polish UI strings: a chunk of its own, loaded only when the shopper's locale is `pl`. */
const strings: Strings = {
  close: 'Zamknij',
  send: 'Wyślij',
  thanks: 'Dziękujemy!',
  count: { one: '{0} z {1} znaku', other: '{0} z {1} znaków' },
  of: '{0} z {1}',
  yes: 'Tak',
  no: 'Nie',
  nps: ['Mało prawdopodobne', 'Bardzo prawdopodobne'],
  csat: ['Bardzo niezadowolony', 'Bardzo zadowolony'],
  ces: ['Bardzo trudne', 'Bardzo łatwe'],
  more: 'Czy chcesz nam powiedzieć coś więcej?',
  survey: 'Ankieta',
};
export default strings;
