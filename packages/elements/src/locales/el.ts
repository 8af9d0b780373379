// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Greek UI strings: a chunk of its own, loaded only when the shopper's locale asks for `el`. */
const strings: Strings = {
  close: 'Κλείσιμο',
  send: 'Αποστολή',
  thanks: 'Ευχαριστούμε!',
  count: { one: '{0} από {1} χαρακτήρα', other: '{0} από {1} χαρακτήρες' },
  of: '{0} από {1}',
  yes: 'Ναι',
  no: 'Όχι',
  nps: ['Απίθανο', 'Πολύ πιθανό'],
  csat: ['Πολύ δυσαρεστημένος', 'Πολύ ικανοποιημένος'],
  ces: ['Πολύ δύσκολο', 'Πολύ εύκολο'],
  more: 'Θα θέλατε να μας πείτε κάτι ακόμη;',
  survey: 'Έρευνα',
};
export default strings;
