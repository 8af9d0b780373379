// SPDX-License-Identifier: MIT
// The database drivers ship no types; the test helpers use a few calls of each.
declare module 'better-sqlite3';
declare module 'pg';
