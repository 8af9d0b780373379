// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Indonesian UI strings: a chunk of its own, loaded only when the shopper's locale asks for `id`. */
const strings: Strings = {
  close: 'Tutup',
  send: 'Kirim',
  thanks: 'Terima kasih!',
  count: { other: '{0} dari {1} karakter' },
  of: '{0} dari {1}',
  yes: 'Ya',
  no: 'Tidak',
  nps: ['Tidak mungkin', 'Sangat mungkin'],
  csat: ['Sangat tidak puas', 'Sangat puas'],
  ces: ['Sangat sulit', 'Sangat mudah'],
  more: 'Ada hal lain yang ingin Anda sampaikan kepada kami?',
  survey: 'Survei',
};
export default strings;
