import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  keystoreUsable,
  osKeyStore,
  PLAIN_KEY_FILE,
  WRAPPED_KEY_FILE,
  type SafeStorageLike,
} from '../../../src-main/electron/keystore';
import { newDatabaseKey } from '../../../src-main/store/key-file';
import { StartupError } from '../../../src-main/store/startup-error';

/** Stands in for Electron's safeStorage: "wraps" by reversing and tagging, like a real keystore would. */
function fakeSafe(backend = 'gnome_libsecret', available = true): SafeStorageLike & { locked: boolean } {
  return {
    locked: false,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      return Buffer.from(`wrapped:${[...text].reverse().join('')}`);
    },
    decryptString(this: { locked: boolean }, data) {
      if (this.locked) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = data.toString();
      if (!text.startsWith('wrapped:')) throw new Error('not ours');
      return [...text.slice('wrapped:'.length)].reverse().join('');
    },
  };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

let dir: string;
const warn = vi.fn();
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kliniki-keystore-'));
  warn.mockReset();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('keystoreUsable', () => {
  it('does not count Linux basic_text (a fixed public password) as protection', () => {
    expect(keystoreUsable(fakeSafe('basic_text'), 'linux')).toBe(false);
    expect(keystoreUsable(fakeSafe('gnome_libsecret'), 'linux')).toBe(true);
    expect(keystoreUsable(fakeSafe('kwallet5'), 'linux')).toBe(true);
    expect(keystoreUsable(fakeSafe('unknown', true), 'win32')).toBe(true);
    expect(keystoreUsable(fakeSafe('gnome_libsecret', false), 'linux')).toBe(false);
  });
});

describe('osKeyStore', () => {
  it('wraps a new key with the OS keystore and gives the same key back', () => {
    const safe = fakeSafe();
    const store = osKeyStore({ dir, safe, platform: 'linux', warn });
    expect(store.load()).toBeNull();
    const key = newDatabaseKey();
    store.save(key);
    expect(existsSync(join(dir, WRAPPED_KEY_FILE))).toBe(true);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(readFileSync(join(dir, WRAPPED_KEY_FILE)).toString()).not.toContain(key.toString('hex'));
    expect(statSync(join(dir, WRAPPED_KEY_FILE)).mode & 0o077).toBe(0);
    expect(osKeyStore({ dir, safe, platform: 'linux', warn }).load()).toEqual(key);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to an owner-only key file, with a warning, where Linux has no keyring', () => {
    const store = osKeyStore({ dir, safe: fakeSafe('basic_text'), platform: 'linux', warn });
    const key = newDatabaseKey();
    store.save(key);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(true);
    expect(existsSync(join(dir, WRAPPED_KEY_FILE))).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('basic_text');
    expect(store.load()).toEqual(key);
  });

  it('keeps reading a key from the file it is already in when a keyring appears later', () => {
    const key = newDatabaseKey();
    osKeyStore({ dir, safe: fakeSafe('basic_text'), platform: 'linux', warn }).save(key);
    expect(osKeyStore({ dir, safe: fakeSafe('gnome_libsecret'), platform: 'linux', warn }).load()).toEqual(key);
  });

  it('says KEYSTORE_UNAVAILABLE, in words, when the wrapped key cannot be decrypted', () => {
    const safe = fakeSafe();
    osKeyStore({ dir, safe, platform: 'linux', warn }).save(newDatabaseKey());
    safe.locked = true;
    const store = osKeyStore({ dir, safe, platform: 'linux', warn });
    const error = caught(() => store.load());
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).problem).toBe('KEYSTORE_UNAVAILABLE');
    expect((error as StartupError).message).toMatch(/password store/);
    // Words for a nurse: no Electron API names, no decryption jargon, no stack frames.
    expect((error as StartupError).message).not.toMatch(/safeStorage|ciphertext|\n\s+at /);
  });

  it('says KEYSTORE_UNAVAILABLE, and never makes a new key, when the keyring is gone but a wrapped key exists', () => {
    osKeyStore({ dir, safe: fakeSafe(), platform: 'linux', warn }).save(newDatabaseKey());
    const before = readFileSync(join(dir, WRAPPED_KEY_FILE));
    const store = osKeyStore({ dir, safe: fakeSafe('basic_text'), platform: 'linux', warn });
    expect(() => store.load()).toThrow(expect.objectContaining({ problem: 'KEYSTORE_UNAVAILABLE' }));
    expect(readFileSync(join(dir, WRAPPED_KEY_FILE))).toEqual(before);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(false);
  });

  it('reports a wrapped file that decrypts to something that is not a key as damaged', () => {
    const safe = fakeSafe();
    writeFileSync(join(dir, WRAPPED_KEY_FILE), safe.encryptString('not a key'));
    expect(() => osKeyStore({ dir, safe, platform: 'linux', warn }).load()).toThrow(
      expect.objectContaining({ problem: 'KEY_DAMAGED' }),
    );
  });

  it('writes nothing when the keystore cannot give back what it wrapped', () => {
    const safe = fakeSafe();
    safe.decryptString = () => 'something else';
    const store = osKeyStore({ dir, safe, platform: 'win32', warn });
    expect(() => store.save(newDatabaseKey())).toThrow(expect.objectContaining({ problem: 'KEYSTORE_UNAVAILABLE' }));
    expect(existsSync(join(dir, WRAPPED_KEY_FILE))).toBe(false);
  });
});
