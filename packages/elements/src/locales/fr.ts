// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** French UI strings: a chunk of its own, loaded only when the shopper's locale is `fr`. */
const strings: Strings = {
  close: 'Fermer',
  send: 'Envoyer',
  thanks: 'Merci !',
  count: { one: '{0} sur {1} caractère', other: '{0} sur {1} caractères' },
  of: '{0} sur {1}',
  yes: 'Oui',
  no: 'Non',
  nps: ['Peu probable', 'Très probable'],
  csat: ['Très insatisfait', 'Très satisfait'],
  ces: ['Très difficile', 'Très facile'],
  more: 'Souhaitez-vous nous en dire plus ?',
  survey: 'Sondage',
};
export default strings;
