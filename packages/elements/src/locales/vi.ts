// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Vietnamese UI strings: a chunk of its own, loaded only when the shopper's locale asks for `vi`. */
const strings: Strings = {
  close: 'Đóng',
  send: 'Gửi',
  thanks: 'Cảm ơn bạn!',
  count: { other: '{0}/{1} ký tự' },
  of: '{0} trên {1}',
  yes: 'Có',
  no: 'Không',
  nps: ['Không có khả năng', 'Rất có khả năng'],
  csat: ['Rất không hài lòng', 'Rất hài lòng'],
  ces: ['Rất khó', 'Rất dễ'],
  more: 'Bạn có muốn chia sẻ thêm điều gì với chúng tôi không?',
  survey: 'Khảo sát',
};
export default strings;
