import { describe, expect, it } from 'vitest';
import { editDistance, fold, nameTokens, phoneticKey } from '../../../src-main/patients/name-keys';

describe('name keys', () => {
  it('folds case and accents in any Latin spelling', () => {
    expect(fold('MÜLLER')).toBe('muller');
    expect(fold('José Zoë')).toBe('jose zoe');
    expect(fold('Łukasz')).toBe('lukasz');
  });

  it('keeps names in other scripts as words', () => {
    expect(nameTokens('አበበ ቢቂላ')).toEqual(['አበበ', 'ቢቂላ']);
    expect(nameTokens('محمد عبد الله')).toEqual(['محمد', 'عبد', 'الله']);
  });

  it("splits on hyphens and drops apostrophes: N'Diaye-Sow", () => {
    expect(nameTokens("N'Diaye-Sow")).toEqual(['ndiaye', 'sow']);
  });

  it.each([
    ['mohamed', 'muhammad'],
    ['mohammed', 'muhamad'],
    ['aisha', 'aysha'],
    ['nakato', 'nakkato'],
    ['fatima', 'fatuma'],
    ['djibril', 'jibril'],
    ['christophe', 'kristof'],
  ])('gives %s and %s the same sound key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('nakato')).not.toBe(phoneticKey('mukasa'));
    expect(phoneticKey('amina')).not.toBe(phoneticKey('aisha'));
  });

  it('measures spelling distance with transpositions as one edit', () => {
    expect(editDistance('nakato', 'nakato')).toBe(0);
    expect(editDistance('nakato', 'nakkato')).toBe(1);
    expect(editDistance('jonh', 'john')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
