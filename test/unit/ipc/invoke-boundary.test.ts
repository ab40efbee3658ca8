import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

const rowCount = () => (t.core.store.sqlite.prepare('SELECT count(*) AS n FROM resources').get() as { n: number }).n;

describe('the IPC boundary', () => {
  it('answers an unknown channel with VALIDATION', async () => {
    expect((await t.fail('patients:drop-all', {})).code).toBe('VALIDATION');
    expect((await t.fail('__proto__', {})).code).toBe('VALIDATION');
    expect((await t.fail(42 as unknown as string, {})).code).toBe('VALIDATION');
  });

  it('refuses wrong types, unknown keys and megabyte strings, writing nothing', async () => {
    const cases: unknown[] = [
      null,
      'draft',
      { draft: { ...childDraft(), sex: 'yes' } },
      { draft: { ...childDraft(), birth: { kind: 'exact', date: 20190402 } } },
      { draft: { ...childDraft(), given: 'x'.repeat(4 * 1024 * 1024) } },
      { draft: { ...childDraft(), isAdmin: true } },
      { draft: childDraft(), extra: 1 },
    ];
    for (const input of cases) {
      const error = await t.fail('patients:register', input);
      expect(error.code).toBe('VALIDATION');
    }
    expect(rowCount()).toBe(0);
  });

  it('names the field that was wrong', async () => {
    const error = await t.fail('patients:search', { text: 'a', limit: 10_000 });
    expect(error.details?.fields).toHaveProperty('limit');
  });

  it('keeps working after bad input', async () => {
    await t.call('patients:register', { draft: childDraft() });
    expect(rowCount()).toBe(1);
  });
});
