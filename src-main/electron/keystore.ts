/**
 * The database key, wrapped by the operating system's keystore (DPAPI on Windows, the desktop
 * keyring on Linux) through Electron's safeStorage. safeStorage is passed in rather than
 * imported so the decisions below are unit-tested under plain Node with a fake.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { keyFileStore, type KeyStore } from '../store/key-file';
import { StartupError } from '../store/startup-error';

/** The parts of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface OsKeyStoreOptions {
  /** The user data folder (app.getPath('userData')). */
  dir: string;
  safe: SafeStorageLike;
  platform?: NodeJS.Platform;
  warn: (message: string) => void;
}

export const WRAPPED_KEY_FILE = 'db-key.safe';
export const PLAIN_KEY_FILE = 'db-key';

/**
 * On Linux without a keyring Electron reports encryption as available but uses a fixed,
 * public password ("basic_text"): that is obfuscation, not protection, so it counts as absent.
 */
export function keystoreUsable(safe: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safe.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safe.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/**
 * Picks where the key lives, once, at start (call after app 'ready': before it, Linux reports
 * no keyring). An existing key is always read from where it already is — moving it is never
 * worth the risk of losing it — and a new key goes to the OS keystore when one is usable.
 */
export function osKeyStore(options: OsKeyStoreOptions): KeyStore {
  const platform = options.platform ?? process.platform;
  const wrappedPath = join(options.dir, WRAPPED_KEY_FILE);
  const plainPath = join(options.dir, PLAIN_KEY_FILE);
  const usable = keystoreUsable(options.safe, platform);

  if (existsSync(wrappedPath)) return wrappedKeyStore(wrappedPath, options.safe, usable);
  if (existsSync(plainPath)) return keyFileStore(plainPath);
  if (usable) return wrappedKeyStore(wrappedPath, options.safe, true);

  options.warn(
    `No usable OS keystore (safeStorage backend: ${backendName(options.safe, platform)}); the database key is kept in ${plainPath}, readable by this user only.`,
  );
  return keyFileStore(plainPath);
}

function backendName(safe: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform !== 'linux') return safe.isEncryptionAvailable() ? 'available' : 'unavailable';
  return safe.getSelectedStorageBackend();
}

function wrappedKeyStore(path: string, safe: SafeStorageLike, usable: boolean): KeyStore {
  return {
    load() {
      if (!existsSync(path)) return null;
      if (!usable) {
        throw new StartupError(
          'KEYSTORE_UNAVAILABLE',
          "The key that opens the patient database is locked in this computer's password store (keyring), which is not available right now. Sign in to the computer normally, not as a guest or over a remote connection, and start Kliniki again. Nothing was changed.",
        );
      }
      let hex: string;
      try {
        hex = safe.decryptString(readFileSync(path));
      } catch (cause) {
        throw new StartupError(
          'KEYSTORE_UNAVAILABLE',
          `This computer's password store could not unlock the key that opens the patient database (${path}). This happens when the user profile was copied from another computer or the password store was reset. Nothing was changed; ask your administrator for help.`,
          { cause },
        );
      }
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new StartupError(
          'KEY_DAMAGED',
          `The database key in ${path} is damaged, so the patient database cannot be opened. Nothing was changed.`,
        );
      }
      return Buffer.from(hex, 'hex');
    },
    save(key) {
      const hex = key.toString('hex');
      const wrapped = safe.encryptString(hex);
      // A keystore that wraps but cannot unwrap would make the new database unopenable on the
      // next start: prove the round trip before anything is written.
      if (safe.decryptString(wrapped) !== hex) {
        throw new StartupError(
          'KEYSTORE_UNAVAILABLE',
          "This computer's password store did not give back the key it was asked to keep, so Kliniki did not create its database. Nothing was written.",
        );
      }
      writeDurably(path, wrapped);
    },
    describe: () => `the key kept by this computer's password store (${path})`,
  };
}

/** Write, flush to disk, then rename: a crash leaves either no key file or a whole one. */
function writeDurably(path: string, data: Buffer): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
