import { describe, expect, it } from 'vitest';
import { generatePatients, randomPhone } from '../../../src-main/demo/generate-patients';
import { createRng } from '../../../src-main/demo/random';
import { ageInYears, validatePatientDraft } from '../../../src-main/patients/validate-draft';
import { openStore } from '../../../src-main/store/client';
import { registerPatient } from '../../../src-main/patients/patient-records';
import { searchPatients } from '../../../src-main/patients/search';

const NOW = new Date(2025, 5, 15, 10, 0, 0);
const sample = [...generatePatients(5000, { now: NOW, seed: 1 })];

describe('generatePatients', () => {
  it('gives the same patients for the same seed, and others for another seed', () => {
    expect([...generatePatients(50, { now: NOW, seed: 1 })]).toEqual(sample.slice(0, 50));
    expect([...generatePatients(50, { now: NOW, seed: 2 })]).not.toEqual(sample.slice(0, 50));
  });

  it('makes drafts the core accepts, with a guardian for every child', () => {
    for (const draft of sample) {
      const birth = validatePatientDraft(draft, NOW);
      if (birth.ageYears < 18) expect(draft.guardian.name).not.toBe('');
      expect(birth.ageYears).toBeGreaterThanOrEqual(0);
      expect(birth.ageYears).toBeLessThanOrEqual(90);
    }
  });

  it('spreads ages over 0-90 with many children, estimates about 10% and gives phones to about 70%', () => {
    const share = (test: (d: (typeof sample)[number]) => boolean) => sample.filter(test).length / sample.length;
    const age = (d: (typeof sample)[number]) =>
      d.birth.kind === 'exact' ? ageInYears(d.birth.date, NOW) : d.birth.years;
    expect(share((d) => d.birth.kind === 'estimated')).toBeGreaterThan(0.07);
    expect(share((d) => d.birth.kind === 'estimated')).toBeLessThan(0.13);
    expect(share((d) => d.phone !== '')).toBeGreaterThan(0.65);
    expect(share((d) => d.phone !== '')).toBeLessThan(0.75);
    expect(share((d) => age(d) < 18)).toBeGreaterThan(0.35);
    expect(share((d) => age(d) >= 60)).toBeGreaterThan(0.05);
    expect(new Set(sample.map((d) => d.sex))).toEqual(new Set(['female', 'male', 'other', 'unknown']));
    expect(new Set(sample.map((d) => d.guardian.relationship))).toEqual(
      new Set(['mother', 'father', 'guardian', 'other']),
    );
    expect(new Set(sample.map((d) => d.village)).size).toBeGreaterThan(20);
    expect(share((d) => d.given.includes(' '))).toBeGreaterThan(0.1);
  });

  it('never repeats a national ID, also across batches with another start index', () => {
    const more = [...generatePatients(5000, { now: NOW, seed: 2, startIndex: 5000 })];
    const ids = [...sample, ...more].map((d) => d.nationalId).filter((id) => id !== '');
    expect(ids.length).toBeGreaterThan(1000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes phone numbers the core accepts, international and local', () => {
    const rng = createRng(9);
    const phones = Array.from({ length: 500 }, () => randomPhone(rng));
    expect(phones.some((p) => p.startsWith('+256 '))).toBe(true);
    expect(phones.some((p) => p.startsWith('0'))).toBe(true);
    for (const phone of phones) expect(phone).toMatch(/^\+?[0-9][0-9 -]{6,16}$/);
  });

  it('registers in the core and can be found again by name', () => {
    const store = openStore({ path: ':memory:', key: null });
    try {
      const drafts = sample.slice(0, 300);
      const ids = store.sqlite.transaction(() =>
        drafts.map((d) => registerPatient(store.sqlite, d, { userId: null, now: NOW }).summary.id),
      )();
      drafts.forEach((draft, i) => {
        if (i % 30 !== 0) return;
        const found = searchPatients(store.sqlite, { text: `${draft.given} ${draft.family}`, limit: 100 });
        expect(
          found.items.map((p) => p.id),
          `${draft.given} ${draft.family}`,
        ).toContain(ids[i]);
      });
    } finally {
      store.close();
    }
  });
});
