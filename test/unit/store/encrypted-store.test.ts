import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log/logger';
import { StartupError } from '../../../src-main/store/startup-error';
import { childDraft, startTestCore, tempDir } from '../../support/temp-core';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function newDir() {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}

async function populatedDataDir(): Promise<string> {
  const dataDir = newDir();
  const t = await startTestCore({ dataDir });
  await t.call('patients:register', { draft: childDraft() });
  t.core.close();
  return dataDir;
}

async function startupProblem(dataDir: string): Promise<StartupError> {
  try {
    const core = await createCore({ dataDir, logger: silentLogger });
    core.close();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('expected the core to refuse to start');
}

describe('the encrypted dCDR', () => {
  it('cannot be read by plain SQLite, and holds no readable patient name', async () => {
    const dataDir = await populatedDataDir();
    const file = join(dataDir, DB_FILE);
    const python = spawnSync(
      'python3',
      [
        '-c',
        `import sqlite3; print(sqlite3.connect(${JSON.stringify(file)}).execute("select count(*) from sqlite_master").fetchone())`,
      ],
      { encoding: 'utf8' },
    );
    expect(python.error).toBeUndefined();
    expect(python.status).not.toBe(0);
    expect(python.stderr).toMatch(/file is not a database/);
    const plain = new Database(file, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    expect(readFileSync(file).includes('Mukasa')).toBe(false);
  });

  it('keeps its key in an owner-only file and reopens with it', async () => {
    const dataDir = await populatedDataDir();
    expect(statSync(join(dataDir, 'db-key')).mode & 0o777).toBe(0o600);
    const t = await startTestCore({ dataDir, signIn: false });
    await t.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
    const found = await t.call<{ items: unknown[] }>('patients:search', { text: 'nakato' });
    expect(found.items).toHaveLength(1);
    t.core.close();
  });

  it('tightens a key file others could read', async () => {
    const dataDir = await populatedDataDir();
    chmodSync(join(dataDir, 'db-key'), 0o644);
    const core = await createCore({ dataDir, logger: silentLogger });
    core.close();
    expect(statSync(join(dataDir, 'db-key')).mode & 0o777).toBe(0o600);
  });

  it('refuses to open with a wrong key and leaves the file untouched', async () => {
    const dataDir = await populatedDataDir();
    const before = readFileSync(join(dataDir, DB_FILE));
    writeFileSync(join(dataDir, 'db-key'), 'ab'.repeat(32));
    const problem = await startupProblem(dataDir);
    expect(problem.problem).toBe('DB_UNREADABLE');
    expect(problem.message).toMatch(/left exactly as it was/);
    expect(readFileSync(join(dataDir, DB_FILE)).equals(before)).toBe(true);
  });

  it('does not make a new key for a database whose key is missing', async () => {
    const dataDir = await populatedDataDir();
    const other = newDir();
    copyFileSync(join(dataDir, DB_FILE), join(other, DB_FILE));
    const problem = await startupProblem(other);
    expect(problem.problem).toBe('KEY_MISSING');
  });

  it('reports a foreign or damaged file and never overwrites it', async () => {
    const dataDir = newDir();
    const junk = Buffer.from('This is a spreadsheet, not a database. '.repeat(200));
    writeFileSync(join(dataDir, DB_FILE), junk);
    writeFileSync(join(dataDir, 'db-key'), 'cd'.repeat(32), { mode: 0o600 });
    const problem = await startupProblem(dataDir);
    expect(problem.problem).toBe('DB_UNREADABLE');
    expect(readFileSync(join(dataDir, DB_FILE)).equals(junk)).toBe(true);
  });

  it('reports a damaged key file in words', async () => {
    const dataDir = await populatedDataDir();
    writeFileSync(join(dataDir, 'db-key'), 'not a key');
    expect((await startupProblem(dataDir)).problem).toBe('KEY_DAMAGED');
  });

  it('refuses a database written by a newer Kliniki', async () => {
    const dataDir = await populatedDataDir();
    const key = readFileSync(join(dataDir, 'db-key'), 'utf8');
    const db = new Database(join(dataDir, DB_FILE));
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    db.pragma('user_version = 99');
    db.close();
    const problem = await startupProblem(dataDir);
    expect(problem.problem).toBe('DB_NEWER');
    expect(problem.message).toMatch(/newer version of Kliniki/);
  });
});
