/**
 * Imports every FHIR bundle file of a folder, such as a Synthea output folder. Synthea writes
 * the Organizations and Practitioners its patients point at into hospitalInformation*.json and
 * practitionerInformation*.json: those go first, so that patient files can refer to them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from '../store/client';
import { importBundleFile, type ImportOptions, type ImportReport } from './fhir-bundle';

export interface FolderReport {
  files: ImportReport[];
  /** Sums over all files. */
  written: Record<string, number>;
  deduplicated: Record<string, number>;
}

/** Shared reference data first, then everything else in name order (stable across runs). */
export function importOrder(fileNames: string[]): string[] {
  const rank = (name: string) =>
    /^hospitalInformation/i.test(name) ? 0 : /^practitionerInformation/i.test(name) ? 1 : 2;
  return fileNames
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [type, n] of Object.entries(from)) into[type] = (into[type] ?? 0) + n;
}

/**
 * One transaction per file: a bad file is refused whole (its error is thrown) and the files
 * before it stay imported, because each was complete on its own.
 */
export function importBundleFolder(
  sqlite: Sqlite,
  folder: string,
  options: Omit<ImportOptions, 'source'> = {},
): FolderReport {
  const report: FolderReport = { files: [], written: {}, deduplicated: {} };
  for (const name of importOrder(readdirSync(folder))) {
    const file = importBundleFile(sqlite, join(folder, name), { ...options, source: name });
    report.files.push(file);
    add(report.written, file.written);
    add(report.deduplicated, file.deduplicated);
  }
  return report;
}
