import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { DueFilter, DueList, DueQuery } from '../../src-shared/domain/due-list';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

export const DUE_PAGE_SIZE = 50;

/** Age bands a nurse thinks in; values are [from, to] in completed months. */
export const AGE_BANDS = {
  all: [undefined, undefined],
  infant: [0, 11],
  second: [12, 23],
  older: [24, 59],
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

export interface DueFilters {
  status: DueFilter;
  upcomingDays: number;
  seriesId: string;
  ageBand: AgeBand;
  village: string;
  text: string;
}

export function defaultFilters(): DueFilters {
  return { status: 'due-or-overdue', upcomingDays: 14, seriesId: '', ageBand: 'all', village: '', text: '' };
}

/** The clinic due list on screen: its filters, page and answer; stale answers are ignored. */
export class DueListStore {
  filters = $state<DueFilters>(defaultFilters());
  offset = $state(0);
  list = $state<DueList | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);

  private seq = 0;

  query(): DueQuery {
    const f = this.filters;
    const [minAgeMonths, maxAgeMonths] = AGE_BANDS[f.ageBand];
    const query: DueQuery = {
      status: f.status,
      upcomingDays: f.upcomingDays,
      offset: this.offset,
      limit: DUE_PAGE_SIZE,
    };
    if (f.seriesId !== '') query.seriesId = f.seriesId;
    if (minAgeMonths !== undefined) query.minAgeMonths = minAgeMonths;
    if (maxAgeMonths !== undefined) query.maxAgeMonths = maxAgeMonths;
    if (f.village !== '') query.village = f.village;
    if (f.text.trim() !== '') query.text = f.text.trim().slice(0, 100);
    return query;
  }

  async load(quiet = false): Promise<void> {
    const seq = ++this.seq;
    if (!quiet) this.loading = true;
    try {
      const list = await invoke('due:list', this.query());
      if (seq !== this.seq) return;
      this.list = list;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** A changed filter starts again from the first page. */
  setFilters(next: Partial<DueFilters>): Promise<void> {
    this.filters = { ...this.filters, ...next };
    this.offset = 0;
    return this.load();
  }

  page(offset: number): Promise<void> {
    this.offset = Math.max(0, offset);
    return this.load();
  }

  reset(): void {
    this.seq++;
    this.filters = defaultFilters();
    this.offset = 0;
    this.list = null;
    this.loading = false;
    this.error = null;
  }
}

export const [getDueList, setDueList] = createContext<DueListStore>();
