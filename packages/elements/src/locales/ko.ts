// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Korean UI strings: a chunk of its own, loaded only when the shopper's locale asks for `ko`. */
const strings: Strings = {
  close: '닫기',
  send: '보내기',
  thanks: '감사합니다!',
  count: { other: '{1}자 중 {0}자' },
  of: '{1}점 만점에 {0}점',
  yes: '예',
  no: '아니요',
  nps: ['가능성 낮음', '가능성 매우 높음'],
  csat: ['매우 불만족', '매우 만족'],
  ces: ['매우 어려움', '매우 쉬움'],
  more: '더 하고 싶은 말씀이 있으신가요?',
  survey: '설문조사',
};
export default strings;
