/**
 * The WHO Child Growth Standards (2006) LMS tables as shipped in resources/growth-standards/:
 * one row per day of age (0–1826) or per 0.1 cm of length/height, both sexes, built by
 * scripts/build-growth-tables.ts from WHO's own files. Checked when loaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export type GrowthSex = 'female' | 'male';
export type TableIndicator =
  'weight-for-age' | 'length-for-age' | 'height-for-age' | 'weight-for-length' | 'weight-for-height';

export const TABLE_INDICATORS: TableIndicator[] = [
  'weight-for-age',
  'length-for-age',
  'height-for-age',
  'weight-for-length',
  'weight-for-height',
];

const lmsRow = z.tuple([z.number(), z.number().positive(), z.number().positive().max(0.5)]);

const tableSchema = z
  .object({
    standard: z.literal('WHO Child Growth Standards 2006'),
    indicator: z.enum(TABLE_INDICATORS as [TableIndicator, ...TableIndicator[]]),
    unit: z.enum(['kg', 'cm']),
    axis: z.enum(['age-days', 'length-cm', 'height-cm']),
    first: z.number().min(0),
    step: z.number().positive(),
    source: z.object({ repository: z.string(), path: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/) }),
    male: z.array(lmsRow).min(2),
    female: z.array(lmsRow).min(2),
  })
  .superRefine((t, ctx) => {
    for (const sex of ['male', 'female'] as const) {
      if (t[sex].length !== t.male.length) ctx.addIssue({ code: 'custom', message: 'both sexes need the same rows' });
      t[sex].forEach((row, i) => {
        const prev = t[sex][i - 1];
        if (!prev) return;
        // Neighbouring rows (a day or 0.1 cm apart) differ little; a slipped digit jumps. The
        // median may dip slightly: newborns lose weight in their first days.
        const rise = (row[1] - prev[1]) / prev[1];
        if (rise < -0.02 || rise > 0.02 || Math.abs(row[0] - prev[0]) > 0.1 || Math.abs(row[2] - prev[2]) > 0.005)
          ctx.addIssue({ code: 'custom', message: `${sex}: row ${i} jumps from the row before` });
      });
    }
  });

export type GrowthTableFile = z.infer<typeof tableSchema>;
export type GrowthTables = Record<TableIndicator, GrowthTableFile>;

export function parseGrowthTable(json: unknown, expected: TableIndicator): GrowthTableFile {
  const table = tableSchema.parse(json);
  if (table.indicator !== expected) throw new Error(`Growth table holds ${table.indicator}, expected ${expected}`);
  return table;
}

export const tableFileName = (indicator: TableIndicator): string => `who-2006-${indicator}.json`;

/** Reads and validates every table; throws if one is missing or malformed. */
export function loadGrowthTables(dir: string): GrowthTables {
  const entries = TABLE_INDICATORS.map((indicator) => {
    const json = JSON.parse(readFileSync(join(dir, tableFileName(indicator)), 'utf8')) as unknown;
    return [indicator, parseGrowthTable(json, indicator)] as const;
  });
  return Object.fromEntries(entries) as GrowthTables;
}

export interface Lms {
  L: number;
  M: number;
  S: number;
}

/** The table's range along its axis (days or cm). */
export function tableRange(table: GrowthTableFile): { from: number; to: number } {
  return { from: table.first, to: table.first + (table.male.length - 1) * table.step };
}

/**
 * L, M and S at x (day of age or cm). WHO tabulates every day and every 0.1 cm; between two
 * rows (a length of 80.25 cm) the values are interpolated linearly, as WHO's anthro does.
 * Null outside the table.
 */
export function lmsAt(table: GrowthTableFile, sex: GrowthSex, x: number): Lms | null {
  const rows = table[sex];
  const pos = (x - table.first) / table.step;
  // Rounding noise of decimal steps (65.3 cm) must not push a tabulated value off its row.
  const snapped = Math.abs(pos - Math.round(pos)) < 1e-6 ? Math.round(pos) : pos;
  if (snapped < 0 || snapped > rows.length - 1) return null;
  const i = Math.min(Math.floor(snapped), rows.length - 2);
  const a = rows[i]!;
  const b = rows[i + 1]!;
  const t = snapped - i;
  return { L: a[0] + t * (b[0] - a[0]), M: a[1] + t * (b[1] - a[1]), S: a[2] + t * (b[2] - a[2]) };
}
