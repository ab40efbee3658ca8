import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { SyncProblem, SyncStatus } from '../../src-shared/domain/sync';
import { invoke, on } from '../lib/api';
import { toAppError } from '../lib/errors';
import { syncHeadline } from '../lib/sync-words';
import { t } from '../lib/i18n.svelte';

/** "12 minutes ago" must move on by itself; a coarse tick is enough for that. */
const CLOCK_EVERY_MS = 20_000;

export type ConflictChoice = 'mine' | 'theirs';

export function problemKey(problem: Pick<SyncProblem, 'kind' | 'resourceType' | 'resourceId'>): string {
  return `${problem.kind}:${problem.resourceType}/${problem.resourceId}`;
}

/**
 * Sync as the portal shows it: the status the core pushes on every change, "Sync now", and
 * the problems that need a person (conflicts, refused changes) with their actions.
 */
export class SyncStore {
  status = $state<SyncStatus | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** "Sync now" was refused (not configured, session ended). */
  runError = $state<AppError | null>(null);
  starting = $state(false);
  /** Ms since epoch, ticking, for "last sync 12 minutes ago". */
  now = $state(Date.now());

  problems = $state<SyncProblem[] | null>(null);
  problemsLoading = $state(false);
  problemsError = $state<AppError | null>(null);
  /** Key of the problem whose action is under way, and the last action's failure. */
  acting = $state<string | null>(null);
  actionError = $state<{ key: string; error: AppError } | null>(null);

  headline = $derived(this.status ? syncHeadline(this.status, this.now) : null);
  problemTotal = $derived(this.status ? this.status.conflicts + this.status.rejected : 0);

  /** Bumped by every status that arrives, so an older answer never replaces a newer event. */
  private statusSeq = 0;
  private problemsSeq = 0;
  /** Between lock and unlock nothing is followed, so nothing is read out on the lock screen. */
  private active = false;
  private readonly announce: (message: string) => void;

  constructor(announce: (message: string) => void) {
    this.announce = announce;
  }

  /** Follows the core's status events and the clock; returns the cleanup. */
  start(): () => void {
    const stop = on('sync:status', (status) => {
      if (this.active) this.apply(++this.statusSeq, status);
    });
    const timer = setInterval(() => (this.now = Date.now()), CLOCK_EVERY_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }

  async load(): Promise<void> {
    const seq = ++this.statusSeq;
    this.active = true;
    this.loading = true;
    try {
      const status = await invoke('sync:get-status', {});
      this.apply(seq, status);
      this.error = null;
    } catch (cause) {
      if (seq === this.statusSeq) this.error = toAppError(cause);
    } finally {
      this.loading = false;
    }
  }

  async runNow(): Promise<boolean> {
    if (this.starting) return false;
    const seq = ++this.statusSeq;
    this.starting = true;
    this.runError = null;
    try {
      this.apply(seq, await invoke('sync:run-now', {}));
      return true;
    } catch (cause) {
      this.runError = toAppError(cause);
      return false;
    } finally {
      this.starting = false;
    }
  }

  async loadProblems(quiet = false): Promise<void> {
    const seq = ++this.problemsSeq;
    if (!quiet) this.problemsLoading = true;
    try {
      const problems = await invoke('sync:list-problems', {});
      if (seq !== this.problemsSeq) return;
      this.problems = problems;
      this.problemsError = null;
    } catch (cause) {
      if (seq !== this.problemsSeq) return;
      this.problemsError = toAppError(cause);
    } finally {
      if (seq === this.problemsSeq) this.problemsLoading = false;
    }
  }

  /** Applies a choice per detail; for a record deleted centrally the one path is "(deleted)". */
  resolve(problem: SyncProblem, choices: Record<string, ConflictChoice>): Promise<boolean> {
    return this.act(problem, () =>
      invoke('sync:resolve-conflict', {
        resourceType: problem.resourceType,
        resourceId: problem.resourceId,
        choices,
      }),
    );
  }

  retry(problem: SyncProblem): Promise<boolean> {
    return this.act(problem, () =>
      invoke('sync:retry-rejected', { resourceType: problem.resourceType, resourceId: problem.resourceId }),
    );
  }

  clearActionError(): void {
    this.actionError = null;
  }

  reset(): void {
    this.active = false;
    this.statusSeq++;
    this.problemsSeq++;
    this.status = null;
    this.error = null;
    this.runError = null;
    this.loading = false;
    this.problems = null;
    this.problemsError = null;
    this.problemsLoading = false;
    this.acting = null;
    this.actionError = null;
  }

  private async act(problem: SyncProblem, call: () => Promise<null>): Promise<boolean> {
    if (this.acting) return false;
    const key = problemKey(problem);
    this.acting = key;
    this.actionError = null;
    try {
      await call();
      // Gone from the list at once; the re-read confirms what the core now holds.
      this.problemsSeq++;
      this.problems = (this.problems ?? []).filter((p) => problemKey(p) !== key);
      void this.loadProblems(true);
      return true;
    } catch (cause) {
      const error = toAppError(cause);
      this.actionError = { key, error };
      // Resolved elsewhere meanwhile: show what is really left.
      if (error.code === 'NOT_FOUND') void this.loadProblems(true);
      return false;
    } finally {
      this.acting = null;
    }
  }

  private apply(seq: number, status: SyncStatus): void {
    if (seq !== this.statusSeq) return;
    const before = this.headline;
    this.status = status;
    this.now = Date.now();
    const after = this.headline;
    // Read out a change of state, not every page of progress; the first status is no change.
    if (before && after && before.label !== after.label) {
      this.announce(
        after.detail
          ? t('Sync: {state}. {detail}.', { state: after.label, detail: after.detail })
          : t('Sync: {state}.', { state: after.label }),
      );
    }
  }
}

export const [getSync, setSync] = createContext<SyncStore>();
