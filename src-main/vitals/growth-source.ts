/**
 * Reads WHO's own LMS source tables (the tab-separated files of the WHO `anthro` R package,
 * data-raw/growthstandards/*.txt) into the compact JSON tables the app ships. Kept apart from
 * the z-score code so the build script and the tests check the very same parsing.
 */
import type { GrowthSex, GrowthTableFile, TableIndicator } from './growth-tables';

/** Where the source files were taken from, recorded in every table built from them. */
export const WHO_ANTHRO_SOURCE = {
  repository: 'WorldHealthOrganization/anthro',
  folder: 'data-raw/growthstandards',
  licence: 'GPL-3 (package); the standards are © World Health Organization',
  commits: {
    'weianthro.txt': '4cca1914afe445fd5befb0add6ee6853440eef03',
    'lenanthro.txt': '272a55ea254f035db9e1f05f1250324b81128e09',
    'wflanthro.txt': '96dac5f6b3799d9f206182c5c57c86396cadde50',
    'wfhanthro.txt': '96dac5f6b3799d9f206182c5c57c86396cadde50',
  },
} as const;

export type SourceFile = keyof typeof WHO_ANTHRO_SOURCE.commits;

interface SourceRow {
  sex: GrowthSex;
  /** Age in days, or length/height in cm. */
  x: number;
  L: number;
  M: number;
  S: number;
  /** 'L' lying length, 'H' standing height, where the file says. */
  position: string | null;
}

const SEX: Record<string, GrowthSex> = { '1': 'male', '2': 'female' };

export function parseSourceText(text: string, file: string): SourceRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  if (header[0] !== 'sex' || header[2] !== 'l' || header[3] !== 'm' || header[4] !== 's')
    throw new Error(`${file}: unexpected header ${header.join(',')}`);
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const sex = SEX[cells[0] ?? ''];
    const [x, L, M, S] = cells.slice(1, 5).map(Number);
    if (
      !sex ||
      x === undefined ||
      L === undefined ||
      M === undefined ||
      S === undefined ||
      [x, L, M, S].some(Number.isNaN)
    )
      throw new Error(`${file}: line ${i + 2} is not "sex x l m s": ${line}`);
    return { sex, x, L, M, S, position: cells[5]?.trim() || null };
  });
}

interface Slice {
  indicator: TableIndicator;
  unit: 'kg' | 'cm';
  axis: GrowthTableFile['axis'];
  file: SourceFile;
  first: number;
  last: number;
  step: number;
  position?: 'L' | 'H';
}

/** Which rows of which source file make each shipped table. */
export const TABLE_SLICES: Slice[] = [
  { indicator: 'weight-for-age', unit: 'kg', axis: 'age-days', file: 'weianthro.txt', first: 0, last: 1826, step: 1 },
  {
    indicator: 'length-for-age',
    unit: 'cm',
    axis: 'age-days',
    file: 'lenanthro.txt',
    first: 0,
    last: 730,
    step: 1,
    position: 'L',
  },
  {
    indicator: 'height-for-age',
    unit: 'cm',
    axis: 'age-days',
    file: 'lenanthro.txt',
    first: 731,
    last: 1826,
    step: 1,
    position: 'H',
  },
  {
    indicator: 'weight-for-length',
    unit: 'kg',
    axis: 'length-cm',
    file: 'wflanthro.txt',
    first: 45,
    last: 110,
    step: 0.1,
  },
  {
    indicator: 'weight-for-height',
    unit: 'kg',
    axis: 'height-cm',
    file: 'wfhanthro.txt',
    first: 65,
    last: 120,
    step: 0.1,
  },
];

const tenths = (v: number): number => Math.round(v * 10);

/**
 * One table from a parsed source file; throws unless every row from first to last is present
 * once, in order, for both sexes (a dropped or doubled line in a copy shows up here).
 */
export function buildTable(rows: SourceRow[], slice: Slice): GrowthTableFile {
  const count = Math.round((slice.last - slice.first) / slice.step) + 1;
  const pick = (sex: GrowthSex): [number, number, number][] => {
    const chosen = rows.filter(
      (r) =>
        r.sex === sex &&
        r.x >= slice.first - 1e-9 &&
        r.x <= slice.last + 1e-9 &&
        (!slice.position || r.position === slice.position),
    );
    if (chosen.length !== count)
      throw new Error(`${slice.file} ${sex} ${slice.indicator}: ${chosen.length} rows, expected ${count}`);
    chosen.forEach((r, i) => {
      if (tenths(r.x) !== tenths(slice.first + i * slice.step))
        throw new Error(`${slice.file} ${sex}: row ${i} is at ${r.x}, expected ${slice.first + i * slice.step}`);
    });
    return chosen.map((r) => [r.L, r.M, r.S]);
  };
  return {
    standard: 'WHO Child Growth Standards 2006',
    indicator: slice.indicator,
    unit: slice.unit,
    axis: slice.axis,
    first: slice.first,
    step: slice.step,
    source: {
      repository: WHO_ANTHRO_SOURCE.repository,
      path: `${WHO_ANTHRO_SOURCE.folder}/${slice.file}`,
      commit: WHO_ANTHRO_SOURCE.commits[slice.file],
    },
    male: pick('male'),
    female: pick('female'),
  };
}
