import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { AppStatus, NewUser, Session } from '../../src-shared/domain/session';
import { invoke, on, onSessionEnded } from '../lib/api';
import type { Language } from '../../src-shared/i18n/languages';
import { toAppError } from '../lib/errors';
import { setLanguage } from '../lib/i18n.svelte';

export type SessionPhase = 'starting' | 'unavailable' | 'setup' | 'locked' | 'unlocked';
export type LockReason = 'idle' | 'manual' | 'expired';

/** The core counts activity to decide when to lock; telling it more often adds nothing. */
const KEEP_ALIVE_EVERY_MS = 30_000;

export class SessionStore {
  status = $state<AppStatus | null>(null);
  session = $state<Session | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  lockReason = $state<LockReason | null>(null);
  /** While sign-in is rate limited: the moment (ms since epoch) another try is accepted. */
  retryAt = $state<number | null>(null);

  phase = $derived.by<SessionPhase>(() => {
    if (!this.status) return this.error ? 'unavailable' : 'starting';
    if (this.status.setupRequired) return 'setup';
    return this.session ? 'unlocked' : 'locked';
  });
  user = $derived(this.session?.user ?? null);
  isAdmin = $derived(this.session?.user.role === 'admin');
  clinicName = $derived(this.status?.clinicName ?? '');

  private lastKeepAlive = 0;

  /** Listens to the core and to the user's activity; returns the cleanup. */
  start(): () => void {
    const stops = [
      on('session:locked', ({ reason }) => this.markLocked(reason)),
      onSessionEnded(() => this.markLocked('expired')),
    ];
    const activity = () => this.keepAlive();
    window.addEventListener('keydown', activity, { capture: true, passive: true });
    window.addEventListener('pointerdown', activity, { capture: true, passive: true });
    return () => {
      for (const stop of stops) stop();
      window.removeEventListener('keydown', activity, { capture: true });
      window.removeEventListener('pointerdown', activity, { capture: true });
    };
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const status = await invoke('app:get-status', {});
      // The laptop's language applies before anyone signs in: unlock and first-run screens too.
      setLanguage(status.language);
      this.status = status;
      this.session = status.session;
      this.error = null;
    } catch (cause) {
      this.error = toAppError(cause);
    } finally {
      this.loading = false;
    }
  }

  async createFirstUser(user: NewUser): Promise<boolean> {
    return this.signIn(() => invoke('auth:create-first-user', user));
  }

  async unlock(username: string, password: string): Promise<boolean> {
    return this.signIn(() => invoke('auth:unlock', { username, password }));
  }

  private async signIn(call: () => Promise<Session>): Promise<boolean> {
    if (this.loading) return false;
    this.loading = true;
    this.error = null;
    try {
      const session = await call();
      this.session = session;
      if (this.status) this.status = { ...this.status, setupRequired: false, session };
      this.lockReason = null;
      this.retryAt = null;
      this.lastKeepAlive = Date.now();
      return true;
    } catch (cause) {
      const error = toAppError(cause);
      this.error = error;
      const wait = error.details?.retryAfterSeconds;
      this.retryAt = typeof wait === 'number' && wait > 0 ? Date.now() + wait * 1000 : null;
      return false;
    } finally {
      this.loading = false;
    }
  }

  async lock(): Promise<void> {
    try {
      await invoke('auth:lock', {});
    } catch {
      // Locked or unreachable: either way the screen must not stay open.
    }
    this.markLocked('manual');
  }

  /** The sign-in error no longer applies (another username is being typed). */
  clearSignInError(): void {
    this.error = null;
    this.retryAt = null;
  }

  setLanguage(language: Language): void {
    if (this.status) this.status = { ...this.status, language };
  }

  setClinicName(clinicName: string): void {
    if (this.status) this.status = { ...this.status, clinicName };
  }

  private markLocked(reason: LockReason): void {
    if (!this.session) return;
    this.session = null;
    if (this.status) this.status = { ...this.status, session: null };
    this.lockReason = reason;
    this.error = null;
  }

  private keepAlive(): void {
    const now = Date.now();
    if (!this.session || now - this.lastKeepAlive < KEEP_ALIVE_EVERY_MS) return;
    this.lastKeepAlive = now;
    invoke('auth:keep-alive', {}).catch(() => {
      // A refused keep-alive means the session already ended; api.ts reports that.
    });
  }
}

export const [getSession, setSession] = createContext<SessionStore>();
