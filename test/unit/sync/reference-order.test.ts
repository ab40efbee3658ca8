import { describe, expect, it } from 'vitest';
import { chunkGroups, referenceOrder } from '../../../src-main/sync/reference-order';

describe('reference order for uploads', () => {
  it('puts referenced resources first', () => {
    const order = referenceOrder([
      { key: 'Observation/o', refs: ['Encounter/e', 'Patient/p'] },
      { key: 'Encounter/e', refs: ['Patient/p'] },
      { key: 'Patient/p', refs: [] },
    ]);
    expect(order).toEqual([['Patient/p'], ['Encounter/e'], ['Observation/o']]);
  });

  it('keeps a reference cycle together', () => {
    const order = referenceOrder([
      { key: 'Patient/a', refs: ['Patient/b'] },
      { key: 'Patient/b', refs: ['Patient/a'] },
      { key: 'Encounter/e', refs: ['Patient/a'] },
    ]);
    expect(order).toHaveLength(2);
    expect(new Set(order[0])).toEqual(new Set(['Patient/a', 'Patient/b']));
    expect(order[1]).toEqual(['Encounter/e']);
  });

  it('ignores references to resources outside the upload', () => {
    expect(referenceOrder([{ key: 'Encounter/e', refs: ['Organization/x'] }])).toEqual([['Encounter/e']]);
  });

  it('handles a chain of 100,000 without overflowing the stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ key: `n${i}`, refs: i > 0 ? [`n${i - 1}`] : [] }));
    const order = referenceOrder(nodes);
    expect(order[0]).toEqual(['n0']);
    expect(order[99_999]).toEqual(['n99999']);
  });

  it('chunks without splitting a cycle', () => {
    expect(chunkGroups([['a'], ['b', 'c'], ['d']], 2)).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(chunkGroups([['a'], ['b'], ['c']], 2)).toEqual([['a', 'b'], ['c']]);
  });
});
