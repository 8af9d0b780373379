// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Hindi UI strings: a chunk of its own, loaded only when the shopper's locale asks for `hi`. */
const strings: Strings = {
  close: 'बंद करें',
  send: 'भेजें',
  thanks: 'धन्यवाद!',
  count: { other: '{1} में से {0} वर्ण' },
  of: '{1} में से {0}',
  yes: 'हाँ',
  no: 'नहीं',
  nps: ['संभावना नहीं', 'बहुत संभावना है'],
  csat: ['बहुत असंतुष्ट', 'बहुत संतुष्ट'],
  ces: ['बहुत कठिन', 'बहुत आसान'],
  more: 'क्या आप हमें कुछ और बताना चाहेंगे?',
  survey: 'सर्वेक्षण',
};
export default strings;
