/**
 * The overview's date ranges are index seeks (migration 0003), not reads of every visit or dose:
 * after a first sync every row is recent, so only the clinical date can narrow the read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOSES_SQL } from '../../../src-main/overview/vaccination-counts';
import { VISITS_SQL } from '../../../src-main/overview/visit-counts';
import { startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

function plan(sql: string, ...params: string[]): string {
  const rows = t.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe('overview date indexes', () => {
  it('uses them on a fresh database without statistics', () => {
    expect(plan(VISITS_SQL, '2026-10-01')).toMatch(/SEARCH resources USING INDEX resources_encounter_start/);
    expect(plan(DOSES_SQL, '2026-10-01', '2026-11-02')).toMatch(
      /SEARCH resources USING INDEX resources_immunization_occurrence/,
    );
  });

  it('reads visits of the last days through the Encounter start-date index', () => {
    // Statistics of a synced clinic: many Encounters, all written recently.
    t.core.store.sqlite.exec(`ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl = 'resources';
      INSERT INTO sqlite_stat1 VALUES ('resources', 'resources_type_updated', '2000000 300000 2'),
        ('resources', 'resources_type_id', '2000000 300000 1'),
        ('resources', 'resources_encounter_start', '300000 10');
      ANALYZE sqlite_schema;`);
    expect(plan(VISITS_SQL, '2026-10-01')).toMatch(
      /SEARCH resources USING INDEX resources_encounter_start \(<expr>>\?\)/,
    );
  });

  it("reads a month's doses through the Immunization date index", () => {
    t.core.store.sqlite.exec(`ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl = 'resources';
      INSERT INTO sqlite_stat1 VALUES ('resources', 'resources_type_updated', '2000000 300000 2'),
        ('resources', 'resources_type_id', '2000000 300000 1'),
        ('resources', 'resources_immunization_occurrence', '300000 10');
      ANALYZE sqlite_schema;`);
    expect(plan(DOSES_SQL, '2026-10-01', '2026-11-02')).toMatch(
      /SEARCH resources USING INDEX resources_immunization_occurrence \(<expr>>\? AND <expr><\?\)/,
    );
  });
});
