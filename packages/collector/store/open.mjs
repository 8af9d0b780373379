// SPDX-License-Identifier: MIT
import { openSqliteStore } from './sqlite.mjs';

/**
 * Opens the store a `database` setting names: a `postgres://` / `postgresql://` URL, or a SQLite
 * file path (`:memory:` in tests). The PostgreSQL driver is loaded only when asked for.
 */
export async function openStore(database) {
  if (/^postgres(ql)?:\/\//i.test(database)) {
    const { openPostgresStore } = await import('./postgres.mjs');
    return openPostgresStore(database);
  }
  return openSqliteStore(database);
}
