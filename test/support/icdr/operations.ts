// The write and read operations of the iCDR, with each family's semantics. Synchronous on purpose:
// a transaction runs start to finish without yielding, so no other request sees it half applied.
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';
import type { BehaviourProfile } from './behaviours';
import { fail } from './outcomes';
import { identifierKeys, type ChangeMethod, type ResourceStore, type VersionRecord } from './store';

export interface OpsContext {
  readonly store: ResourceStore;
  profile(): BehaviourProfile;
  /** The server clock in ms (the clock-offset fault shifts it). */
  now(): number;
  /** Validate resources against the R4 structure definitions on write. */
  readonly validate: boolean;
}

export interface WriteOptions {
  /** One instant for every change of a transaction. */
  readonly at?: number;
  readonly ifMatch?: string;
}

export interface PutResult {
  readonly record: VersionRecord;
  readonly created: boolean;
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/** `W/"3"` or `"3"` -> `3`. */
export function parseETag(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(?:W\/)?"([^"]*)"$/.exec(value.trim());
  return match ? match[1] : value.trim();
}

export class Operations {
  private numericId = 0;

  constructor(private readonly ctx: OpsContext) {}

  get store(): ResourceStore {
    return this.ctx.store;
  }

  reset(): void {
    this.numericId = 0;
  }

  generateId(type: string): string {
    if (this.ctx.profile().idStyle === 'uuid') return randomUUID();
    let id: string;
    do id = String(++this.numericId);
    while (this.ctx.store.current(type, id));
    return id;
  }

  private nextVersionId(type: string, id: string): string {
    if (this.ctx.profile().versionStyle === 'uuid') return randomUUID();
    return String(this.ctx.store.versionsOf(type, id).length + 1);
  }

  parse(rec: VersionRecord): Resource {
    if (rec.json === null) fail(410, 'deleted', `${rec.type}/${rec.id} was deleted`);
    return JSON.parse(rec.json) as Resource;
  }

  read(type: string, id: string): VersionRecord {
    const rec = this.ctx.store.current(type, id);
    if (!rec) fail(404, 'not-found', `${type}/${id} not found`);
    if (rec.json === null) fail(410, 'deleted', `${type}/${id} was deleted`);
    return rec;
  }

  vread(type: string, id: string, versionId: string): VersionRecord {
    const rec = this.ctx.store.versionsOf(type, id).find((v) => v.versionId === versionId);
    if (!rec) fail(404, 'not-found', `${type}/${id}/_history/${versionId} not found`);
    if (rec.json === null) fail(410, 'deleted', `${type}/${id} version ${versionId} is a deletion`);
    return rec;
  }

  /** POST: the server assigns the id (a client id is ignored) unless `id` is given (transactions, seeding). */
  create(
    type: string,
    resource: Resource,
    options: WriteOptions & { id?: string; validate?: boolean } = {},
  ): VersionRecord {
    this.checkType(type, resource);
    const id = options.id ?? this.generateId(type);
    const current = this.ctx.store.current(type, id);
    if (current?.json) fail(409, 'duplicate', `${type}/${id} already exists`);
    return this.write(type, id, resource, 'POST', options, true);
  }

  put(type: string, id: string, resource: Resource, options: WriteOptions = {}): PutResult {
    const profile = this.ctx.profile();
    this.checkType(type, resource);
    if (resource.id !== id)
      fail(400, 'invalid', `Resource id "${resource.id ?? ''}" does not match the URL id "${id}"`);
    const current = this.ctx.store.current(type, id);
    const ifMatch = profile.enforceIfMatch ? parseETag(options.ifMatch) : undefined;

    if (!current?.json) {
      if (profile.ifMatchOnMissingCreates && options.ifMatch) {
        return { record: this.write(type, id, resource, 'PUT', options, true), created: true };
      }
      if (ifMatch !== undefined) fail(412, 'conflict', `If-Match ${ifMatch}: ${type}/${id} has no current version`);
      if (!profile.updateCreate) {
        if (current) fail(410, 'deleted', `${type}/${id} was deleted`);
        fail(404, 'not-found', `${type}/${id} not found: this server does not create resources by PUT`);
      }
      return { record: this.write(type, id, resource, 'PUT', options, true), created: true };
    }

    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current.versionId) {
      fail(
        412,
        'conflict',
        `Version conflict: If-Match ${ifMatch} but ${type}/${id} is at version ${current.versionId}`,
      );
    }
    if (profile.suppressNoopUpdate && sameContent(current.json, resource)) {
      return { record: current, created: false };
    }
    return { record: this.write(type, id, resource, 'PUT', options, false), created: false };
  }

  /** Returns the deletion record, or null when the resource was already deleted (idempotent). */
  remove(type: string, id: string, options: WriteOptions = {}): VersionRecord | null {
    const current = this.ctx.store.current(type, id);
    if (!current) fail(404, 'not-found', `${type}/${id} not found`);
    if (current.json === null) return null;
    const ifMatch = this.ctx.profile().enforceIfMatch ? parseETag(options.ifMatch) : undefined;
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current.versionId) {
      fail(
        412,
        'conflict',
        `Version conflict: If-Match ${ifMatch} but ${type}/${id} is at version ${current.versionId}`,
      );
    }
    const at = options.at ?? this.ctx.now();
    const rec: VersionRecord = {
      seq: this.ctx.store.nextSeq(),
      type,
      id,
      versionId: this.nextVersionId(type, id),
      lu: at,
      lastUpdated: new Date(at).toISOString(),
      method: 'DELETE',
      created: false,
      json: null,
      idents: [],
    };
    this.ctx.store.append(rec);
    return rec;
  }

  private checkType(type: string, resource: Resource): void {
    if (!resource || typeof resource !== 'object' || resource.resourceType !== type) {
      fail(
        400,
        'invalid',
        `Expected a ${type} resource, got ${String((resource as Resource | undefined)?.resourceType)}`,
      );
    }
  }

  private write(
    type: string,
    id: string,
    resource: Resource,
    method: ChangeMethod,
    options: WriteOptions & { validate?: boolean },
    isCreate: boolean,
  ): VersionRecord {
    const profile = this.ctx.profile();
    const at = options.at ?? this.ctx.now();
    let lu = at;
    let lastUpdated = new Date(at).toISOString();
    const clientLastUpdated = resource.meta?.lastUpdated;
    if (
      isCreate &&
      profile.keepClientLastUpdated &&
      clientLastUpdated &&
      !Number.isNaN(Date.parse(clientLastUpdated))
    ) {
      lu = Date.parse(clientLastUpdated);
      lastUpdated = clientLastUpdated;
    }
    const { resourceType: _t, id: _i, meta, ...rest } = resource;
    const stored = {
      resourceType: type,
      id,
      meta: { ...meta, versionId: this.nextVersionId(type, id), lastUpdated },
      ...rest,
    } as Resource;
    if (options.validate ?? this.ctx.validate) this.validate(stored);
    if (profile.checkReferences) this.checkReferences(stored);
    const rec: VersionRecord = {
      seq: this.ctx.store.nextSeq(),
      type,
      id,
      versionId: stored.meta!.versionId!,
      lu,
      lastUpdated,
      method,
      created: isCreate,
      json: JSON.stringify(stored),
      idents: identifierKeys(stored),
    };
    this.ctx.store.append(rec);
    return rec;
  }

  private validate(resource: Resource): void {
    try {
      validateResource(resource);
    } catch (err) {
      if (err instanceof OperationOutcomeError) {
        throw new OperationOutcomeError({ ...err.outcome, id: 'icdr-400' }, err);
      }
      throw err;
    }
  }

  private checkReferences(resource: Resource): void {
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'reference' && typeof child === 'string') {
            const match = RELATIVE_REFERENCE.exec(child);
            if (match && !this.ctx.store.liveRecord(match[1]!, match[2]!)) {
              fail(400, 'invalid', `Reference ${child} not found (${path})`, path);
            }
          } else if (key !== 'contained') visit(child, `${path}.${key}`);
        }
      }
    };
    visit(resource, resource.resourceType);
  }
}

/** True when the resource equals the stored JSON apart from meta.versionId and meta.lastUpdated. */
function sameContent(storedJson: string, incoming: Resource): boolean {
  const strip = (r: Resource): string => {
    const { meta, ...rest } = r;
    const { versionId: _v, lastUpdated: _l, ...metaRest } = meta ?? {};
    return JSON.stringify(canonical({ ...rest, meta: metaRest }));
  };
  return strip(JSON.parse(storedJson) as Resource) === strip(incoming);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (key === 'meta' && child && typeof child === 'object' && Object.keys(child).length === 0) continue;
      out[key] = canonical(child);
    }
    return out;
  }
  return value;
}
