// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Portuguese UI strings: a chunk of its own, loaded only when the shopper's locale is `pt`. */
const strings: Strings = {
  close: 'Fechar',
  send: 'Enviar',
  thanks: 'Obrigado!',
  count: { one: '{0} de {1} caractere', other: '{0} de {1} caracteres' },
  of: '{0} de {1}',
  yes: 'Sim',
  no: 'Não',
  nps: ['Pouco provável', 'Muito provável'],
  csat: ['Muito insatisfeito', 'Muito satisfeito'],
  ces: ['Muito difícil', 'Muito fácil'],
  more: 'Gostaria de nos dizer mais alguma coisa?',
  survey: 'Questionário',
};
export default strings;
