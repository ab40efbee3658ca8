import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { PatientSummary, Sex } from '../../src-shared/domain/patient';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';
import { byCount, formatCount } from '../lib/format';
import { t } from '../lib/i18n.svelte';

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
  /** The clinic number of a scanned card that no record on this laptop holds. */
  cardMiss = $state<string | null>(null);

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

  /**
   * A scanned patient card: the id of the one record holding its clinic number, to open at
   * once. None: `cardMiss` says so. Several (a duplicate): they are listed as results.
   */
  async findCard(clinicNumber: string): Promise<string | null> {
    clearTimeout(this.timer);
    // Also drops the answer of a type-ahead search started while the code was being typed.
    const seq = ++this.seq;
    this.cardMiss = null;
    this.loading = true;
    try {
      const found = await invoke('patients:find-by-identifier', { kind: 'clinic-number', value: clinicNumber });
      if (seq !== this.seq) return null;
      this.error = null;
      const [only] = found;
      if (only && found.length === 1) {
        this.reset();
        return only.id;
      }
      this.text = clinicNumber;
      this.items = found;
      this.hasMore = false;
      this.searched = found.length > 0;
      if (found.length === 0) {
        this.cardMiss = clinicNumber;
        this.announce(t('No patient on this laptop has the card number {number}.', { number: clinicNumber }));
      } else {
        const count = found.length;
        this.announce(t('{count} patients have the card number {number}.', { count, number: clinicNumber }));
      }
      return null;
    } catch (cause) {
      if (seq === this.seq) this.error = toAppError(cause);
      return null;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
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
    this.cardMiss = null;
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
  if (count === 0) return t('No patient found.');
  const n = formatCount(count);
  const found = byCount(count, {
    one: t('{count} patient found', { count: n }),
    other: t('{count} patients found', { count: n }),
  });
  return hasMore ? t('{found}, more available.', { found }) : t('{found}.', { found });
}

export const [getPatientSearch, setPatientSearch] = createContext<PatientSearchStore>();
