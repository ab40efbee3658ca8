// The iCDR's storage: an append-only change log plus the indexes a sync server needs.
// Every create, update and delete is one VersionRecord with a monotonically increasing `seq`.
// Records are ordered by (lu, seq): lastUpdated in ms, ties broken by the order of the change, so
// history and `_lastUpdated` paging are exact and deterministic even when several changes share a
// millisecond (a transaction stamps all its entries with one instant).
// Writes inside `transaction()` are journalled and undone if the callback throws: real rollback.

export type ChangeMethod = 'POST' | 'PUT' | 'DELETE';

export interface VersionRecord {
  readonly seq: number;
  readonly type: string;
  readonly id: string;
  readonly versionId: string;
  /** meta.lastUpdated in ms since the epoch, the ordering key. */
  readonly lu: number;
  /** meta.lastUpdated exactly as served. */
  readonly lastUpdated: string;
  readonly method: ChangeMethod;
  /** This version created the resource (POST, or PUT to an id that had no live version). */
  readonly created: boolean;
  /** The resource as served (JSON text, meta included); null for a deletion. */
  readonly json: string | null;
  /** Identifier keys for the identifier index (see identifierKeys). */
  readonly idents: readonly string[];
}

/** Lower-cased `system|value` and bare `value` keys of a resource's identifiers. */
export function identifierKeys(resource: object): string[] {
  const list = (resource as { identifier?: unknown }).identifier;
  if (!Array.isArray(list)) return [];
  const keys: string[] = [];
  for (const item of list as { system?: unknown; value?: unknown }[]) {
    if (typeof item?.value !== 'string') continue;
    const value = item.value.toLowerCase();
    keys.push(value);
    if (typeof item.system === 'string') keys.push(`${item.system.toLowerCase()}|${value}`);
  }
  return keys;
}

export function compareRecords(a: VersionRecord, b: VersionRecord): number {
  return a.lu - b.lu || a.seq - b.seq;
}

/** First index whose record sorts after (lu, seq); with seq = -1, the first index with record.lu >= lu. */
export function upperBound(list: readonly VersionRecord[], lu: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = list[mid]!;
    if (r.lu < lu || (r.lu === lu && r.seq <= seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: VersionRecord[], rec: VersionRecord): void {
  const last = list[list.length - 1];
  if (!last || compareRecords(last, rec) < 0) {
    list.push(rec);
    return;
  }
  list.splice(upperBound(list, rec.lu, rec.seq), 0, rec);
}

function removeSorted(list: VersionRecord[], rec: VersionRecord): void {
  const index = upperBound(list, rec.lu, rec.seq) - 1;
  if (index >= 0 && list[index] === rec) list.splice(index, 1);
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

export class ResourceStore {
  private seqCounter = 0;
  /** Bumped on every change (and rollback): search caches compare it. */
  private mutationCount = 0;
  /** type -> id -> current live version; Map order is creation order. */
  private readonly live = new Map<string, Map<string, VersionRecord>>();
  /** 'Type/id' -> the deletion record, while deleted. */
  private readonly tombstones = new Map<string, VersionRecord>();
  /** 'Type/id' -> every version, oldest first (deletions included). */
  private readonly versions = new Map<string, VersionRecord[]>();
  /** type -> live versions ordered by (lu, seq). */
  private readonly byLastUpdated = new Map<string, VersionRecord[]>();
  /** type -> every change ordered by (lu, seq). */
  private readonly typeLog = new Map<string, VersionRecord[]>();
  private readonly systemLog: VersionRecord[] = [];
  /** type -> identifier key -> ids of live resources. */
  private readonly identIndex = new Map<string, Map<string, Set<string>>>();
  private journal: (() => void)[] | null = null;
  private journalDepth = 0;
  private seqAtBegin = 0;

  get version(): number {
    return this.mutationCount;
  }

  get size(): number {
    let n = 0;
    for (const m of this.live.values()) n += m.size;
    return n;
  }

  nextSeq(): number {
    return ++this.seqCounter;
  }

  types(): string[] {
    return [...this.typeLog.keys()].sort();
  }

  liveRecord(type: string, id: string): VersionRecord | undefined {
    return this.live.get(type)?.get(id);
  }

  /** The live version, or the deletion record if the resource was deleted. */
  current(type: string, id: string): VersionRecord | undefined {
    return this.live.get(type)?.get(id) ?? this.tombstones.get(`${type}/${id}`);
  }

  versionsOf(type: string, id: string): readonly VersionRecord[] {
    return this.versions.get(`${type}/${id}`) ?? [];
  }

  /** Live resources of a type in creation order. */
  liveOf(type: string): ReadonlyMap<string, VersionRecord> {
    return this.live.get(type) ?? new Map<string, VersionRecord>();
  }

  /** Live resources of a type ordered by lastUpdated. Do not keep the array across writes. */
  liveByLastUpdated(type: string): readonly VersionRecord[] {
    return this.byLastUpdated.get(type) ?? [];
  }

  /** Ids of live resources of `type` carrying the identifier key (see identifierKeys). */
  idsByIdentifier(type: string, key: string): readonly string[] {
    return [...(this.identIndex.get(type)?.get(key.toLowerCase()) ?? [])];
  }

  private indexIdents(rec: VersionRecord, add: boolean): void {
    if (rec.idents.length === 0) return;
    const byKey = getOrCreate(this.identIndex, rec.type, () => new Map<string, Set<string>>());
    for (const key of rec.idents) {
      const ids = getOrCreate(byKey, key, () => new Set<string>());
      if (add) ids.add(rec.id);
      else ids.delete(rec.id);
    }
  }

  typeChanges(type: string): readonly VersionRecord[] {
    return this.typeLog.get(type) ?? [];
  }

  systemChanges(): readonly VersionRecord[] {
    return this.systemLog;
  }

  /** Applies one change. */
  append(rec: VersionRecord): void {
    const key = `${rec.type}/${rec.id}`;
    const liveOfType = getOrCreate(this.live, rec.type, () => new Map<string, VersionRecord>());
    const ordered = getOrCreate(this.byLastUpdated, rec.type, () => []);
    const previous = liveOfType.get(rec.id);
    const tomb = this.tombstones.get(key);

    if (previous) {
      removeSorted(ordered, previous);
      this.indexIdents(previous, false);
    }
    if (rec.json === null) {
      liveOfType.delete(rec.id);
      this.tombstones.set(key, rec);
    } else {
      liveOfType.set(rec.id, rec);
      insertSorted(ordered, rec);
      this.indexIdents(rec, true);
      this.tombstones.delete(key);
    }
    getOrCreate(this.versions, key, () => []).push(rec);
    insertSorted(
      getOrCreate(this.typeLog, rec.type, () => []),
      rec,
    );
    insertSorted(this.systemLog, rec);
    this.mutationCount++;

    this.journal?.push(() => {
      removeSorted(this.systemLog, rec);
      removeSorted(this.typeLog.get(rec.type)!, rec);
      this.versions.get(key)!.pop();
      if (rec.json === null) this.tombstones.delete(key);
      else {
        removeSorted(ordered, rec);
        this.indexIdents(rec, false);
        liveOfType.delete(rec.id);
      }
      if (previous) {
        liveOfType.set(rec.id, previous);
        insertSorted(ordered, previous);
        this.indexIdents(previous, true);
      }
      if (tomb) this.tombstones.set(key, tomb);
    });
  }

  /** Runs `fn` all-or-nothing. Nested calls join the outer transaction (its failure undoes all). */
  transaction<T>(fn: () => T): T {
    if (this.journalDepth > 0) return fn();
    this.begin();
    try {
      const result = fn();
      this.commit();
      return result;
    } catch (err) {
      this.rollback();
      throw err;
    }
  }

  begin(): void {
    if (this.journalDepth++ === 0) {
      this.journal = [];
      this.seqAtBegin = this.seqCounter;
    }
  }

  commit(): void {
    if (this.journalDepth === 0) return;
    if (--this.journalDepth === 0) this.journal = null;
  }

  /** Undoes everything since the outermost begin(). */
  rollback(): void {
    const journal = this.journal;
    this.journalDepth = 0;
    this.journal = null;
    if (!journal) return;
    for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
    this.seqCounter = this.seqAtBegin;
    this.mutationCount++;
  }

  clear(): void {
    this.live.clear();
    this.tombstones.clear();
    this.versions.clear();
    this.byLastUpdated.clear();
    this.typeLog.clear();
    this.systemLog.length = 0;
    this.identIndex.clear();
    this.seqCounter = 0;
    this.journal = null;
    this.journalDepth = 0;
    this.mutationCount++;
  }
}
