// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Spanish UI strings: a chunk of its own, loaded only when the shopper's locale is `es`. */
const strings: Strings = {
  close: 'Cerrar',
  send: 'Enviar',
  thanks: '¡Gracias!',
  count: { one: '{0} de {1} carácter', other: '{0} de {1} caracteres' },
  of: '{0} de {1}',
  yes: 'Sí',
  no: 'No',
  nps: ['Poco probable', 'Muy probable'],
  csat: ['Muy insatisfecho', 'Muy satisfecho'],
  ces: ['Muy difícil', 'Muy fácil'],
  more: '¿Quiere contarnos algo más?',
  survey: 'Encuesta',
};
export default strings;
