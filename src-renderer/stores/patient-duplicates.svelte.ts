import type { AppError } from '../../src-shared/errors';
import type { DuplicateCandidate, PatientDraft, PatientRecord, PatientSummary } from '../../src-shared/domain/patient';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

/** What makes two drafts "the same person" for the warning: names, birth, sex, ids and phone. */
function identityKey(draft: PatientDraft): string {
  const { given, family, sex, birth, nationalId, phone } = draft;
  return JSON.stringify([given.trim(), family.trim(), sex, birth, nationalId.trim(), phone.trim()]);
}

/**
 * The registration check: before a new patient is saved, records that may be the same person.
 * The warning is shown once per person typed: saving again with the same details goes ahead.
 */
export class DuplicateCheck {
  candidates = $state<DuplicateCandidate[]>([]);
  /** The draft the warning is about, kept for "Save as a new patient anyway". */
  draft = $state<PatientDraft | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);

  /** Not state: nothing on screen depends on it. */
  private warned: string[] = [];
  private seq = 0;

  /** Resolves to the candidates to show; none when already warned or when the check failed. */
  async check(draft: PatientDraft): Promise<DuplicateCandidate[]> {
    const key = identityKey(draft);
    if (this.warned.includes(key)) return [];
    const seq = ++this.seq;
    this.loading = true;
    try {
      const found = await invoke('patients:find-duplicates', { draft });
      if (seq !== this.seq) return [];
      this.error = null;
      this.candidates = found;
      this.draft = found.length > 0 ? draft : null;
      if (found.length > 0) this.warned.push(key);
      return found;
    } catch (cause) {
      // The check helps; it must never stop a registration.
      if (seq === this.seq) this.error = toAppError(cause);
      return [];
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  dismiss(): void {
    this.seq++;
    this.candidates = [];
    this.draft = null;
  }
}

/** The patient page's "Same person as…": suggestions, a search, and the link itself. */
export class PatientLinking {
  suggestions = $state<DuplicateCandidate[]>([]);
  results = $state<PatientSummary[]>([]);
  searched = $state(false);
  loading = $state(false);
  linking = $state(false);
  error = $state<AppError | null>(null);

  private seq = 0;

  async suggest(record: PatientRecord): Promise<void> {
    const seq = ++this.seq;
    try {
      const found = await invoke('patients:find-duplicates', {
        draft: record.draft,
        excludeId: record.summary.id,
        limit: 5,
      });
      if (seq !== this.seq) return;
      this.suggestions = found.filter((c) => !record.links.some((l) => l.id === c.summary.id));
    } catch {
      // Suggestions are a shortcut; the search below still works.
      if (seq === this.seq) this.suggestions = [];
    }
  }

  async search(text: string, record: PatientRecord): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const found = await invoke('patients:search', { text, limit: 8 });
      if (seq !== this.seq) return;
      this.results = found.items.filter((p) => p.id !== record.summary.id);
      this.searched = true;
      this.error = null;
    } catch (cause) {
      if (seq === this.seq) this.error = toAppError(cause);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** Resolves to the updated record, or null with `error` set. */
  async link(id: string, otherId: string): Promise<PatientRecord | null> {
    if (this.linking) return null;
    this.linking = true;
    this.error = null;
    try {
      return await invoke('patients:link', { id, otherId });
    } catch (cause) {
      this.error = toAppError(cause);
      return null;
    } finally {
      this.linking = false;
    }
  }

  /** Undoes a link made by mistake; resolves to the updated record, or null with `error` set. */
  async unlink(id: string, otherId: string): Promise<PatientRecord | null> {
    if (this.linking) return null;
    this.linking = true;
    this.error = null;
    try {
      return await invoke('patients:unlink', { id, otherId });
    } catch (cause) {
      this.error = toAppError(cause);
      return null;
    } finally {
      this.linking = false;
    }
  }

  reset(): void {
    this.seq++;
    this.suggestions = [];
    this.results = [];
    this.searched = false;
    this.error = null;
    this.loading = false;
  }
}
