import { describe, expect, it } from 'vitest';
import { REGION_WEIGHTS, TRADITIONS, misspell } from '../../../src-main/demo/names';
import { createRng } from '../../../src-main/demo/random';
import { editDistance } from '../../../src-main/patients/name-keys';

describe('name pools', () => {
  it('offers 60 to about 160 given names and 60 to 150 family names per region', () => {
    for (const [region] of REGION_WEIGHTS) {
      const traditions = TRADITIONS.filter((t) => t.region === region);
      const given = new Set(traditions.flatMap((t) => [...t.female, ...t.male]));
      const family = new Set(traditions.flatMap((t) => t.family));
      expect(given.size, region).toBeGreaterThanOrEqual(60);
      expect(given.size, region).toBeLessThanOrEqual(170);
      expect(family.size, region).toBeGreaterThanOrEqual(60);
      expect(family.size, region).toBeLessThanOrEqual(150);
    }
  });

  it('includes Ge\u2019ez script, Arabic spelling variants and European diacritics', () => {
    const all = TRADITIONS.flatMap((t) => [...t.female, ...t.male, ...t.family]);
    expect(all).toContain('አበበ');
    expect(all.filter((n) => /^[\u1200-\u137f]+$/u.test(n)).length).toBeGreaterThan(20);
    for (const variant of ['Mohamed', 'Muhammad', 'Mohammed', 'Aisha', 'Aysha', 'Fatima', 'Fatuma'])
      expect(all).toContain(variant);
    for (const name of ['Müller', 'José', 'Zoë', 'Łukasz']) expect(all).toContain(name);
  });

  it('has no blank or padded names', () => {
    for (const name of TRADITIONS.flatMap((t) => [...t.female, ...t.male, ...t.family])) expect(name).toBe(name.trim());
  });
});

describe('misspell', () => {
  it('changes a name by exactly one realistic edit', () => {
    const rng = createRng(7);
    for (const name of TRADITIONS.flatMap((t) => [...t.female, ...t.family]).filter((n) => [...n].length >= 4)) {
      const wrong = misspell(name, rng);
      expect(wrong, name).not.toBe(name);
      expect(editDistance(wrong.toLowerCase(), name.toLowerCase()), `${name} → ${wrong}`).toBe(1);
    }
  });

  it('uses each kind of mistake', () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 300 }, () => misspell('Mohammed', rng)));
    expect(seen).toContain('Mohamed'); // undoubled
    expect(seen).toContain('Mohammad'); // vowel swap
    expect(seen).toContain('Moammed'); // dropped h
    expect(seen).toContain('Mohmamed'); // transposition
    expect(Array.from({ length: 100 }, () => misspell('Aysha', rng))).toContain('Aisha'); // y/i
    expect(Array.from({ length: 100 }, () => misspell('Nakato', rng))).toContain('Nakkato'); // doubled
  });

  it('misspells one word of a full name and leaves short words alone', () => {
    const rng = createRng(11);
    for (let i = 0; i < 50; i++) {
      const wrong = misspell('Amina Okello', rng).split(' ');
      expect(wrong.filter((w, k) => w !== ['Amina', 'Okello'][k])).toHaveLength(1);
    }
    expect(misspell('Ba', rng)).toBe('Ba');
  });

  it('misspells Ge\u2019ez names within the script', () => {
    const rng = createRng(5);
    for (let i = 0; i < 20; i++) {
      const wrong = misspell('አበበ', rng);
      expect(wrong).not.toBe('አበበ');
      expect(wrong).toMatch(/^[\u1200-\u137f]{3}$/u);
    }
  });

  it('is deterministic for a seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (const name of ['Wanjiru', 'Chukwuemeka', 'Sørensen']) expect(misspell(name, a)).toBe(misspell(name, b));
  });
});
