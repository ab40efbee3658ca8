/**
 * Rebuilds resources/growth-standards/who-2006-*.json from WHO's own LMS files kept verbatim in
 * resources/growth-standards/who-anthro/ (see the README there for where they come from).
 *
 *   npx tsx scripts/build-growth-tables.ts          write the JSON tables
 *   npx tsx scripts/build-growth-tables.ts --check  fail if the JSON differs from the source
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_SLICES, buildTable, parseSourceText } from '../src-main/vitals/growth-source';
import { parseGrowthTable, tableFileName } from '../src-main/vitals/growth-tables';

const dir = fileURLToPath(new URL('../resources/growth-standards/', import.meta.url));
const check = process.argv.includes('--check');
let differences = 0;

for (const slice of TABLE_SLICES) {
  const text = readFileSync(join(dir, 'who-anthro', slice.file), 'utf8');
  const table = parseGrowthTable(buildTable(parseSourceText(text, slice.file), slice), slice.indicator);
  // One row per line keeps the JSON reviewable in a diff.
  const rows = (sex: 'male' | 'female') => table[sex].map((r) => `    [${r.join(', ')}]`).join(',\n');
  const { male: _m, female: _f, ...head } = table;
  const json = `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "male": [\n${rows('male')}\n  ],\n  "female": [\n${rows('female')}\n  ]\n}\n`;
  const target = join(dir, tableFileName(slice.indicator));
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as different
    }
    if (current !== json) {
      differences++;
      console.error(`${tableFileName(slice.indicator)} differs from ${slice.file}`);
    }
  } else {
    writeFileSync(target, json);
    console.log(`${tableFileName(slice.indicator)}: ${table.male.length} rows per sex from ${slice.file}`);
  }
}
if (differences > 0) process.exit(1);
