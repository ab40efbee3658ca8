import type { PatientGrowth } from '../../../src-shared/domain/growth';
import type { AppError } from '../../../src-shared/errors';
import { invoke } from '../../lib/api';
import { toAppError } from '../../lib/errors';

/** The growth of one patient, reloaded on demand; an answer for a patient no longer shown is dropped. */
export class GrowthData {
  data = $state<PatientGrowth | null>(null);
  patientId = $state<string | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  #request = 0;

  async load(patientId: string, quiet = false): Promise<void> {
    const request = ++this.#request;
    if (!quiet || this.patientId !== patientId) {
      this.data = null;
      this.loading = true;
    }
    this.patientId = patientId;
    this.error = null;
    try {
      const value = await invoke('growth:for-patient', { patientId });
      if (request === this.#request) this.data = value;
    } catch (error) {
      if (request === this.#request) this.error = toAppError(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
