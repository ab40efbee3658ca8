import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { RecordVitalsResult, Visit, VisitStart, VitalsEntry } from '../../src-shared/domain/visit';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';
import { t, tm } from '../lib/i18n.svelte';

/** The one visit on screen: reading it, moving its status, recording vitals in it. */
export class VisitStore {
  visit = $state<Visit | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  saving = $state(false);
  saveError = $state<AppError | null>(null);
  /** Worrying values of the last save, with the reason, until the next save. */
  flagged = $state<RecordVitalsResult['flagged'] | null>(null);

  private seq = 0;

  constructor(private readonly announce: (message: string) => void) {}

  async load(id: string, quiet = false): Promise<void> {
    const seq = ++this.seq;
    if (this.visit?.id !== id) {
      this.visit = null;
      this.flagged = null;
      this.saveError = null;
    }
    if (!quiet) this.loading = true;
    try {
      const visit = await invoke('visits:get', { id });
      if (seq !== this.seq) return;
      this.visit = visit;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  start(input: VisitStart): Promise<Visit | null> {
    return this.run(() => invoke('visits:start', input), t('Visit started. The patient is checked in.'));
  }

  begin(id: string): Promise<Visit | null> {
    return this.run(
      () => invoke('visits:set-status', { id, status: 'in-progress' }),
      t('The visit is now in progress.'),
    );
  }

  finish(id: string): Promise<Visit | null> {
    return this.run(() => invoke('visits:finish', { id }), t('Visit finished.'));
  }

  /** `confirmWarnings`: ids of the rule warnings the nurse read and chose to save anyway. */
  async recordVitals(id: string, vitals: VitalsEntry, confirmWarnings?: string[]): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.saveError = null;
    this.flagged = null;
    try {
      const result = await invoke('visits:record-vitals', { id, vitals, confirmWarnings });
      this.seq++;
      this.visit = result.visit;
      this.flagged = result.flagged;
      this.announce(
        result.flagged.length === 0
          ? t('Measurements saved.')
          : t('Measurements saved. Needs attention: {reasons}', {
              reasons: result.flagged.map((f) => tm(f.reason)).join(' '),
            }),
      );
      return true;
    } catch (cause) {
      this.saveError = toAppError(cause);
      this.announce(tm(this.saveError.message));
      return false;
    } finally {
      this.saving = false;
    }
  }

  clearSaveError(): void {
    this.saveError = null;
  }

  reset(): void {
    this.seq++;
    this.visit = null;
    this.error = null;
    this.saveError = null;
    this.flagged = null;
    this.loading = false;
  }

  private async run(call: () => Promise<Visit>, done: string): Promise<Visit | null> {
    if (this.saving) return null;
    this.saving = true;
    this.saveError = null;
    try {
      const visit = await call();
      this.seq++;
      if (this.visit?.id !== visit.id) this.flagged = null;
      this.visit = visit;
      this.error = null;
      this.announce(done);
      return visit;
    } catch (cause) {
      this.saveError = toAppError(cause);
      this.announce(tm(this.saveError.message));
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/** A list of visits (today's, or one patient's history), ignoring answers that came too late. */
export class VisitListStore {
  visits = $state<Visit[]>([]);
  /** What the list is of: 'today' or a patient id; the page shows nothing of another key. */
  key = $state<string | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);

  private seq = 0;

  async loadToday(quiet = false): Promise<void> {
    await this.load('today', () => invoke('visits:list-today', {}), quiet);
  }

  async loadPatient(patientId: string, quiet = false): Promise<void> {
    await this.load(`patient:${patientId}`, () => invoke('visits:list-for-patient', { patientId }), quiet);
  }

  reset(): void {
    this.seq++;
    this.visits = [];
    this.key = null;
    this.error = null;
    this.loading = false;
  }

  private async load(key: string, call: () => Promise<Visit[]>, quiet: boolean): Promise<void> {
    const seq = ++this.seq;
    if (this.key !== key) {
      this.visits = [];
      this.key = key;
    }
    if (!quiet) this.loading = true;
    try {
      const visits = await call();
      if (seq !== this.seq) return;
      this.visits = visits;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

export const [getVisit, setVisit] = createContext<VisitStore>();
export const [getVisitList, setVisitList] = createContext<VisitListStore>();
