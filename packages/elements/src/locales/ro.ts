// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Romanian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `ro`. */
const strings: Strings = {
  close: 'Închide',
  send: 'Trimite',
  thanks: 'Mulțumim!',
  count: { one: '{0} din {1} caracter', few: '{0} din {1} caractere', other: '{0} din {1} de caractere' },
  of: '{0} din {1}',
  yes: 'Da',
  no: 'Nu',
  nps: ['Puțin probabil', 'Foarte probabil'],
  csat: ['Foarte nemulțumit', 'Foarte mulțumit'],
  ces: ['Foarte dificil', 'Foarte ușor'],
  more: 'Mai doriți să ne spuneți ceva?',
  survey: 'Sondaj',
};
export default strings;
