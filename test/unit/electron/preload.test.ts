/**
 * The preload's contract with the page, run under Node with 'electron' replaced: what it exposes,
 * what it refuses before anything reaches main, and that events arrive without Electron's event
 * object.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => void;
const exposed: Record<string, unknown> = {};
const ipcHandlers = new Map<string, Handler>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler),
  },
}));

interface Bridge {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
  on(event: unknown, cb: unknown): () => void;
}
let bridge: Bridge;

beforeAll(async () => {
  await import('../../../src-main/electron/preload');
  bridge = exposed.kliniki as Bridge;
});

describe('preload', () => {
  it('exposes exactly invoke and on as window.kliniki', () => {
    expect(Object.keys(exposed)).toEqual(['kliniki']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('sends known channels to main through the one guarded IPC channel', async () => {
    await expect(bridge.invoke('app:get-status', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(invoke).toHaveBeenCalledWith('kliniki:invoke', 'app:get-status', {});
  });

  it('refuses unknown channels without calling main', async () => {
    invoke.mockClear();
    for (const channel of ['kliniki:invoke', 'fs:read', '__proto__', 'toString', 42, null]) {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers events by name, without Electron’s event object, until unsubscribed', () => {
    const got: unknown[] = [];
    const off = bridge.on('db:changed', (payload: unknown) => got.push(payload));
    const fire = ipcHandlers.get('kliniki:event');
    expect(fire).toBeDefined();
    fire?.({ sender: 'ipcRenderer internals' }, 'db:changed', { resourceType: 'Patient', ids: ['1'] });
    fire?.({}, 'session:locked', { reason: 'idle' });
    off();
    fire?.({}, 'db:changed', { resourceType: 'Patient', ids: ['2'] });
    expect(got).toEqual([{ resourceType: 'Patient', ids: ['1'] }]);
  });

  it('refuses to subscribe to unknown events or without a callback', () => {
    expect(() => bridge.on('ipc:anything', () => {})).toThrow(/Unknown event/);
    expect(() => bridge.on('db:changed', 'not a function')).toThrow();
  });
});
