import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDue, seriesDue, type GivenImmunization, type SeriesDue } from '../../../src-main/immunization/due';
import { parseScheduleText } from '../../../src-main/immunization/schedule';
import { AppError } from '../../../src-shared/errors';

const { schedule } = parseScheduleText(
  readFileSync(new URL('../../../resources/immunization-schedule/who-epi-schedule.json', import.meta.url), 'utf8'),
);

const CVX = 'http://hl7.org/fhir/sid/cvx';
const CODES = { bcg: '19', opv: '178', penta: '198', pcv: '177', rota: '119', ipv: '10', mr: '04' } as const;
type Vaccine = keyof typeof CODES;

function given(vaccine: Vaccine, date: string, extra: Partial<GivenImmunization> = {}): GivenImmunization {
  return { vaccineCode: { system: CVX, code: CODES[vaccine] }, date, status: 'completed', ...extra };
}

function infantVisit(date: string): GivenImmunization[] {
  return (['opv', 'penta', 'pcv'] as const).map((v) => given(v, date));
}

function byId(results: SeriesDue[]): Record<string, SeriesDue> {
  return Object.fromEntries(results.map((r) => [r.seriesId.replace('who-epi-', ''), r]));
}

function series(id: string) {
  const found = schedule.series.find((s) => s.id === `who-epi-${id}`);
  if (!found) throw new Error(`no series ${id}`);
  return found;
}

const BIRTH = '2026-01-05';

describe('due vaccinations', () => {
  it('follows an on-time infant through 6, 10 and 14 weeks', () => {
    const atBirth = [given('bcg', BIRTH), given('opv', BIRTH)];
    const six = [...atBirth, ...infantVisit('2026-02-16'), given('rota', '2026-02-16')];

    const beforeSix = byId(computeDue(schedule, BIRTH, atBirth, '2026-02-10'));
    expect(beforeSix.bcg?.status).toBe('complete');
    expect(beforeSix.pentavalent).toMatchObject({ status: 'upcoming', next: { doseNumber: 1, dueDate: '2026-02-16' } });

    const atTen = byId(computeDue(schedule, BIRTH, six, '2026-03-16'));
    expect(atTen.pentavalent).toMatchObject({
      status: 'due',
      dosesCounted: 1,
      next: { doseNumber: 2, earliestDate: '2026-03-16', dueDate: '2026-03-16', overdueDate: '2026-04-13' },
    });
    expect(atTen.opv).toMatchObject({ status: 'due', dosesCounted: 2, next: { doseNumber: 2 } });
    expect(atTen.rotavirus?.next).toMatchObject({ doseNumber: 2, dueDate: '2026-03-16', latestDate: '2028-01-04' });

    const all = [
      ...six,
      ...infantVisit('2026-03-16'),
      given('rota', '2026-03-16'),
      ...infantVisit('2026-04-13'),
      given('ipv', '2026-04-13'),
    ];
    const after = byId(computeDue(schedule, BIRTH, all, '2026-04-20'));
    for (const id of ['bcg', 'opv', 'pentavalent', 'pcv', 'rotavirus']) expect(after[id]?.status).toBe('complete');
    expect(after.opv?.dosesCounted).toBe(4);
    expect(after.pentavalent?.doses.map((d) => d.countedAs)).toEqual([1, 2, 3]);
    expect(after.ipv).toMatchObject({ status: 'upcoming', next: { doseNumber: 2, dueDate: '2026-10-05' } });
    expect(after['measles-rubella']).toMatchObject({
      status: 'upcoming',
      next: { doseNumber: 1, dueDate: '2026-10-05' },
    });
  });

  it('marks a dose overdue 28 days after its due date, or when the programme says', () => {
    const six = infantVisit('2026-02-16');
    expect(seriesDue(series('pentavalent'), BIRTH, six, '2026-04-12').status).toBe('due');
    expect(seriesDue(series('pentavalent'), BIRTH, six, '2026-04-13').status).toBe('overdue');
    expect(seriesDue(series('pentavalent'), BIRTH, six, '2026-03-20', { overdueAfterDays: 0 }).status).toBe('overdue');
  });

  it('catches up a child who starts at 7 months with minimum intervals from the last dose', () => {
    const firstVisit = '2026-08-05';
    const none = byId(computeDue(schedule, BIRTH, [], firstVisit));
    expect(none.pentavalent).toMatchObject({ status: 'overdue', next: { doseNumber: 1, dueDate: '2026-02-16' } });
    expect(none.opv?.missed).toEqual([{ doseNumber: 0, title: 'OPV birth dose' }]);
    expect(none.opv?.next?.doseNumber).toBe(1);
    expect(none.bcg?.status).toBe('overdue');

    const dose1 = [...infantVisit(firstVisit), given('rota', firstVisit)];
    const after1 = byId(computeDue(schedule, BIRTH, dose1, firstVisit));
    expect(after1.pentavalent).toMatchObject({
      status: 'upcoming',
      dosesCounted: 1,
      next: { doseNumber: 2, earliestDate: '2026-09-02', dueDate: '2026-09-02' },
    });
    expect(after1.opv).toMatchObject({ dosesCounted: 1, next: { doseNumber: 2, dueDate: '2026-09-02' } });
    expect(after1.rotavirus).toMatchObject({ status: 'upcoming', next: { doseNumber: 2, dueDate: '2026-09-02' } });

    const dose2 = [...dose1, ...infantVisit('2026-09-02')];
    const after2 = byId(computeDue(schedule, BIRTH, dose2, '2026-09-02'));
    expect(after2.pentavalent?.next).toMatchObject({ doseNumber: 3, dueDate: '2026-09-30' });
    expect(after2.pcv?.next).toMatchObject({ doseNumber: 3, dueDate: '2026-09-30' });
  });

  it('stops rotavirus at 24 months', () => {
    const birth = '2024-01-10';
    const rota = series('rotavirus');
    const never = seriesDue(rota, birth, [], '2026-01-10');
    expect(never.status).toBe('too-late');
    expect(never.note).toBe('Rotavirus is not given from 24 months of age; this series cannot be completed.');
    expect(seriesDue(rota, birth, [], '2026-01-09').status).toBe('overdue');

    const lateFirst = [given('rota', '2025-12-20')];
    expect(seriesDue(rota, birth, lateFirst, '2025-12-20')).toMatchObject({ status: 'too-late', dosesCounted: 1 });

    const pastMax = seriesDue(rota, birth, [given('rota', '2026-02-01')], '2026-02-01');
    expect(pastMax.doses[0]).toMatchObject({
      valid: false,
      problem: 'Given at or after the maximum age of 24 months.',
    });
  });

  it('does not count a dose given too early or too soon after the previous one', () => {
    const penta = series('pentavalent');
    const early = seriesDue(penta, BIRTH, [given('penta', '2026-02-09', { id: 'imm-1', doseNumber: 1 })], '2026-02-09');
    expect(early.dosesCounted).toBe(0);
    expect(early.doses).toEqual([
      {
        immunizationId: 'imm-1',
        date: '2026-02-09',
        recordedDoseNumber: 1,
        valid: false,
        problem: 'Given before the minimum age of 6 weeks for Pentavalent 1.',
      },
    ]);
    expect(early).toMatchObject({ status: 'upcoming', next: { doseNumber: 1, dueDate: '2026-02-16' } });

    const soon = seriesDue(penta, BIRTH, [given('penta', '2026-02-16'), given('penta', '2026-03-02')], '2026-03-02');
    expect(soon.dosesCounted).toBe(1);
    expect(soon.doses[1]?.problem).toBe('Given 14 days after the previous dose; at least 4 weeks are needed.');
    expect(soon.next).toMatchObject({ doseNumber: 2, earliestDate: '2026-03-16', dueDate: '2026-03-16' });
  });

  it('counts the OPV birth dose only in the first 2 weeks', () => {
    const late = seriesDue(series('opv'), BIRTH, [given('opv', '2026-01-25')], '2026-01-25');
    expect(late.missed).toEqual([{ doseNumber: 0, title: 'OPV birth dose' }]);
    expect(late.doses[0]?.problem).toBe('Given before the minimum age of 6 weeks for OPV 1.');
  });

  it('handles a child born on 29 February', () => {
    const birth = '2024-02-29';
    const due = byId(computeDue(schedule, birth, [], '2024-03-01'));
    expect(due.pentavalent?.next).toMatchObject({ dueDate: '2024-04-11', latestDate: '2029-02-27' });
    expect(due['measles-rubella']?.next?.dueDate).toBe('2024-11-29');
    expect(due.bcg?.next?.latestDate).toBe('2025-02-27');
    expect(seriesDue(series('bcg'), birth, [], '2025-02-27').status).toBe('overdue');
    expect(seriesDue(series('bcg'), birth, [], '2025-02-28').status).toBe('too-late');
    const mr = seriesDue(series('measles-rubella'), birth, [given('mr', '2024-11-29')], '2025-06-01');
    expect(mr).toMatchObject({ dosesCounted: 1, next: { doseNumber: 2, dueDate: '2025-05-29' } });
  });

  it('plans the birth doses for a child born today', () => {
    const today = '2026-11-25';
    const due = byId(computeDue(schedule, today, [], today));
    expect(due.bcg).toMatchObject({ status: 'due', next: { dueDate: today, earliestDate: today } });
    expect(due.opv).toMatchObject({ status: 'due', next: { doseNumber: 0, latestDate: '2026-12-08' } });
    expect(due.pentavalent).toMatchObject({ status: 'upcoming', next: { dueDate: '2027-01-06' } });
  });

  it('refuses a birth date in the future or not a date', () => {
    const fieldOf = (birth: string): string | undefined => {
      try {
        computeDue(schedule, birth, [], '2026-11-25');
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION') return error.details?.fields?.birthDate;
        throw error;
      }
      return undefined;
    };
    expect(fieldOf('2026-11-26')).toBe('The birth date is in the future; check it before planning vaccinations.');
    expect(fieldOf('2025-02-29')).toBe('The birth date is not a valid date (YYYY-MM-DD).');
  });

  it('reports a complete series, flags an extra dose and lists doses not given', () => {
    const mr = series('measles-rubella');
    const doses = [
      given('mr', '2026-10-05'),
      { ...given('mr', '2027-01-05'), status: 'not-done' as const, reason: 'Child unwell (fever)' },
      given('mr', '2027-04-05'),
      given('mr', '2027-05-05'),
    ];
    const result = seriesDue(mr, BIRTH, doses, '2027-06-01');
    expect(result.status).toBe('complete');
    expect(result.next).toBeUndefined();
    expect(result.dosesCounted).toBe(2);
    expect(result.doses[2]?.problem).toBe('An extra dose: the series was already complete.');
    expect(result.notGiven).toEqual([
      { date: '2027-01-05', reason: 'Child unwell (fever)', immunizationId: undefined },
    ]);
  });

  it('ignores vaccines from other series and flags doses dated in the future or before birth', () => {
    const bcg = seriesDue(
      series('bcg'),
      BIRTH,
      [given('penta', BIRTH), given('bcg', '2025-12-31'), given('bcg', '2026-03-01')],
      '2026-02-20',
    );
    expect(bcg.doses.map((d) => d.problem)).toEqual([
      'This dose is dated before the birth date.',
      'This dose is dated in the future.',
    ]);
    expect(bcg.status).toBe('overdue');
  });
});
