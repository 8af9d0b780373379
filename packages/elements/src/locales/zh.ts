// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Chinese (Simplified) UI strings: a chunk of its own, loaded only when the shopper's locale is `zh`. */
const strings: Strings = {
  close: '关闭',
  send: '提交',
  thanks: '谢谢！',
  count: { other: '{0}/{1} 个字符' },
  of: '{0}/{1}',
  yes: '是',
  no: '否',
  nps: ['不太可能', '非常可能'],
  csat: ['非常不满意', '非常满意'],
  ces: ['非常困难', '非常容易'],
  more: '还有什么想告诉我们的吗？',
  survey: '调查',
};
export default strings;
