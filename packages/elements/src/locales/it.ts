// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Italian UI strings: a chunk of its own, loaded only when the shopper's locale is `it`. */
const strings: Strings = {
  close: 'Chiudi',
  send: 'Invia',
  thanks: 'Grazie!',
  count: { one: '{0} di {1} carattere', other: '{0} di {1} caratteri' },
  of: '{0} di {1}',
  yes: 'Sì',
  no: 'No',
  nps: ['Poco probabile', 'Molto probabile'],
  csat: ['Molto insoddisfatto', 'Molto soddisfatto'],
  ces: ['Molto difficile', 'Molto facile'],
  more: 'Vuole dirci qualcos’altro?',
  survey: 'Sondaggio',
};
export default strings;
