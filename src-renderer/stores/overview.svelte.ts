import type { AppError } from '../../src-shared/errors';
import type { ClinicOverview } from '../../src-shared/domain/overview';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

/** The clinic overview on screen, for the current month or one the nurse chose; late answers are ignored. */
export class OverviewStore {
  overview = $state<ClinicOverview | null>(null);
  /** 'YYYY-MM' chosen for the vaccinations chart; null follows the laptop's current month. */
  month = $state<string | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);

  private seq = 0;
  private inFlight: Promise<void> | null = null;
  private again = false;

  /**
   * A refresh after a change: while one is computing, further changes (a sync brings many pages)
   * ask for one more afterwards instead of queueing one per change.
   */
  refresh(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.load(true).finally(() => {
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
  }

  async load(quiet = false): Promise<void> {
    const seq = ++this.seq;
    if (!quiet) this.loading = true;
    try {
      const overview = await invoke('overview:get', this.month ? { month: this.month } : {});
      if (seq !== this.seq) return;
      this.overview = overview;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  chooseMonth(month: string): Promise<void> {
    this.month = month;
    return this.load(true);
  }
}
