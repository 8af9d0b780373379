// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Czech UI strings: a chunk of its own, loaded only when the shopper's locale asks for `cs`. */
const strings: Strings = {
  close: 'Zavřít',
  send: 'Odeslat',
  thanks: 'Děkujeme!',
  count: { one: '{0} z {1} znaku', other: '{0} z {1} znaků' },
  of: '{0} z {1}',
  yes: 'Ano',
  no: 'Ne',
  nps: ['Nepravděpodobné', 'Velmi pravděpodobné'],
  csat: ['Velmi nespokojen', 'Velmi spokojen'],
  ces: ['Velmi obtížné', 'Velmi snadné'],
  more: 'Chcete nám sdělit ještě něco?',
  survey: 'Průzkum',
};
export default strings;
