import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { PatientDraft, PatientRecord } from '../../src-shared/domain/patient';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

/** The one patient record on screen (view or edit), and saving it. */
export class PatientRecordStore {
  record = $state<PatientRecord | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  saving = $state(false);
  saveError = $state<AppError | null>(null);
  /** Id of the record just saved, so its page can say so. */
  justSaved = $state<string | null>(null);

  private seq = 0;

  async load(id: string, quiet = false): Promise<void> {
    const seq = ++this.seq;
    if (this.record?.summary.id !== id) this.record = null;
    if (!quiet) this.loading = true;
    try {
      const record = await invoke('patients:get', { id });
      if (seq !== this.seq) return;
      this.record = record;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** `confirmWarnings`: ids of the rule warnings the nurse read and chose to save anyway. */
  register(draft: PatientDraft, confirmWarnings?: string[]): Promise<PatientRecord | null> {
    return this.save(() => invoke('patients:register', { draft, confirmWarnings }));
  }

  update(id: string, rev: number, draft: PatientDraft, confirmWarnings?: string[]): Promise<PatientRecord | null> {
    return this.save(() => invoke('patients:update', { id, rev, draft, confirmWarnings }));
  }

  clearSaveError(): void {
    this.saveError = null;
  }

  reset(): void {
    this.seq++;
    this.record = null;
    this.error = null;
    this.saveError = null;
    this.loading = false;
    this.justSaved = null;
  }

  private async save(call: () => Promise<PatientRecord>): Promise<PatientRecord | null> {
    if (this.saving) return null;
    this.saving = true;
    this.saveError = null;
    try {
      const record = await call();
      this.seq++;
      this.record = record;
      this.error = null;
      this.justSaved = record.summary.id;
      return record;
    } catch (cause) {
      this.saveError = toAppError(cause);
      return null;
    } finally {
      this.saving = false;
    }
  }
}

export const [getPatientRecord, setPatientRecord] = createContext<PatientRecordStore>();
