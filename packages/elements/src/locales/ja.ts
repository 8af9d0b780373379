// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Japanese UI strings: a chunk of its own, loaded only when the shopper's locale is `ja`. */
const strings: Strings = {
  close: '閉じる',
  send: '送信',
  thanks: 'ありがとうございました！',
  count: { other: '{0} / {1} 文字' },
  of: '{1} 段階中 {0}',
  yes: 'はい',
  no: 'いいえ',
  nps: ['可能性は低い', '可能性は高い'],
  csat: ['非常に不満', '非常に満足'],
  ces: ['非常に難しい', '非常に簡単'],
  more: 'ほかにお聞かせいただけることはありますか？',
  survey: 'アンケート',
};
export default strings;
