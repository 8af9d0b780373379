// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Norwegian (Bokmål; also used for `no` and `nn`) UI strings: a chunk of its own, loaded only when the shopper's locale asks for `nb`. */
const strings: Strings = {
  close: 'Lukk',
  send: 'Send inn',
  thanks: 'Takk!',
  count: { other: '{0} av {1} tegn' },
  of: '{0} av {1}',
  yes: 'Ja',
  no: 'Nei',
  nps: ['Lite sannsynlig', 'Svært sannsynlig'],
  csat: ['Svært misfornøyd', 'Svært fornøyd'],
  ces: ['Svært vanskelig', 'Svært enkelt'],
  more: 'Er det noe mer du vil fortelle oss?',
  survey: 'Undersøkelse',
};
export default strings;
