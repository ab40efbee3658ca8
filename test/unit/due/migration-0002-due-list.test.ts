/**
 * Migration 0002 on a database made by 0000–0001 with records in it: the SQL backfill must index
 * existing Immunizations and Appointments exactly as the indexer in the writer's transaction
 * does (due-indexer.ts), and the history triggers must work from then on.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openStore } from '../../../src-main/store/client';
import { newDatabaseKey } from '../../../src-main/store/key-file';
import { createLocalResource } from '../../../src-main/store/resource-repo';
import { appointmentRow, immunizationRow, isListed, villageOf } from '../../../src-main/immunization/due-indexer';
import type { Immunization } from '../../../src-main/immunization/fhir-immunization';
import type { FhirResource } from '../../../src-shared/fhir/types';
import { tempDir } from '../../support/temp-core';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function migrationsUpTo(count: number): string {
  const dir = tempDir('kliniki-migrations-');
  dirs.push(dir);
  cpSync(defaultMigrationsFolder(), dir.path, { recursive: true });
  const journalPath = join(dir.path, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  for (const entry of journal.entries.slice(count)) rmSync(join(dir.path, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir.path;
}

const CVX = 'http://hl7.org/fhir/sid/cvx';
const coding = (code: string, system = CVX) => ({ system, code });
const imm = (id: string, fields: Record<string, unknown>): FhirResource => ({
  resourceType: 'Immunization',
  id,
  status: 'completed',
  vaccineCode: { coding: [coding('19')] },
  patient: { reference: 'Patient/p1' },
  occurrenceDateTime: '2026-01-10',
  ...fields,
});

/** What sync and imports may have stored before 0002, the odd ones included. */
const EXISTING: FhirResource[] = [
  imm('i1', {}),
  imm('i2', {
    occurrenceDateTime: '2026-02-21T10:00:00+03:00',
    vaccineCode: { coding: [coding('X', 'urn:nat'), coding('178')] },
  }),
  imm('i3', { status: 'not-done' }),
  imm('i4', { status: 'entered-in-error' }),
  imm('i5', { occurrenceDateTime: undefined, occurrenceString: 'last year' }),
  imm('i6', { patient: { reference: 'Group/g1' } }),
  imm('i7', { patient: { reference: 'Patient/has space' } }),
  imm('i8', { vaccineCode: { text: 'BCG' } }),
  imm('i9', { vaccineCode: { coding: [{ code: '19' }, coding('10')] } }),
  imm('i10', { patient: { reference: 'Patient/p2' }, occurrenceDateTime: '2025-02-30' }),
  imm('i11', { patient: { reference: 'Patient/p2' }, occurrenceDateTime: 20260101 }),
  imm('i12', { patient: { reference: 'Patient/p2' }, occurrenceDateTime: '2025-12-01' }),
  {
    resourceType: 'Appointment',
    id: 'a1',
    status: 'booked',
    start: '2026-03-01T00:00:00+03:00',
    participant: [{ actor: { reference: 'Practitioner/n1' } }, { actor: { reference: 'Patient/p1' } }],
  },
  {
    resourceType: 'Appointment',
    id: 'a2',
    status: 'fulfilled',
    start: '2026-03-02T00:00:00Z',
    participant: [{ actor: { reference: 'Patient/p2' } }],
  },
  { resourceType: 'Appointment', id: 'a3', status: 'proposed', participant: [{ actor: { reference: 'Patient/p2' } }] },
  {
    resourceType: 'Appointment',
    id: 'a4',
    status: 'booked',
    start: '2026-03-02',
    participant: [{ actor: { reference: 'Location/x' } }],
  },
];

const PATIENTS: (FhirResource & { id: string; birthDate: string })[] = [
  { resourceType: 'Patient', id: 'p1', birthDate: '2025-01-01', address: [{ city: 'Gayaza' }] },
  { resourceType: 'Patient', id: 'p2', birthDate: '2025-02-01', address: [{ district: 'Wakiso' }], active: true },
  { resourceType: 'Patient', id: 'p3', birthDate: '2025-03-01', deceasedBoolean: true },
  { resourceType: 'Patient', id: 'p4', birthDate: '2025-04-01', deceasedDateTime: '2026-01-01' },
  { resourceType: 'Patient', id: 'p5', birthDate: '2025-05-01', active: false },
  { resourceType: 'Patient', id: 'p6', birthDate: '2025-06-01', link: [{ type: 'seealso' }, { type: 'replaced-by' }] },
  { resourceType: 'Patient', id: 'p7', birthDate: '2025-07-01', link: [{ type: 'seealso' }], deceasedBoolean: false },
];

describe('migration 0002 (due list indexes)', () => {
  it('backfills the index and history rows the indexer would write, then keeps them with triggers', () => {
    const data = tempDir();
    dirs.push(data);
    const path = join(data.path, 'kliniki.db');
    const key = newDatabaseKey();

    const old = openStore({ path, key, migrationsFolder: migrationsUpTo(2) });
    const insert = old.sqlite.prepare(
      "INSERT INTO resources (type, id, rev, json, created_at, updated_at, deleted) VALUES (?, ?, 1, ?, '2026-01-01', '2026-01-01', ?)",
    );
    for (const r of EXISTING) insert.run(r.resourceType, r.id, JSON.stringify(r), 0);
    // Patients with their patient_index rows, as 0000's indexer wrote them.
    const indexRow = old.sqlite.prepare(
      "INSERT INTO patient_index (resource_pk, sort_name, sex, birth_date, birth_year) SELECT pk, ?, 'female', ?, 2025 FROM resources WHERE type = 'Patient' AND id = ?",
    );
    for (const p of PATIENTS) {
      insert.run('Patient', p.id, JSON.stringify(p), 0);
      indexRow.run(`sort ${p.id}`, p.birthDate, p.id);
    }
    // A record deleted before the migration stays out of the index.
    insert.run('Immunization', 'gone', JSON.stringify(imm('gone', {})), 1);
    old.close();

    const current = openStore({ path, key });
    const { sqlite } = current;
    const expectedImm = EXISTING.filter((r) => r.resourceType === 'Immunization').flatMap((r) => {
      const row = immunizationRow(r as Immunization);
      return row ? [{ id: r.id, patient_id: row.patientId, date: row.date, status: row.status, codes: row.codes }] : [];
    });
    expect(expectedImm.map((r) => r.id)).toEqual(['i1', 'i2', 'i3', 'i9', 'i10', 'i12']);
    expect(
      sqlite
        .prepare(
          'SELECT r.id, ii.patient_id, ii.date, ii.status, ii.codes FROM immunization_index ii JOIN resources r ON r.pk = ii.resource_pk ORDER BY r.pk',
        )
        .all(),
    ).toEqual(expectedImm);

    const expectedAppointments = EXISTING.filter((r) => r.resourceType === 'Appointment').flatMap((r) => {
      const row = appointmentRow(r);
      return row ? [{ id: r.id, patient_id: row.patientId, date: row.date, status: row.status }] : [];
    });
    expect(expectedAppointments.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(
      sqlite
        .prepare(
          'SELECT r.id, a.patient_id, a.date, a.status FROM appointment_index a JOIN resources r ON r.pk = a.resource_pk ORDER BY r.pk',
        )
        .all(),
    ).toEqual(expectedAppointments);

    expect(
      sqlite
        .prepare('SELECT patient_id, birth_date, sort_name, village, listed FROM due_child ORDER BY patient_id')
        .all(),
    ).toEqual(
      PATIENTS.map((p) => ({
        patient_id: p.id,
        birth_date: p.birthDate,
        sort_name: `sort ${p.id}`,
        village: villageOf(p),
        listed: isListed(p) ? 1 : 0,
      })),
    );
    expect(PATIENTS.filter(isListed).map((p) => p.id)).toEqual(['p1', 'p2', 'p7']);

    const history = () =>
      sqlite.prepare('SELECT patient_id, doses FROM immunization_history ORDER BY patient_id').all();
    expect(history()).toEqual([
      {
        patient_id: 'p1',
        doses: [`2026-01-10\u001f${CVX}|19`, `2026-01-10\u001f${CVX}|10`, `2026-02-21\u001furn:nat|X\n${CVX}|178`].join(
          '\u001e',
        ),
      },
      { patient_id: 'p2', doses: [`2025-02-30\u001f${CVX}|19`, `2025-12-01\u001f${CVX}|19`].join('\u001e') },
    ]);

    createLocalResource(
      sqlite,
      imm('i20', { patient: { reference: 'Patient/p2' }, occurrenceDateTime: '2025-06-01' }),
      {
        userId: null,
        now: new Date(),
      },
    );
    expect((history()[1] as { doses: string }).doses.split('\u001e').map((d) => d.slice(0, 10))).toEqual([
      '2025-02-30',
      '2025-06-01',
      '2025-12-01',
    ]);
    current.close();
  });
});
