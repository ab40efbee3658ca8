import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { StartupError } from './startup-error';

/**
 * Where the database key lives. In Electron the key is wrapped by the OS keystore
 * (src-main/electron/keystore.ts); under plain Node it is a file only its owner can read.
 */
export interface KeyStore {
  /** The key, or null when none was ever made. */
  load(): Buffer | null;
  /** Persist a newly made key; must not return before it is durable. */
  save(key: Buffer): void;
  /** Words for error messages: where the key is kept. */
  describe(): string;
}

export const DB_KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return randomBytes(DB_KEY_BYTES);
}

export function keyFileStore(path: string): KeyStore {
  return {
    load() {
      if (!existsSync(path)) return null;
      const mode = statSync(path).mode & 0o777;
      // A key others can read is a key others have: tighten it rather than refuse to start.
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) chmodSync(path, 0o600);
      const hex = readFileSync(path, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new StartupError(
          'KEY_DAMAGED',
          `The database key file ${path} is damaged, so the patient database cannot be opened. Nothing was changed.`,
        );
      }
      return Buffer.from(hex, 'hex');
    },
    save(key) {
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, key.toString('hex'), { mode: 0o600, flag: 'w' });
      renameSync(tmp, path);
    },
    describe: () => `the key file ${path}`,
  };
}
