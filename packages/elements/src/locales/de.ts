// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** German UI strings: a chunk of its own, loaded only when the shopper's locale is `de`. */
const strings: Strings = {
  close: 'Schließen',
  send: 'Senden',
  thanks: 'Vielen Dank!',
  count: { other: '{0} von {1} Zeichen' },
  of: '{0} von {1}',
  yes: 'Ja',
  no: 'Nein',
  nps: ['Unwahrscheinlich', 'Sehr wahrscheinlich'],
  csat: ['Sehr unzufrieden', 'Sehr zufrieden'],
  ces: ['Sehr schwierig', 'Sehr einfach'],
  more: 'Möchten Sie uns noch etwas mitteilen?',
  survey: 'Umfrage',
};
export default strings;
