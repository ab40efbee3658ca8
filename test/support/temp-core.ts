import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { silentLogger } from '../../src-main/log/logger';
import type { PatientDraft } from '../../src-shared/domain/patient';
import type { Result } from '../../src-shared/errors';

export function tempDir(prefix = 'kliniki-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls a channel and returns the value, failing the test with the error otherwise. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Calls a channel that must fail, and returns the error. */
  fail(channel: string, input?: unknown): Promise<Extract<Result<unknown>, { ok: false }>['error']>;
  close(): void;
}

export async function startTestCore(options: Partial<CoreOptions> & { signIn?: boolean } = {}): Promise<TestCore> {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const core = await createCore({ logger: silentLogger, ...options, dataDir });
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await core.invoke(channel, input);
    if (!result.ok)
      throw new Error(
        `${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`,
      );
    return result.value as T;
  };
  const fail = async (channel: string, input: unknown = {}) => {
    const result = await core.invoke(channel, input);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return result.error;
  };
  if (options.signIn !== false) {
    await call('auth:create-first-user', {
      fullName: 'Amina Otieno',
      username: 'amina',
      role: 'admin',
      password: 'correct horse battery',
    });
  }
  return {
    core,
    dataDir,
    call,
    fail,
    close: () => {
      core.close();
      dir?.remove();
    },
  };
}

export function childDraft(overrides: Partial<PatientDraft> = {}): PatientDraft {
  return {
    given: 'Nakato Sarah',
    family: 'Mukasa',
    sex: 'female',
    birth: { kind: 'exact', date: '2019-04-02' },
    nationalId: '',
    phone: '+256 772 123456',
    village: 'Kasangati',
    addressLine: 'Near the market',
    guardian: { name: 'Grace Mukasa', relationship: 'mother', phone: '0772 555 111' },
    ...overrides,
  };
}

export function adultDraft(overrides: Partial<PatientDraft> = {}): PatientDraft {
  return childDraft({
    given: 'Mohamed',
    family: 'Abdi',
    sex: 'male',
    birth: { kind: 'exact', date: '1980-06-15' },
    phone: '',
    guardian: { name: '', relationship: 'other', phone: '' },
    ...overrides,
  });
}
