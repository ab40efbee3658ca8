import { describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../src-shared/ipc/contract';
import { guardedInvoke, type InvokeTarget } from '../../../src-main/electron/invoke-guard';
import { silentLogger } from '../../../src-main/log/logger';

function core(answer: InvokeTarget['invoke'] = async () => ({ ok: true, value: 'fine' })) {
  return { invoke: vi.fn(answer) };
}

describe('guardedInvoke', () => {
  it('passes a trusted call to the core and returns its answer', async () => {
    const target = core();
    await expect(guardedInvoke(target, true, 'app:get-status', {}, silentLogger)).resolves.toEqual({
      ok: true,
      value: 'fine',
    });
    expect(target.invoke).toHaveBeenCalledWith('app:get-status', {});
  });

  it('answers FORBIDDEN to an untrusted sender without reaching the core', async () => {
    const target = core();
    const result = await guardedInvoke(target, false, 'users:list', {}, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(target.invoke).not.toHaveBeenCalled();
  });

  it('refuses oversized and non-plain input before the core parses it', async () => {
    const target = core();
    const big = { text: 'x'.repeat(MAX_MESSAGE_BYTES) };
    await expect(guardedInvoke(target, true, 'patients:search', big, silentLogger)).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(guardedInvoke(target, true, 'patients:search', cyclic, silentLogger)).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(target.invoke).not.toHaveBeenCalled();
  });

  it('turns a thrown error into INTERNAL with a request id and no stack', async () => {
    const target = core(async () => {
      throw new Error('secret internals at /home/nurse/db');
    });
    const result = await guardedInvoke(target, true, 'app:get-status', {}, silentLogger);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.details?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toContain('secret internals');
  });
});
