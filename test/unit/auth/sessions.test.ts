import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, SCRYPT_PARAMS } from '../../../src-main/auth/password-hash';
import { waitAfterFailures } from '../../../src-main/auth/sign-in-throttle';
import { startTestCore, tempDir, type TestCore } from '../../support/temp-core';

let clock = new Date('2026-11-25T08:00:00Z');
const now = () => clock;
const open: TestCore[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));

async function core(options: Parameters<typeof startTestCore>[0] = {}) {
  clock = new Date('2026-11-25T08:00:00Z');
  const t = await startTestCore({ now, ...options });
  open.push(t);
  return t;
}

describe('password hashing', () => {
  it('uses scrypt with a 32 MiB work factor and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith(`scrypt$${SCRYPT_PARAMS.N}$8$1$`)).toBe(true);
    expect(128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r).toBe(32 * 1024 * 1024);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('sessions', () => {
  it('creates the first user as administrator, once', async () => {
    const t = await core();
    const status = await t.call<{ setupRequired: boolean; session: { user: { role: string } } }>('app:get-status');
    expect(status.setupRequired).toBe(false);
    expect(status.session.user.role).toBe('admin');
    const again = await t.fail('auth:create-first-user', {
      fullName: 'X',
      username: 'x2',
      role: 'admin',
      password: 'long enough pw',
    });
    expect(again.code).toBe('FORBIDDEN');
  });

  it('refuses patient data while locked and unlocks with the right password', async () => {
    const t = await core();
    await t.call('auth:lock');
    expect((await t.fail('patients:search', { text: 'a' })).code).toBe('UNAUTHENTICATED');
    const wrong = await t.fail('auth:unlock', { username: 'amina', password: 'nope nope' });
    expect(wrong.message).toBe('The user name or password is not right.');
    await t.call('auth:unlock', { username: 'AMINA', password: 'correct horse battery' });
    await t.call('patients:search', { text: 'a' });
  });

  it('slows down repeated wrong passwords, even across a restart', async () => {
    const dir = tempDir();
    const t = await core({ dataDir: dir.path });
    await t.call('auth:lock');
    for (let i = 0; i < 4; i++)
      expect(
        (await t.fail('auth:unlock', { username: 'amina', password: `wrong-${i}` })).details?.retryAfterSeconds,
      ).toBeUndefined();
    const fifth = await t.fail('auth:unlock', { username: 'amina', password: 'wrong-5' });
    expect(fifth.details?.retryAfterSeconds).toBe(30);
    // Even the right password waits until the time is up.
    const blocked = await t.fail('auth:unlock', { username: 'amina', password: 'correct horse battery' });
    expect(blocked.message).toMatch(/Too many wrong tries/);
    t.core.close();
    open.pop();

    const restarted = await startTestCore({ dataDir: dir.path, now, signIn: false });
    open.push(restarted);
    expect(
      (await restarted.fail('auth:unlock', { username: 'amina', password: 'correct horse battery' })).details
        ?.retryAfterSeconds,
    ).toBe(30);
    clock = new Date(clock.getTime() + 31_000);
    await restarted.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
    dir.remove();
  });

  it('doubles the wait up to fifteen minutes', () => {
    expect([4, 5, 6, 7, 20].map(waitAfterFailures)).toEqual([0, 30, 60, 120, 900]);
  });

  it('throttles unknown user names the same way', async () => {
    const t = await core();
    for (let i = 0; i < 4; i++) await t.fail('auth:unlock', { username: 'ghost', password: 'x' });
    expect((await t.fail('auth:unlock', { username: 'ghost', password: 'x' })).details?.retryAfterSeconds).toBe(30);
  });

  it('locks itself after the idle time and says so', async () => {
    const t = await core({ idleCheckMs: 10 });
    const locked: string[] = [];
    t.core.on('session:locked', (e) => locked.push(e.reason));
    await t.call('settings:update', { idleLockMinutes: 5 });
    clock = new Date(clock.getTime() + 4 * 60_000);
    await t.call('auth:keep-alive');
    clock = new Date(clock.getTime() + 4 * 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(locked).toEqual([]);
    clock = new Date(clock.getTime() + 2 * 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(locked).toEqual(['idle']);
    expect((await t.fail('patients:search', { text: '' })).code).toBe('UNAUTHENTICATED');
  });

  it('lets only administrators change settings and add users', async () => {
    const t = await core();
    await t.call('users:create', {
      fullName: 'Juma Nurse',
      username: 'juma',
      role: 'nurse',
      password: 'another good one',
    });
    const dup = await t.fail('users:create', {
      fullName: 'Juma Two',
      username: 'Juma',
      role: 'nurse',
      password: 'another good one',
    });
    expect(dup.details?.fields?.username).toMatch(/taken/);
    await t.call('auth:lock');
    await t.call('auth:unlock', { username: 'juma', password: 'another good one' });
    expect((await t.fail('settings:update', { clinicName: 'X' })).code).toBe('FORBIDDEN');
    expect(
      (await t.fail('users:create', { fullName: 'Y', username: 'yy', role: 'admin', password: 'long enough pw' })).code,
    ).toBe('FORBIDDEN');
    expect((await t.call<unknown[]>('users:list')).length).toBe(2);
  });

  it('explains weak or clashing account details per field', async () => {
    const t = await startTestCore({ signIn: false });
    open.push(t);
    const error = await t.fail('auth:create-first-user', {
      fullName: ' ',
      username: 'a b',
      role: 'nurse',
      password: 'short',
    });
    expect(Object.keys(error.details?.fields ?? {}).sort()).toEqual(['fullName', 'password', 'username']);
  });
});
