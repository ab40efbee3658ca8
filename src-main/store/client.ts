import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { StartupError } from './startup-error';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The migrations folder beside this file; bundled, this code may sit in a shared chunk one
 * folder below the entry, beside which the build copies the folder.
 */
export function defaultMigrationsFolder(): string {
  if (process.env.KLINIKI_MIGRATIONS) return process.env.KLINIKI_MIGRATIONS;
  const candidates = [join(here, 'migrations'), join(here, '..', 'migrations')];
  return candidates.find((c) => existsSync(join(c, 'meta', '_journal.json'))) ?? candidates[0]!;
}

function migrationCount(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export interface OpenOptions {
  /** A file path, or ':memory:' for unit tests (memory databases cannot be encrypted). */
  path: string;
  /** Raw 32-byte key; null opens without encryption (memory databases only). */
  key: Buffer | null;
  migrationsFolder?: string;
}

/**
 * Opens the dCDR, applies pending migrations, and refuses a database made by a newer Kliniki.
 * A file that is not a Kliniki database (or the wrong key) is reported and never written to.
 */
export function openStore(options: OpenOptions): Store {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder();
  const isFile = options.path !== ':memory:';
  const existed = isFile && existsSync(options.path);
  if (isFile && options.key === null) throw new Error('A database file must be encrypted: no key given');

  const sqlite = new Database(options.path, { fileMustExist: existed });
  try {
    if (options.key) {
      sqlite.pragma(`cipher='sqlcipher'`);
      sqlite.pragma('legacy=4');
      sqlite.pragma(`key="x'${options.key.toString('hex')}'"`);
    }
    // The first real read is where a wrong key or a foreign file shows itself.
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (cause) {
      throw new StartupError(
        'DB_UNREADABLE',
        `The patient database ${options.path} cannot be read: it is damaged, was made by another program, or belongs to another Kliniki installation whose key this one does not have. The file was left exactly as it was.`,
        { cause },
      );
    }
    const known = migrationCount(folder);
    const applied = sqlite.pragma('user_version', { simple: true }) as number;
    if (applied > known) {
      throw new StartupError(
        'DB_NEWER',
        `The patient database was last opened by a newer version of Kliniki (data format ${applied}; this version knows up to ${known}). Install the newer version; the file was left as it was.`,
      );
    }
    // WAL lets readers (search) proceed during a write; NORMAL is durable against a crash of the
    // app (the WAL survives) and loses at most the last commit on power loss — acceptable against
    // FULL's fsync per commit, which would put ~10 ms of disk wait on every save of a form.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -32000');

    const db = drizzle(sqlite, { schema });
    if (applied < known) {
      migrate(db, { migrationsFolder: folder });
      sqlite.pragma(`user_version = ${known}`);
    }
    return { sqlite, db, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
