/**
 * The schedule in force on this laptop. The iCDR publishes it as PlanDefinition and
 * ActivityDefinition resources tagged as Kliniki's immunization schedule; sync stores them like
 * any record. When the laptop holds a published schedule with at least one usable series, it
 * replaces the default WHO EPI schedule shipped in resources/ entirely; otherwise the default
 * applies. Problems in either are kept for the settings page, never thrown.
 *
 * Parsing is cached and redone only when a definition row changes (one index-only query per call).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { parseSchedule, parseScheduleText } from './schedule';
import type { ImmunizationSchedule, ScheduleProblem } from './schedule-model';

export const SCHEDULE_TAG = {
  system: 'https://kliniki.org/fhir/CodeSystem/content-kind',
  code: 'immunization-schedule',
} as const;

export const DEFAULT_SCHEDULE_FILE = join('immunization-schedule', 'who-epi-schedule.json');

export interface ActiveSchedule {
  schedule: ImmunizationSchedule;
  /** 'central': published by the iCDR; 'default': the WHO EPI schedule shipped with Kliniki. */
  source: 'central' | 'default';
  /** Version(s) of the series in use, for the settings page ("2026.1"). */
  versions: string[];
  problems: ScheduleProblem[];
}

const DEFINITION_TYPES = ['PlanDefinition', 'ActivityDefinition'] as const;

function isTagged(resource: unknown): boolean {
  const tags = (resource as { meta?: { tag?: unknown } } | null)?.meta?.tag;
  return (
    Array.isArray(tags) &&
    tags.some(
      (t: { system?: unknown; code?: unknown }) => t.system === SCHEDULE_TAG.system && t.code === SCHEDULE_TAG.code,
    )
  );
}

function versionsOf(schedule: ImmunizationSchedule): string[] {
  return [...new Set(schedule.series.flatMap((s) => (s.version ? [s.version] : [])))].sort();
}

export class ScheduleSource {
  private cached: { key: string; value: ActiveSchedule } | null = null;
  private defaultSchedule: ActiveSchedule | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly resourcesDir: string,
  ) {}

  /** The schedule to compute due doses with, re-read only after a definition changed. */
  current(): ActiveSchedule {
    const key = this.changeKey();
    if (this.cached?.key === key) return this.cached.value;
    const value = this.load();
    this.cached = { key, value };
    return value;
  }

  private changeKey(): string {
    const row = stmt(
      this.sqlite,
      `SELECT count(*) AS n, max(updated_at) AS at, max(pk) AS pk FROM resources WHERE type IN (?, ?)`,
    ).get(...DEFINITION_TYPES) as { n: number; at: string | null; pk: number | null };
    return `${row.n}:${row.at ?? ''}:${row.pk ?? 0}`;
  }

  private central(): unknown[] {
    const rows = stmt(this.sqlite, `SELECT json FROM resources WHERE type IN (?, ?) AND deleted = 0 ORDER BY pk`).all(
      ...DEFINITION_TYPES,
    ) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as unknown).filter(isTagged);
  }

  private fallback(): ActiveSchedule {
    if (this.defaultSchedule) return this.defaultSchedule;
    const file = join(this.resourcesDir, DEFAULT_SCHEDULE_FILE);
    let parsed;
    try {
      parsed = parseScheduleText(readFileSync(file, 'utf8'));
    } catch {
      parsed = {
        schedule: { series: [] },
        problems: [{ where: file, message: 'The default schedule shipped with Kliniki could not be read.' }],
      };
    }
    this.defaultSchedule = { ...parsed, source: 'default', versions: versionsOf(parsed.schedule) };
    return this.defaultSchedule;
  }

  private load(): ActiveSchedule {
    const published = this.central();
    if (published.length === 0) return this.fallback();
    const parsed = parseSchedule(published);
    if (parsed.schedule.series.length === 0) {
      const fallback = this.fallback();
      return {
        ...fallback,
        problems: [
          ...parsed.problems,
          {
            where: 'schedule',
            message:
              'No series of the schedule published by the central registry could be used, so the default schedule applies.',
          },
          ...fallback.problems,
        ],
      };
    }
    return { ...parsed, source: 'central', versions: versionsOf(parsed.schedule) };
  }
}
