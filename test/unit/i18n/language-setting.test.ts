import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/temp-core';

const open: TestCore[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));

async function core(): Promise<TestCore> {
  const t = await startTestCore({ sync: { runner: 'in-process', schedule: false } });
  open.push(t);
  return t;
}

describe('the laptop language setting', () => {
  it('is English until changed, and is told to the unlock screen before anyone signs in', async () => {
    const t = await core();
    expect((await t.call<{ language: string }>('app:get-status')).language).toBe('en');
    await t.call('settings:update', { language: 'sw' });
    await t.call('auth:lock');
    const status = await t.call<{ language: string; session: unknown }>('app:get-status');
    expect(status.session).toBeNull();
    expect(status.language).toBe('sw');
  });

  it('may be changed by any signed-in user, while the other settings stay with administrators', async () => {
    const t = await core();
    await t.call('users:create', {
      fullName: 'Joy Akello',
      username: 'joy',
      role: 'nurse',
      password: 'long enough words',
    });
    await t.call('auth:lock');
    await t.call('auth:unlock', { username: 'joy', password: 'long enough words' });
    expect((await t.call<{ language: string }>('settings:update', { language: 'fr' })).language).toBe('fr');
    expect((await t.fail('settings:update', { language: 'en', clinicName: 'Mine now' })).code).toBe('FORBIDDEN');
    expect((await t.call<{ language: string; clinicName: string }>('settings:get')).language).toBe('fr');
  });

  it('refuses a language Kliniki does not speak', async () => {
    const t = await core();
    expect((await t.fail('settings:update', { language: 'de' })).code).toBe('VALIDATION');
  });
});
