// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Urdu UI strings: a chunk of its own, loaded only when the shopper's locale asks for `ur`. */
const strings: Strings = {
  close: 'بند کریں',
  send: 'بھیجیں',
  thanks: 'شکریہ!',
  count: { other: '{1} میں سے {0} حروف' },
  of: '{1} میں سے {0}',
  yes: 'ہاں',
  no: 'نہیں',
  nps: ['امکان نہیں', 'بہت زیادہ امکان ہے'],
  csat: ['بہت غیر مطمئن', 'بہت مطمئن'],
  ces: ['بہت مشکل', 'بہت آسان'],
  more: 'کیا آپ ہمیں کچھ اور بتانا چاہیں گے؟',
  survey: 'سروے',
};
export default strings;
