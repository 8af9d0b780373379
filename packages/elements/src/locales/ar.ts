// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Arabic UI strings: a chunk of its own, loaded only when the shopper's locale is `ar`. */
const strings: Strings = {
  close: 'إغلاق',
  send: 'إرسال',
  thanks: 'شكرًا لك!',
  count: { one: '{0} من {1} حرف', two: '{0} من {1} حرفين', few: '{0} من {1} أحرف', many: '{0} من {1} حرفًا', other: '{0} من {1} حرف' },
  of: '{0} من {1}',
  yes: 'نعم',
  no: 'لا',
  nps: ['غير مرجح', 'مرجح جدًا'],
  csat: ['غير راضٍ جدًا', 'راضٍ جدًا'],
  ces: ['صعب جدًا', 'سهل جدًا'],
  more: 'هل تود إخبارنا بالمزيد؟',
  survey: 'استطلاع',
};
export default strings;
