// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Thai UI strings: a chunk of its own, loaded only when the shopper's locale asks for `th`. */
const strings: Strings = {
  close: 'ปิด',
  send: 'ส่ง',
  thanks: 'ขอบคุณ!',
  count: { other: '{0} จาก {1} ตัวอักษร' },
  of: '{0} จาก {1}',
  yes: 'ใช่',
  no: 'ไม่ใช่',
  nps: ['ไม่น่าจะแนะนำ', 'แนะนำแน่นอน'],
  csat: ['ไม่พอใจอย่างมาก', 'พอใจอย่างมาก'],
  ces: ['ยากมาก', 'ง่ายมาก'],
  more: 'มีอะไรอยากบอกเราเพิ่มเติมไหม',
  survey: 'แบบสำรวจ',
};
export default strings;
