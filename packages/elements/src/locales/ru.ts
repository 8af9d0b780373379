// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Russian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `ru`. */
const strings: Strings = {
  close: 'Закрыть',
  send: 'Отправить',
  thanks: 'Спасибо!',
  count: { one: '{0} из {1} символа', other: '{0} из {1} символов' },
  of: '{0} из {1}',
  yes: 'Да',
  no: 'Нет',
  nps: ['Маловероятно', 'Очень вероятно'],
  csat: ['Очень недоволен', 'Очень доволен'],
  ces: ['Очень сложно', 'Очень легко'],
  more: 'Хотите рассказать нам что-нибудь ещё?',
  survey: 'Опрос',
};
export default strings;
