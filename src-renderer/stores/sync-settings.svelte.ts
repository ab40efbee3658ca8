import { createContext } from 'svelte';
import type { AppError, FieldErrors } from '../../src-shared/errors';
import type { ConnectionTest, SyncSettings, SyncSettingsInput } from '../../src-shared/domain/sync';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';
import { t, tm } from '../lib/i18n.svelte';

export type ConnectionDetails = Pick<SyncSettingsInput, 'baseUrl' | 'tokenUrl' | 'clientId' | 'clientSecret'>;

/** How this laptop connects to the central registry: reading, testing and saving it. */
export class SyncSettingsStore {
  settings = $state<SyncSettings | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  saving = $state(false);
  saveError = $state<AppError | null>(null);
  testing = $state(false);
  testResult = $state<ConnectionTest | null>(null);
  testError = $state<AppError | null>(null);
  /** Bumped when a load brings different settings, so a form starts again from them (not after its own save). */
  version = $state(0);
  /** The details the last test blames, each shown beside its field (a refused secret on the secret). */
  testFieldErrors = $derived.by<FieldErrors>(() => {
    const error = this.testError;
    if (error?.code !== 'VALIDATION' && error?.code !== 'FHIR_REJECTED') return {};
    return error.details?.fields ?? {};
  });

  private seq = 0;
  private testSeq = 0;
  private readonly announce: (message: string) => void;

  /** `announce` reads the test's answer out, whichever form asked for it. */
  constructor(announce: (message: string) => void) {
    this.announce = announce;
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const settings = await invoke('sync:get-settings', {});
      if (seq !== this.seq) return;
      // The form is rebuilt from the settings when `version` moves: only when they really changed,
      // so a second load of the same settings (two screens asking at once) cannot wipe what the
      // administrator has begun to type.
      const same = this.settings !== null && JSON.stringify(this.settings) === JSON.stringify(settings);
      this.settings = settings;
      if (!same) this.version++;
      this.error = null;
    } catch (cause) {
      if (seq !== this.seq) return;
      this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  async save(input: SyncSettingsInput): Promise<SyncSettings | null> {
    if (this.saving) return null;
    this.saving = true;
    this.saveError = null;
    try {
      const settings = await invoke('sync:save-settings', input);
      this.seq++;
      this.settings = settings;
      this.error = null;
      return settings;
    } catch (cause) {
      this.saveError = toAppError(cause);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Only the answer to the latest test is kept: an older, slower one says nothing now. */
  async test(details: ConnectionDetails): Promise<boolean> {
    const seq = ++this.testSeq;
    this.testing = true;
    this.testResult = null;
    this.testError = null;
    try {
      const result = await invoke('sync:test-connection', details);
      if (seq !== this.testSeq) return false;
      this.testResult = result;
      this.announce(t('The connection works.'));
      return true;
    } catch (cause) {
      if (seq !== this.testSeq) return false;
      this.testError = toAppError(cause);
      this.announce(t('The connection does not work yet. {problem}', { problem: tm(this.testError.message) }));
      return false;
    } finally {
      if (seq === this.testSeq) this.testing = false;
    }
  }

  /** The details changed since the last test: its answer no longer applies. */
  clearTest(): void {
    this.testSeq++;
    this.testing = false;
    this.testResult = null;
    this.testError = null;
  }

  reset(): void {
    this.seq++;
    this.clearTest();
    this.settings = null;
    this.error = null;
    this.saveError = null;
    this.loading = false;
  }
}

export const [getSyncSettings, setSyncSettings] = createContext<SyncSettingsStore>();
