// SPDX-License-Identifier: MIT
import type { Strings } from './en.js';

/** Finnish UI strings: a chunk of its own, loaded only when the shopper's locale asks for `fi`. */
const strings: Strings = {
  close: 'Sulje',
  send: 'Lähetä',
  thanks: 'Kiitos!',
  count: { one: '{0}/{1} merkki', other: '{0}/{1} merkkiä' },
  of: '{0}/{1}',
  yes: 'Kyllä',
  no: 'Ei',
  nps: ['Epätodennäköistä', 'Erittäin todennäköistä'],
  csat: ['Erittäin tyytymätön', 'Erittäin tyytyväinen'],
  ces: ['Erittäin vaikeaa', 'Erittäin helppoa'],
  more: 'Haluatko kertoa meille vielä jotain?',
  survey: 'Kysely',
};
export default strings;
