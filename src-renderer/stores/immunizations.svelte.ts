import { createContext } from 'svelte';
import type {
  ImmunizationEntry,
  PatientImmunizations,
  RecordImmunizations,
  ScheduleStatus,
} from '../../src-shared/domain/immunization';
import type { AppError } from '../../src-shared/errors';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

/** One patient's vaccinations against the schedule, recording doses and correcting records. */
export class ImmunizationStore {
  data = $state<PatientImmunizations | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  saving = $state(false);
  saveError = $state<AppError | null>(null);
  /** What the last save recorded, until the next save or another patient. */
  lastSaved = $state<ImmunizationEntry[] | null>(null);
  correcting = $state(false);
  correctError = $state<AppError | null>(null);
  schedule = $state<ScheduleStatus | null>(null);
  scheduleError = $state<AppError | null>(null);

  private seq = 0;

  /** @param announce reads status changes out; it receives text already in the chosen language. */
  constructor(private readonly announce: (message: string) => void) {}

  async load(patientId: string, quiet = false): Promise<void> {
    const seq = ++this.seq;
    if (this.data?.patientId !== patientId) {
      this.data = null;
      this.lastSaved = null;
      this.saveError = null;
      this.correctError = null;
    }
    if (!quiet) this.loading = true;
    try {
      const data = await invoke('immunizations:for-patient', { patientId });
      if (seq !== this.seq) return;
      this.data = data;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /**
   * Saves every dose or none; resolves true when saved. `confirmWarnings`: ids of the rule
   * warnings the nurse read and chose to save anyway.
   */
  async record(
    input: RecordImmunizations,
    done: (saved: ImmunizationEntry[]) => string,
    confirmWarnings?: string[],
  ): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.saveError = null;
    this.lastSaved = null;
    try {
      const result = await invoke('immunizations:record', { ...input, confirmWarnings });
      this.seq++;
      this.data = result.patient;
      this.error = null;
      this.lastSaved = result.saved;
      this.announce(done(result.saved));
      return true;
    } catch (cause) {
      this.saveError = toAppError(cause);
      return false;
    } finally {
      this.saving = false;
    }
  }

  async markEnteredInError(id: string, reason: string, done: string): Promise<boolean> {
    if (this.correcting) return false;
    this.correcting = true;
    this.correctError = null;
    try {
      const data = await invoke('immunizations:mark-entered-in-error', { id, reason });
      this.seq++;
      this.data = data;
      this.announce(done);
      return true;
    } catch (cause) {
      this.correctError = toAppError(cause);
      return false;
    } finally {
      this.correcting = false;
    }
  }

  clearSaveError(): void {
    this.saveError = null;
  }

  async loadSchedule(): Promise<void> {
    try {
      this.schedule = await invoke('immunizations:schedule-status', {});
      this.scheduleError = null;
    } catch (cause) {
      this.scheduleError = toAppError(cause);
    }
  }

  reset(): void {
    this.seq++;
    this.data = null;
    this.error = null;
    this.saveError = null;
    this.lastSaved = null;
    this.correctError = null;
    this.schedule = null;
    this.scheduleError = null;
    this.loading = false;
  }
}

export const [getImmunizations, setImmunizations] = createContext<ImmunizationStore>();
