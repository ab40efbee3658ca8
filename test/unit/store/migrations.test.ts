import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/client';

describe('migrations', () => {
  it('create every table and record the data format version', () => {
    const store = openStore({ path: ':memory:', key: null });
    const tables = (
      store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'resources',
        'resource_base',
        'outbox',
        'resource_references',
        'patient_index',
        'patient_name_tokens',
        'patient_keys',
        'users',
        'audit_events',
        'settings',
      ]),
    );
    expect(store.sqlite.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });
});
