import { randomUUID } from 'node:crypto';
import type { Operations, OpsContext } from './operations';
import type { SearchEngine } from './search-engine';
import type { VersionRecord } from './store';

/** Everything a route handler needs. One per running test iCDR. */
export interface IcdrContext extends OpsContext {
  /** Absolute FHIR base URL without a trailing slash. */
  readonly base: string;
  readonly ops: Operations;
  readonly engine: SearchEngine;
  readonly snapshots: SearchSnapshots;
  /** Token endpoint advertised in the CapabilityStatement and SMART configuration. */
  readonly tokenUrl: string | undefined;
}

export interface Snapshot {
  readonly kind: 'searchset' | 'history';
  readonly items: readonly VersionRecord[];
  readonly elements: readonly string[] | null;
  readonly total: boolean;
  readonly createdAt: number;
}

/**
 * HAPI's server-side search cache: next links name a stored result list that expires, so an old
 * link cannot be used to resume a pull days later (410 Gone).
 */
export class SearchSnapshots {
  private readonly entries = new Map<string, Snapshot>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly maxEntries = 64,
  ) {}

  add(snapshot: Omit<Snapshot, 'createdAt'>): string {
    const id = randomUUID();
    this.entries.set(id, { ...snapshot, createdAt: Date.now() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  get(id: string): Snapshot | undefined {
    const snapshot = this.entries.get(id);
    if (snapshot && Date.now() - snapshot.createdAt > this.ttlMs()) {
      this.entries.delete(id);
      return undefined;
    }
    return snapshot;
  }

  /** Forgets every cached search (as a HAPI restart or cache expiry would). */
  clear(): void {
    this.entries.clear();
  }
}
