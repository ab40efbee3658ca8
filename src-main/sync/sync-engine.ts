/**
 * One sync run: learn what the server can do, send what waits in the outbox, then bring each
 * subscription up to date and, where the server cannot report deletions, reconcile ids.
 * Progress is reported as it goes; failures end the run with a reason in words and leave
 * everything as consistent as it was before the failed step.
 */
import type { SyncProgress } from '../../src-shared/domain/sync';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';
import { deviceTokenSource } from './device-token';
import { FhirHttp, SyncHttpError } from './fhir-http';
import { pullMode, pullSubscription, reconcileDeletions, type PullCounts } from './pull';
import { Pusher } from './push';
import { discoverServer, type ServerProfile } from './server-profile';
import { subscriptionKey, subscriptionsToPull, type SyncConfig } from './sync-config';

export interface RunSummary {
  received: number;
  sent: number;
  merged: number;
  deleted: number;
  skipped: number;
  conflicts: number;
  rejected: number;
}

export interface EngineHooks {
  now: () => Date;
  progress: (progress: SyncProgress) => void;
  /** Resource types the run changed locally, so open lists refresh. */
  changed: (resourceTypes: string[]) => void;
  signal?: AbortSignal;
  pageSize?: number;
  /** How often ids are reconciled for servers without history; 0 = every run. */
  reconcileEveryMs?: number;
  fetchImpl?: typeof fetch;
}

const RECONCILED_AT = 'sync.reconciled-at';
const PAGE_SIZE = 'sync.page-size';
/** Medplum's cap; others allow more, but 1000 resources is already about a megabyte. */
const MAX_PAGE = 1000;
const MIN_PAGE = 50;

/**
 * Page size adapts to the connection between runs: a page that took over 20 s (a slow
 * modem, where a timeout would waste the whole page) halves it; pages all under 3 s double
 * it again. Next links are followed verbatim, so the size applies from each pass's first page.
 */
export function nextPageSize(current: number, slowestPageMs: number): number {
  if (slowestPageMs > 20_000) return Math.max(MIN_PAGE, Math.floor(current / 2));
  if (slowestPageMs > 0 && slowestPageMs < 3_000) return Math.min(MAX_PAGE, current * 2);
  return current;
}

export function makeHttp(config: SyncConfig, hooks: Pick<EngineHooks, 'fetchImpl' | 'signal' | 'now'>): FhirHttp {
  const token = deviceTokenSource(
    {
      tokenUrl: config.tokenUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      resource: config.baseUrl,
    },
    hooks.fetchImpl,
  );
  return new FhirHttp({
    baseUrl: config.baseUrl,
    token,
    fetchImpl: hooks.fetchImpl,
    signal: hooks.signal,
    now: hooks.now,
  });
}

/** Seconds left, from the pace so far; null until there is a pace to go by. */
export function estimateSeconds(done: number, total: number | null, elapsedMs: number): number | null {
  if (total === null || done <= 0 || total <= done) return total !== null && total <= done ? 0 : null;
  return Math.round(((total - done) * elapsedMs) / done / 1000);
}

export async function runSync(sqlite: Sqlite, config: SyncConfig, hooks: EngineHooks): Promise<RunSummary> {
  const summary: RunSummary = { received: 0, sent: 0, merged: 0, deleted: 0, skipped: 0, conflicts: 0, rejected: 0 };
  const http = makeHttp(config, hooks);
  hooks.progress({ phase: 'connect', resourceType: null, done: 0, total: null, etaSeconds: null });
  const profile: ServerProfile = await discoverServer(http);

  const pushStarted = Date.now();
  const pusher = new Pusher(http, sqlite, profile, {
    now: hooks.now,
    signal: hooks.signal,
    onProgress: (counts, remaining) => {
      const total = counts.acknowledged + counts.rejected + counts.conflicts + remaining;
      const done = total - remaining;
      hooks.progress({
        phase: 'push',
        resourceType: null,
        done,
        total,
        etaSeconds: estimateSeconds(done, total, Date.now() - pushStarted),
      });
    },
  });
  const pushed = await pusher.run();
  summary.sent = pushed.acknowledged;
  summary.rejected = pushed.rejected;
  summary.conflicts += pushed.conflicts;
  if (pushed.acknowledged > 0) hooks.changed(['Patient']);

  const changedTypes = new Set<string>();
  let slowest = 0;
  const subscriptions = subscriptionsToPull(config);
  for (const sub of subscriptions) {
    if (hooks.signal?.aborted) break;
    const started = Date.now();
    const counts: PullCounts = await pullSubscription(
      http,
      sqlite,
      profile,
      { key: subscriptionKey(sub), ...sub },
      {
        pageSize: hooks.pageSize ?? readSetting<number>(sqlite, PAGE_SIZE) ?? MAX_PAGE,
        now: hooks.now,
        signal: hooks.signal,
        onPage: (c, total) => {
          hooks.progress({
            phase: 'pull',
            resourceType: sub.resourceType,
            done: c.received,
            total,
            etaSeconds: estimateSeconds(c.received, total, Date.now() - started),
          });
          if (c.stored + c.merged + c.deleted > 0) hooks.changed([sub.resourceType]);
        },
      },
    );
    // What actually changed here; re-sent copies of what this laptop already had do not count.
    summary.received += counts.stored + counts.merged + counts.conflicts;
    summary.merged += counts.merged;
    summary.deleted += counts.deleted;
    summary.skipped += counts.skipped;
    slowest = Math.max(slowest, counts.slowestPageMs);
    summary.conflicts += counts.conflicts;
    if (counts.stored + counts.merged + counts.deleted > 0) changedTypes.add(sub.resourceType);
  }

  if (hooks.pageSize === undefined) {
    writeSetting(sqlite, PAGE_SIZE, nextPageSize(readSetting<number>(sqlite, PAGE_SIZE) ?? MAX_PAGE, slowest));
  }
  const withoutHistory = subscriptions.filter((s) => pullMode(profile, { key: '', ...s }) === 'search');
  const last = readSetting<string>(sqlite, RECONCILED_AT);
  const due = !last || hooks.now().getTime() - Date.parse(last) >= (hooks.reconcileEveryMs ?? 6 * 3600_000);
  if (withoutHistory.length > 0 && due && !hooks.signal?.aborted) {
    hooks.progress({ phase: 'reconcile', resourceType: null, done: 0, total: null, etaSeconds: null });
    const removed = await reconcileDeletions(
      http,
      sqlite,
      withoutHistory.map((s) => ({ key: subscriptionKey(s), ...s })),
      { pageSize: 1000, now: hooks.now },
    );
    summary.deleted += removed;
    writeSetting(sqlite, RECONCILED_AT, hooks.now().toISOString());
    if (removed > 0) for (const s of withoutHistory) changedTypes.add(s.resourceType);
  }
  if (changedTypes.size > 0) hooks.changed([...changedTypes]);
  return summary;
}

/** Words for the nurse: what stopped the run. */
export function describeFailure(error: unknown): { offline: boolean; message: string } {
  if (error instanceof SyncHttpError) return { offline: error.kind === 'offline', message: error.message };
  if (error instanceof Error && /FHIR server|CapabilityStatement/.test(error.message))
    return { offline: false, message: error.message };
  return {
    offline: false,
    message: 'Sync stopped because of an unexpected problem. Your data here is safe; it will try again.',
  };
}
