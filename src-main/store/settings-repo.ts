import type { Sqlite } from './client';
import { stmt } from './statements';

export function readSetting<T>(sqlite: Sqlite, key: string): T | undefined {
  const row = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(sqlite: Sqlite, key: string, value: unknown): void {
  stmt(
    sqlite,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
