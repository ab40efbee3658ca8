import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_ENTRIES,
  MAX_SCHEDULE_CHARS,
  parseSchedule,
  parseScheduleText,
} from '../../../src-main/immunization/schedule';

const packText = readFileSync(
  new URL('../../../resources/immunization-schedule/who-epi-schedule.json', import.meta.url),
  'utf8',
);

interface Entry {
  resource: { resourceType: string; id: string; action?: Record<string, unknown>[] };
}

function pack(): { resourceType: string; entry: Entry[] } {
  return JSON.parse(packText) as { resourceType: string; entry: Entry[] };
}

function plan(bundle: { entry: Entry[] }, id: string): Entry['resource'] {
  const found = bundle.entry.find((e) => e.resource.resourceType === 'PlanDefinition' && e.resource.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found.resource;
}

describe('immunization schedule parsing', () => {
  it('reads the default WHO EPI pack without problems', () => {
    const { schedule, problems } = parseScheduleText(packText);
    expect(problems).toEqual([]);
    expect(schedule.series.map((s) => s.id)).toEqual([
      'who-epi-bcg',
      'who-epi-opv',
      'who-epi-pentavalent',
      'who-epi-pcv',
      'who-epi-rotavirus',
      'who-epi-ipv',
      'who-epi-measles-rubella',
    ]);
  });

  it('turns a pentavalent series into dose rules with ages, intervals and codes', () => {
    const penta = parseScheduleText(packText).schedule.series.find((s) => s.id === 'who-epi-pentavalent');
    expect(penta?.vaccineCodes.map((c) => c.code)).toEqual(['198', '102']);
    expect(penta?.vaccineCodes[0]?.system).toBe('http://hl7.org/fhir/sid/cvx');
    expect(penta?.doses.map((d) => [d.doseNumber, d.recommendedAge, d.minimumInterval])).toEqual([
      [1, { value: 6, unit: 'wk' }, undefined],
      [2, { value: 10, unit: 'wk' }, { value: 4, unit: 'wk' }],
      [3, { value: 14, unit: 'wk' }, { value: 4, unit: 'wk' }],
    ]);
    expect(penta?.doses[0]?.maximumAge).toEqual({ value: 5, unit: 'a' });
  });

  it('keeps the OPV birth dose as dose 0 with a 2-week window and rotavirus up to 24 months', () => {
    const { schedule } = parseScheduleText(packText);
    const opv = schedule.series.find((s) => s.id === 'who-epi-opv');
    expect(opv?.doses[0]).toMatchObject({ doseNumber: 0, maximumAge: { value: 14, unit: 'd' } });
    const rota = schedule.series.find((s) => s.id === 'who-epi-rotavirus');
    expect(rota?.doses.map((d) => d.maximumAge)).toEqual([
      { value: 24, unit: 'mo' },
      { value: 24, unit: 'mo' },
    ]);
  });

  it('skips a malformed series with a problem in words and keeps the others', () => {
    const bundle = pack();
    const pcv = plan(bundle, 'who-epi-pcv');
    delete pcv.action?.[1]?.timingAge;
    const { schedule, problems } = parseSchedule(bundle);
    expect(schedule.series).toHaveLength(6);
    expect(schedule.series.some((s) => s.id === 'who-epi-pcv')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toContain('who-epi-pcv');
    expect(problems[0]?.message).toBe('The recommended age (timingAge) of dose-2 is missing. This series was skipped.');
  });

  it('skips a series whose vaccine definition is missing or whose interval points elsewhere', () => {
    const bundle = pack();
    const rota = plan(bundle, 'who-epi-rotavirus');
    if (rota.action?.[0]) rota.action[0].definitionCanonical = 'https://example.org/ActivityDefinition/nope';
    const ipv = plan(bundle, 'who-epi-ipv');
    if (ipv.action?.[1]) ipv.action[1].relatedAction = [{ actionId: 'dose-9', relationship: 'after-end' }];
    const { schedule, problems } = parseSchedule(bundle);
    expect(schedule.series).toHaveLength(5);
    expect(problems.map((p) => p.message)).toEqual([
      'Dose dose-1 refers to https://example.org/ActivityDefinition/nope, which is not in the schedule. This series was skipped.',
      'The interval of dose-2 must refer to the previous dose of the same series. This series was skipped.',
    ]);
  });

  it('reports junk entries and odd values without throwing', () => {
    const bundle = pack() as unknown as { entry: unknown[] };
    bundle.entry.push(null, 42, { resource: { resourceType: 'Patient', id: 'x' } });
    bundle.entry.push({ resource: { resourceType: 'PlanDefinition', id: 'bad', status: 'active', action: 'x' } });
    bundle.entry.push({
      resource: {
        resourceType: 'PlanDefinition',
        id: 'neg',
        status: 'active',
        action: [{ id: 'd', timingAge: { value: -1, code: 'wk' } }],
      },
    });
    const { schedule, problems } = parseSchedule(bundle);
    expect(schedule.series).toHaveLength(7);
    expect(problems).toHaveLength(5);
    expect(problems[3]?.message).toBe('The doses (action) is not a list. This series was skipped.');
    expect(() => parseSchedule(undefined)).not.toThrow();
    expect(parseSchedule('nonsense').problems[0]?.message).toBe(
      'The schedule is not a FHIR Bundle or list of resources.',
    );
  });

  it('refuses an oversized schedule before parsing it', () => {
    const huge = `{"resourceType":"Bundle","entry":[],"padding":"${'x'.repeat(MAX_SCHEDULE_CHARS)}"}`;
    const { schedule, problems } = parseScheduleText(huge);
    expect(schedule.series).toEqual([]);
    expect(problems[0]?.message).toMatch(/^The schedule is \d+ characters long; at most 1000000 are accepted\.$/);
  });

  it('refuses a schedule with too many entries, and text that is not JSON', () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, () => ({ resourceType: 'Basic' }));
    expect(parseSchedule(many).problems[0]?.message).toContain(`at most ${MAX_ENTRIES} are accepted`);
    expect(parseScheduleText('{ not json').problems).toEqual([
      { where: 'schedule', message: 'The schedule is not valid JSON.' },
    ]);
  });
});
