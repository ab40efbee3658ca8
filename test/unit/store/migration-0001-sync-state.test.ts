import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openStore } from '../../../src-main/store/client';
import { newDatabaseKey } from '../../../src-main/store/key-file';
import { tempDir } from '../../support/temp-core';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

/** A copy of the migrations folder as it was when only the first `count` had shipped. */
function migrationsUpTo(count: number): string {
  const dir = tempDir('kliniki-migrations-');
  dirs.push(dir);
  cpSync(defaultMigrationsFolder(), dir.path, { recursive: true });
  const journalPath = join(dir.path, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  for (const entry of journal.entries.slice(count)) rmSync(join(dir.path, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir.path;
}

describe('migration 0001 (sync state)', () => {
  it('keeps queued local changes and marks them pending for the sync worker', () => {
    const data = tempDir();
    dirs.push(data);
    const path = join(data.path, 'kliniki.db');
    const key = newDatabaseKey();

    const old = openStore({ path, key, migrationsFolder: migrationsUpTo(1) });
    old.sqlite
      .prepare(
        "INSERT INTO outbox (resource_type, resource_id, op, base_version, rev, created_at, user_id) VALUES ('Patient', 'p1', 'update', '3', 2, '2026-11-01T00:00:00Z', 'u1')",
      )
      .run();
    old.close();

    const current = openStore({ path, key });
    const rows = current.sqlite
      .prepare('SELECT resource_id, op, base_version, state, attempts, last_error FROM outbox')
      .all();
    expect(rows).toEqual([
      { resource_id: 'p1', op: 'update', base_version: '3', state: 'pending', attempts: 0, last_error: null },
    ]);
    current.close();
  });
});
