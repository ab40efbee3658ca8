/**
 * The clinic list (index rows + clinic-due-evaluator) must say exactly what computeDue says for
 * each child from the Immunization resources themselves. Compared on generated clinics with
 * on-time, late, catch-up, dropped-out and unvaccinated children, plus the records that trip
 * computations up: extra doses, future and impossible dates, doses before birth, not-given and
 * entered-in-error records, two codings for one dose, unknown vaccines.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src-main/store/client';
import { putCentralResource, createLocalResource } from '../../../src-main/store/resource-repo';
import { parseScheduleText } from '../../../src-main/immunization/schedule';
import { computeDue } from '../../../src-main/immunization/due';
import { toGiven, type Immunization } from '../../../src-main/immunization/fhir-immunization';
import { evaluateClinic, summarizeClinicDue } from '../../../src-main/immunization/clinic-due';
import { addDays } from '../../../src-main/immunization/iso-date';
import { generateHistory } from '../../../src-main/demo/immunization-histories';
import { createRng, type Rng } from '../../../src-main/demo/random';
import type { FhirResource } from '../../../src-shared/fhir/types';
import type { DueItem } from '../../../src-shared/domain/due-list';

const { schedule } = parseScheduleText(
  readFileSync(new URL('../../../resources/immunization-schedule/who-epi-schedule.json', import.meta.url), 'utf8'),
);
const ctx = { userId: null, now: new Date('2026-11-25T08:00:00Z') };

let store: Store | null = null;
afterEach(() => store?.close());

function oddities(rng: Rng, patientId: string, birthDate: string, today: string): FhirResource[] {
  const series = rng.pick(schedule.series);
  const code = series.vaccineCodes[0]!;
  const base = {
    resourceType: 'Immunization',
    vaccineCode: { coding: [{ system: code.system, code: code.code }] },
    patient: { reference: `Patient/${patientId}` },
  };
  const kinds: FhirResource[] = [
    { ...base, status: 'completed', occurrenceDateTime: addDays(today, rng.int(1, 30)) },
    { ...base, status: 'completed', occurrenceDateTime: addDays(birthDate, -rng.int(1, 10)) },
    { ...base, status: 'completed', occurrenceDateTime: '2025-02-30' },
    { ...base, status: 'not-done', occurrenceDateTime: addDays(birthDate, rng.int(0, 200)) },
    { ...base, status: 'entered-in-error', occurrenceDateTime: addDays(birthDate, rng.int(0, 200)) },
    {
      ...base,
      status: 'completed',
      occurrenceDateTime: `${addDays(birthDate, rng.int(0, 400))}T10:30:00+03:00`,
      vaccineCode: { coding: [{ system: 'urn:national', code: 'X1' }, ...base.vaccineCode.coding] },
    },
    { ...base, status: 'completed', occurrenceDateTime: addDays(birthDate, rng.int(0, 60)) },
    {
      ...base,
      status: 'completed',
      vaccineCode: { coding: [{ system: 'urn:other', code: 'nope' }] },
      occurrenceDateTime: birthDate,
    },
  ];
  return kinds.filter(() => rng.chance(0.15));
}

function expectedItems(birthDate: string, resources: FhirResource[], today: string, horizon: string): DueItem[] {
  const given = resources.map((r) => toGiven(r as Immunization)).filter((g) => g !== null);
  return computeDue(schedule, birthDate, given, today).flatMap((s) => {
    const next = s.next;
    if (!next) return [];
    if (s.status !== 'due' && s.status !== 'overdue' && !(s.status === 'upcoming' && next.dueDate <= horizon))
      return [];
    return [
      {
        seriesId: s.seriesId,
        seriesTitle: s.title,
        doseNumber: next.doseNumber,
        doseTitle: next.title,
        status: s.status,
        dueDate: next.dueDate,
        overdueDate: next.overdueDate,
        daysSinceDue: Math.round((Date.parse(today) - Date.parse(next.dueDate)) / 86_400_000),
      },
    ];
  });
}

function buildClinic(seed: number, children: number, today: string) {
  store = openStore({ path: ':memory:', key: null });
  const { sqlite } = store;
  const rng = createRng(seed);
  const truth = new Map<string, { birthDate: string; resources: FhirResource[] }>();
  sqlite.transaction(() => {
    for (let i = 0; i < children; i++) {
      const id = randomUUID();
      // A few just past 59 months and a few born today, to check the edges of the list.
      const age = rng.chance(0.05) ? rng.pick([0, 1824, 1826, 1827, 1830]) : rng.int(0, 1830);
      const birthDate = addDays(today, -age);
      putCentralResource(
        sqlite,
        { resourceType: 'Patient', id, birthDate, name: [{ family: `F${i}`, given: ['G'] }] },
        ctx,
      );
      const resources = [
        ...generateHistory(rng, schedule, id, birthDate, today),
        ...oddities(rng, id, birthDate, today),
      ];
      for (const r of resources) {
        // Half as pulled from the iCDR, half recorded here: both paths index.
        if (rng.chance(0.5)) putCentralResource(sqlite, { ...r, id: randomUUID() }, ctx);
        else createLocalResource(sqlite, r, ctx);
      }
      truth.set(id, { birthDate, resources });
    }
  })();
  return { sqlite, truth };
}

describe('clinic due list agrees with computeDue', () => {
  for (const [seed, today] of [
    [1, '2026-11-25'],
    [2, '2028-02-29'],
    [3, '2027-01-01'],
  ] as const) {
    it(`lists each child with the doses computeDue finds (seed ${seed}, today ${today})`, () => {
      const { sqlite, truth } = buildClinic(seed, 400, today);
      const horizon = addDays(today, 30);
      const listed = evaluateClinic(sqlite, schedule, today, 30);
      const listedIds = new Set(listed.map((c) => c.id));
      for (const [id, child] of truth) {
        // On the list from birth until the day before turning 60 months (calendar months).
        const [by, bm, bd] = child.birthDate.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
        const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
        expect(listedIds.has(id), `${id} born ${child.birthDate}`).toBe(months < 60);
      }
      let withItems = 0;
      for (const child of listed) {
        const t = truth.get(child.id)!;
        expect(child.items).toEqual(expectedItems(t.birthDate, t.resources, today, horizon));
        if (child.items.length > 0) withItems += 1;
      }
      expect(withItems).toBeGreaterThan(50);

      const summary = summarizeClinicDue(sqlite, schedule, today);
      let overdue = 0;
      let due = 0;
      for (const child of listed) {
        const t = truth.get(child.id)!;
        const statuses = expectedItems(t.birthDate, t.resources, today, today).map((i) => i.status);
        if (statuses.includes('overdue')) overdue += 1;
        else if (statuses.includes('due')) due += 1;
      }
      expect(summary).toEqual({ children: listed.length, overdue, due, upToDate: listed.length - overdue - due });
    });
  }
});
