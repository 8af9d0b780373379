// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Turkish UI strings: a chunk of its own, loaded only when the shopper's locale asks for `tr`. */
const strings: Strings = {
  close: 'Kapat',
  send: 'Gönder',
  thanks: 'Teşekkürler!',
  count: { other: '{0}/{1} karakter' },
  of: '{1} üzerinden {0}',
  yes: 'Evet',
  no: 'Hayır',
  nps: ['Pek olası değil', 'Çok olası'],
  csat: ['Hiç memnun değilim', 'Çok memnunum'],
  ces: ['Çok zor', 'Çok kolay'],
  more: 'Bize söylemek istediğiniz başka bir şey var mı?',
  survey: 'Anket',
};
export default strings;
