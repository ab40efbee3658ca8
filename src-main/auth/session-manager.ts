/**
 * The signed-in user of this portal, and the rules that end a session: lock on demand, and
 * lock after the configured idle time. Only the core decides; the UI only reflects it.
 */
import type { Session, UserSummary } from '../../src-shared/domain/session';
import { AppError } from '../../src-shared/errors';
import type { Store } from '../store/client';
import { recordAudit } from '../store/audit-repo';
import { verifyPassword } from './password-hash';
import { clearFailedAttempts, findUser, recordFailedAttempt, toUserSummary } from './users';
import { secondsUntil, waitAfterFailures } from './sign-in-throttle';

const WRONG = 'The user name or password is not right.';

export class SessionManager {
  private user: UserSummary | null = null;
  private lastActivity = 0;
  /** Unknown user names are throttled too, so trying names reveals nothing. */
  private unknownFailures = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly idleMinutes: () => number,
    private readonly onLocked: (reason: 'idle' | 'manual') => void,
  ) {}

  get current(): UserSummary | null {
    return this.user;
  }

  session(): Session | null {
    return this.user ? { user: this.user, idleLockMinutes: this.idleMinutes() } : null;
  }

  start(user: UserSummary): Session {
    this.user = user;
    this.lastActivity = this.now().getTime();
    recordAudit(this.store.sqlite, { userId: user.id, now: this.now() }, 'sign-in');
    return this.session()!;
  }

  async unlock(username: string, password: string): Promise<Session> {
    const now = this.now();
    const row = findUser(this.store.db, username);
    if (!row) {
      const key = username.trim().toLowerCase().slice(0, 64);
      const entry = this.unknownFailures.get(key) ?? { failures: 0, until: 0 };
      const wait = Math.max(0, Math.ceil((entry.until - now.getTime()) / 1000));
      if (wait > 0) throw this.tooMany(wait);
      entry.failures += 1;
      const lockFor = waitAfterFailures(entry.failures);
      entry.until = now.getTime() + lockFor * 1000;
      if (this.unknownFailures.size > 1000) this.unknownFailures.clear();
      this.unknownFailures.set(key, entry);
      recordAudit(this.store.sqlite, { userId: null, now }, 'sign-in-failed');
      if (lockFor > 0) throw this.tooMany(lockFor);
      throw new AppError('UNAUTHENTICATED', WRONG, { fields: { password: WRONG } });
    }
    const wait = secondsUntil(row.lockedUntil, now);
    if (wait > 0) throw this.tooMany(wait);
    if (!(await verifyPassword(password, row.passwordHash))) {
      const failures = row.failedAttempts + 1;
      const lockFor = waitAfterFailures(failures);
      const until = lockFor > 0 ? new Date(now.getTime() + lockFor * 1000).toISOString() : null;
      recordFailedAttempt(this.store.db, row.id, failures, until);
      recordAudit(this.store.sqlite, { userId: row.id, now }, 'sign-in-failed');
      if (lockFor > 0) throw this.tooMany(lockFor);
      throw new AppError('UNAUTHENTICATED', WRONG, { fields: { password: WRONG } });
    }
    clearFailedAttempts(this.store.db, row.id);
    return this.start(toUserSummary(row));
  }

  private tooMany(seconds: number): AppError {
    return new AppError('UNAUTHENTICATED', `Too many wrong tries. Try again in ${seconds} seconds.`, {
      retryAfterSeconds: seconds,
    });
  }

  lock(reason: 'idle' | 'manual'): void {
    if (!this.user) return;
    recordAudit(this.store.sqlite, { userId: this.user.id, now: this.now() }, 'lock');
    this.user = null;
    this.onLocked(reason);
  }

  touch(): void {
    if (this.user) this.lastActivity = this.now().getTime();
  }

  /** Locks if idle too long; otherwise counts the call as activity and returns the user. */
  require(): UserSummary {
    this.lockIfIdle();
    if (!this.user) throw new AppError('UNAUTHENTICATED', 'The portal is locked. Unlock it to continue.');
    this.touch();
    return this.user;
  }

  lockIfIdle(): void {
    if (this.user && this.now().getTime() - this.lastActivity >= this.idleMinutes() * 60_000) this.lock('idle');
  }
}
