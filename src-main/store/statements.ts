import type { Sqlite } from './client';
import type Database from 'better-sqlite3';

const caches = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/** Prepares each SQL text once per connection: hot paths (search, save) skip the parser. */
export function stmt(sqlite: Sqlite, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
