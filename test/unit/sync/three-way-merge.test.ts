import { describe, expect, it } from 'vitest';
import { resolveConflicts, threeWayMerge } from '../../../src-main/sync/three-way-merge';
import type { FhirResource } from '../../../src-shared/fhir/types';

const base: FhirResource = {
  resourceType: 'Patient',
  id: 'p1',
  meta: { versionId: '3' },
  name: [{ family: 'Mukasa', given: ['Nakato'] }],
  telecom: [{ system: 'phone', value: '0772 000 001' }],
  address: [{ city: 'Kasangati' }],
  maritalStatus: { text: 'Single', coding: [{ code: 'S' }] },
  extension: [{ url: 'http://example.org/x', valueString: 'keep' }],
};

describe('three-way merge', () => {
  it('merges edits to different fields without asking', () => {
    const mine = { ...base, telecom: [{ system: 'phone', value: '0700 111 222' }] };
    const theirs = { ...base, meta: { versionId: '4' }, address: [{ city: 'Gayaza' }] };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.telecom).toEqual(mine.telecom);
    expect(merged.address).toEqual(theirs.address);
    expect(merged.meta).toEqual({ versionId: '4' });
    expect(merged.extension).toEqual(base.extension);
  });

  it('accepts the same change made on both sides', () => {
    const edit = { ...base, address: [{ city: 'Gayaza' }] };
    expect(threeWayMerge(base, edit, edit).conflicts).toEqual([]);
  });

  it('reports edits of the same field as a conflict with all three values', () => {
    const mine = { ...base, address: [{ city: 'Wakiso' }] };
    const theirs = { ...base, address: [{ city: 'Gayaza' }] };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs);
    expect(conflicts).toEqual([{ path: 'address', base: base.address, mine: mine.address, theirs: theirs.address }]);
    expect(merged.address).toEqual(theirs.address);
  });

  it('merges inside objects, element by element', () => {
    const mine = { ...base, maritalStatus: { text: 'Married', coding: [{ code: 'S' }] } };
    const theirs = { ...base, maritalStatus: { text: 'Single', coding: [{ code: 'M' }] } };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.maritalStatus).toEqual({ text: 'Married', coding: [{ code: 'M' }] });
  });

  it('treats a deletion on one side as a change', () => {
    const mine = { ...base };
    delete mine.maritalStatus;
    const { merged, conflicts } = threeWayMerge(base, mine, base);
    expect(conflicts).toEqual([]);
    expect(merged).not.toHaveProperty('maritalStatus');
  });

  it('applies a per-field choice', () => {
    const mine = { ...base, address: [{ city: 'Wakiso' }], telecom: [{ system: 'phone', value: '1' }] };
    const theirs = { ...base, address: [{ city: 'Gayaza' }], telecom: [{ system: 'phone', value: '2' }] };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs);
    const resolved = resolveConflicts(merged, conflicts, (c) => (c.path === 'address' ? 'mine' : 'theirs'));
    expect(resolved.address).toEqual(mine.address);
    expect(resolved.telecom).toEqual(theirs.telecom);
  });
});
