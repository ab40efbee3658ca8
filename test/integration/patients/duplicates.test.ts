import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateCandidate, PatientRecord } from '../../../src-shared/domain/patient';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const register = (draft = adultDraft()) => t.call<PatientRecord>('patients:register', { draft });
const duplicates = (draft = adultDraft({ given: 'Muhammad' }), extra: object = {}) =>
  t.call<DuplicateCandidate[]>('patients:find-duplicates', { draft, ...extra });

describe('duplicate detection and linking through the core', () => {
  it('warns that a spelling variant born the same day is likely someone already registered', async () => {
    const existing = await register();
    await register(childDraft());
    await register(adultDraft({ given: 'Fatuma', sex: 'female', birth: { kind: 'exact', date: '1995-01-01' } }));
    const found = await duplicates();
    expect(found).toHaveLength(1);
    expect(found[0]!.summary.id).toBe(existing.summary.id);
    expect(found[0]!.level).toBe('likely');
    expect(found[0]!.reasons).toContain('Names sound alike: Muhammad ~ Mohamed');
    expect(found[0]!.reasons).toContain('Born the same day');
  });

  it('checks a half-filled form without complaining and leaves out the record itself', async () => {
    const existing = await register(childDraft());
    // A child with no guardian yet: registration would refuse it, the check answers anyway.
    const half = childDraft({ given: 'Nakkato', guardian: { name: '', relationship: 'mother', phone: '' } });
    expect((await duplicates(half)).map((c) => c.summary.id)).toEqual([existing.summary.id]);
    const adult = await register();
    expect(await duplicates(adultDraft(), { excludeId: adult.summary.id })).toEqual([]);
    const bad = await t.fail('patients:find-duplicates', { draft: { given: 'x' } });
    expect(bad.code).toBe('VALIDATION');
  });

  it('links two records both ways, keeps both, queues both for sync, and refuses doing it again', async () => {
    const a = await register();
    const b = await register(adultDraft({ given: 'Muhammad', phone: '0772 999 888' }));
    const linked = await t.call<PatientRecord>('patients:link', { id: a.summary.id, otherId: b.summary.id });
    expect(linked.links).toEqual([
      {
        id: b.summary.id,
        displayName: 'Muhammad Abdi',
        clinicNumber: b.summary.clinicNumber,
        type: 'seealso',
        present: true,
      },
    ]);
    const other = await t.call<PatientRecord>('patients:get', { id: b.summary.id });
    expect(other.links.map((l) => l.id)).toEqual([a.summary.id]);
    expect(other.summary.phone).toBe('0772 999 888');
    expect(other.rev).toBe(2);

    const { sqlite } = t.core.store;
    // Each side's edit is queued at its new revision (still a create: neither has reached the iCDR).
    const outbox = sqlite.prepare('SELECT resource_id AS id, max(rev) AS rev FROM outbox GROUP BY resource_id').all();
    expect(outbox).toEqual(
      expect.arrayContaining([
        { id: a.summary.id, rev: 2 },
        { id: b.summary.id, rev: 2 },
      ]),
    );
    const updates = sqlite
      .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'update' AND resource_id IN (?, ?)")
      .get(a.summary.id, b.summary.id) as { n: number };
    expect(updates.n).toBe(2);
    const json = JSON.parse(
      (sqlite.prepare('SELECT json FROM resources WHERE id = ?').get(a.summary.id) as { json: string }).json,
    ) as { link: unknown };
    expect(json.link).toEqual([{ other: { reference: `Patient/${b.summary.id}` }, type: 'seealso' }]);

    const again = await t.fail('patients:link', { id: b.summary.id, otherId: a.summary.id });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already marked as the same person/);
    const self = await t.fail('patients:link', { id: a.summary.id, otherId: a.summary.id });
    expect(self.code).toBe('VALIDATION');
    expect(self.message).toMatch(/itself/);
  });

  it('undoes a link made by mistake on both sides, keeping both records and queuing both edits', async () => {
    const a = await register();
    const b = await register(adultDraft({ given: 'Muhammad', phone: '0772 999 888' }));
    await t.call<PatientRecord>('patients:link', { id: a.summary.id, otherId: b.summary.id });
    const undone = await t.call<PatientRecord>('patients:unlink', { id: b.summary.id, otherId: a.summary.id });
    expect(undone.links).toEqual([]);
    expect(undone.summary.phone).toBe('0772 999 888');
    const other = await t.call<PatientRecord>('patients:get', { id: a.summary.id });
    expect(other.links).toEqual([]);
    const { sqlite } = t.core.store;
    for (const id of [a.summary.id, b.summary.id]) {
      const json = JSON.parse(
        (sqlite.prepare('SELECT json FROM resources WHERE id = ?').get(id) as { json: string }).json,
      ) as Record<string, unknown>;
      // No empty list left behind: FHIR forbids empty arrays.
      expect(json).not.toHaveProperty('link');
      const queued = sqlite.prepare('SELECT max(rev) AS rev FROM outbox WHERE resource_id = ?').get(id) as {
        rev: number;
      };
      expect(queued.rev).toBe(3);
    }
    const again = await t.fail('patients:unlink', { id: a.summary.id, otherId: b.summary.id });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/not marked as the same person/);
    // The refusal changed nothing.
    expect((await t.call<PatientRecord>('patients:get', { id: a.summary.id })).rev).toBe(3);
  });

  it('keeps the link when the record is edited afterwards', async () => {
    const a = await register();
    const b = await register(adultDraft({ given: 'Muhammad' }));
    const linked = await t.call<PatientRecord>('patients:link', { id: a.summary.id, otherId: b.summary.id });
    const edited = await t.call<PatientRecord>('patients:update', {
      id: a.summary.id,
      rev: linked.rev,
      draft: { ...linked.draft, village: 'Wakiso' },
    });
    expect(edited.links.map((l) => l.id)).toEqual([b.summary.id]);
  });
});
