// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Hebrew UI strings: a chunk of its own, loaded only when the shopper's locale is `he`. */
const strings: Strings = {
  close: 'סגירה',
  send: 'שליחה',
  thanks: 'תודה!',
  count: { one: '{0} מתוך {1} תו', other: '{0} מתוך {1} תווים' },
  of: '{0} מתוך {1}',
  yes: 'כן',
  no: 'לא',
  nps: ['לא סביר', 'סביר מאוד'],
  csat: ['לא מרוצה בכלל', 'מרוצה מאוד'],
  ces: ['קשה מאוד', 'קל מאוד'],
  more: 'יש עוד משהו שתרצו לספר לנו?',
  survey: 'סקר',
};
export default strings;
