// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Chinese (Traditional; also `zh-TW`, `zh-HK`, `zh-MO`) UI strings: a chunk of its own, loaded only when the shopper's locale asks for `zh-Hant`. */
const strings: Strings = {
  close: '關閉',
  send: '送出',
  thanks: '謝謝！',
  count: { other: '{0}/{1} 個字元' },
  of: '{0}/{1}',
  yes: '是',
  no: '否',
  nps: ['不太可能', '非常可能'],
  csat: ['非常不滿意', '非常滿意'],
  ces: ['非常困難', '非常容易'],
  more: '還有什麼想告訴我們的嗎？',
  survey: '問卷調查',
};
export default strings;
