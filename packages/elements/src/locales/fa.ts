// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Persian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `fa`. */
const strings: Strings = {
  close: 'بستن',
  send: 'ارسال',
  thanks: 'سپاسگزاریم!',
  count: { other: '{0} از {1} نویسه' },
  of: '{0} از {1}',
  yes: 'بله',
  no: 'خیر',
  nps: ['بعید است', 'بسیار محتمل است'],
  csat: ['بسیار ناراضی', 'بسیار راضی'],
  ces: ['بسیار دشوار', 'بسیار آسان'],
  more: 'چیز دیگری هست که بخواهید به ما بگویید؟',
  survey: 'نظرسنجی',
};
export default strings;
