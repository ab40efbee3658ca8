import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { PatientSummary, Sex } from '../../src-shared/domain/patient';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

const PAGE_SIZE = 20;
/** The contract's PATIENT_PAGE_MAX; a refresh re-reads at most this many rows at once. */
const REFRESH_MAX = 100;
const TYPE_AHEAD_MS = 150;

/** Type-ahead patient search. Only the answer to the latest request is ever shown. */
export class PatientSearchStore {
  text = $state('');
  birthYear = $state<number | null>(null);
  sex = $state<Sex | null>(null);

  items = $state<PatientSummary[]>([]);
  hasMore = $state(false);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** True once results (possibly none) answer the current query. */
  searched = $state(false);

  isEmptyQuery = $derived(this.text.trim() === '' && this.birthYear === null && this.sex === null);

  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly announce: (message: string) => void;

  constructor(announce: (message: string) => void) {
    this.announce = announce;
  }

  /** Search after a short pause in typing. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), TYPE_AHEAD_MS);
  }

  /** Search now. `refresh` re-reads what is shown (after a change in the database) quietly. */
  async run(refresh = false): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    if (this.isEmptyQuery) {
      this.items = [];
      this.hasMore = false;
      this.searched = false;
      this.error = null;
      this.loading = false;
      return;
    }
    // A refresh keeps what was shown: as many rows, or, where the list was complete, room for
    // the records that were just added so that it stays complete.
    const shown = Math.max(this.items.length, PAGE_SIZE);
    const limit = refresh ? Math.min(this.hasMore ? shown : shown + PAGE_SIZE, REFRESH_MAX) : PAGE_SIZE;
    await this.fetch(seq, 0, limit, (items, hasMore) => {
      this.items = items;
      this.hasMore = hasMore;
      if (!refresh) this.announce(describe(items.length, hasMore));
    });
  }

  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const seq = ++this.seq;
    const before = this.items.length;
    await this.fetch(seq, before, PAGE_SIZE, (items, hasMore) => {
      this.items = [...this.items, ...items];
      this.hasMore = hasMore;
      this.announce(`${items.length} more ${items.length === 1 ? 'patient' : 'patients'} shown.`);
    });
  }

  reset(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.text = '';
    this.birthYear = null;
    this.sex = null;
    this.items = [];
    this.hasMore = false;
    this.searched = false;
    this.error = null;
    this.loading = false;
  }

  private async fetch(
    seq: number,
    offset: number,
    limit: number,
    apply: (items: PatientSummary[], hasMore: boolean) => void,
  ): Promise<void> {
    this.loading = true;
    try {
      const result = await invoke('patients:search', {
        text: this.text.trim(),
        birthYear: this.birthYear,
        sex: this.sex,
        offset,
        limit,
      });
      if (seq !== this.seq) return;
      apply(result.items, result.hasMore);
      this.searched = true;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

function describe(count: number, hasMore: boolean): string {
  if (count === 0) return 'No patient found.';
  const found = `${count} ${count === 1 ? 'patient' : 'patients'} found`;
  return hasMore ? `${found}, more available.` : `${found}.`;
}

export const [getPatientSearch, setPatientSearch] = createContext<PatientSearchStore>();
