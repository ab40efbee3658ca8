import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_SLICES, buildTable, parseSourceText } from '../../../src-main/vitals/growth-source';
import { loadGrowthTables } from '../../../src-main/vitals/growth-tables';

const dir = fileURLToPath(new URL('../../../resources/growth-standards/', import.meta.url));
const source = (file: string) => readFileSync(`${dir}who-anthro/${file}`, 'utf8');

describe('WHO source files to shipped tables', () => {
  it('ships exactly what the build script makes from WHO’s files', () => {
    const shipped = loadGrowthTables(dir);
    for (const slice of TABLE_SLICES) {
      const built = buildTable(parseSourceText(source(slice.file), slice.file), slice);
      expect(shipped[slice.indicator]).toEqual(built);
    }
  });
  it('holds every day from birth to 1826 days and every 0.1 cm, for both sexes', () => {
    const rows = parseSourceText(source('weianthro.txt'), 'weianthro.txt');
    expect(rows.filter((r) => r.sex === 'male')).toHaveLength(1827);
    expect(rows.filter((r) => r.sex === 'female')).toHaveLength(1827);
    expect(parseSourceText(source('wflanthro.txt'), 'wflanthro.txt')).toHaveLength(2 * 651);
    expect(parseSourceText(source('wfhanthro.txt'), 'wfhanthro.txt')).toHaveLength(2 * 551);
  });
  it('agrees between the weight-for-length and weight-for-height files (height = length − 0.7 cm)', () => {
    // WHO derived one from the other; two separately copied files must agree row for row.
    const wfl = new Map(
      parseSourceText(source('wflanthro.txt'), 'wfl').map((r) => [`${r.sex}${Math.round(r.x * 10)}`, [r.L, r.M, r.S]]),
    );
    let compared = 0;
    for (const r of parseSourceText(source('wfhanthro.txt'), 'wfh')) {
      const twin = wfl.get(`${r.sex}${Math.round(r.x * 10) + 7}`);
      if (!twin) continue;
      compared++;
      expect(twin).toEqual([r.L, r.M, r.S]);
    }
    expect(compared).toBe(888);
  });
  it('refuses a copy with a missing day', () => {
    const lines = source('weianthro.txt').split('\n');
    lines.splice(200, 1);
    const slice = TABLE_SLICES[0]!;
    expect(() => buildTable(parseSourceText(lines.join('\n'), 'weianthro.txt'), slice)).toThrow(/rows, expected 1827/);
  });
});
