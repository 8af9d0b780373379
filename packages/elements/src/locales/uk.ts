// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Ukrainian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `uk`. */
const strings: Strings = {
  close: 'Закрити',
  send: 'Надіслати',
  thanks: 'Дякуємо!',
  count: { one: '{0} з {1} символу', other: '{0} з {1} символів' },
  of: '{0} з {1}',
  yes: 'Так',
  no: 'Ні',
  nps: ['Малоймовірно', 'Дуже ймовірно'],
  csat: ['Дуже незадоволений', 'Дуже задоволений'],
  ces: ['Дуже складно', 'Дуже легко'],
  more: 'Бажаєте розповісти нам ще щось?',
  survey: 'Опитування',
};
export default strings;
