// A FhirRepository over our store, so @medplum/fhir-router's own handlers (create, If-None-Exist
// conditional create, conditional update/delete, multi-type search) run against it.
// Medplum's MemoryRepository is not used as the store: it has no rollback (withTransaction just
// calls back), forgets deletions, and scans and deep-clones every resource on each search.
import type { SearchRequest, WithId } from '@medplum/core';
import { formatSearchQuery } from '@medplum/core';
import type { CreateResourceOptions, RepositoryMode, UpdateResourceOptions } from '@medplum/fhir-router';
import { FhirRepository } from '@medplum/fhir-router';
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import type { IcdrContext } from './context';
import { fail } from './outcomes';
import { parseSearchQuery } from './search-query';

export class IcdrRepository extends FhirRepository<undefined> {
  constructor(private readonly ctx: IcdrContext) {
    super();
  }

  setMode(_mode: RepositoryMode): void {}

  generateId(): string {
    return this.ctx.ops.generateId('Resource');
  }

  async createResource<T extends Resource>(resource: T, options?: CreateResourceOptions): Promise<WithId<T>> {
    const id = options?.assignedId && resource.id ? resource.id : undefined;
    const rec = this.ctx.ops.create(resource.resourceType, resource, id ? { id } : {});
    return JSON.parse(rec.json!) as WithId<T>;
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    return JSON.parse(this.ctx.ops.read(resourceType, id).json!) as WithId<T>;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const [type, id, ...rest] = (reference.reference ?? '').split('/');
    if (!type || !id || rest.length) fail(400, 'invalid', `Invalid reference "${reference.reference ?? ''}"`);
    return this.readResource<T>(type, id);
  }

  async readReferences<T extends Resource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    return Promise.all(references.map((r) => this.readReference(r).catch((err: unknown) => err as Error)));
  }

  async readHistory<T extends Resource>(resourceType: string, id: string): Promise<Bundle<WithId<T>>> {
    const versions = this.ctx.store.versionsOf(resourceType, id);
    if (versions.length === 0) fail(404, 'not-found', `${resourceType}/${id} not found`);
    return {
      resourceType: 'Bundle',
      type: 'history',
      entry: [...versions].reverse().map((v) => (v.json ? { resource: JSON.parse(v.json) as WithId<T> } : {})),
    };
  }

  async readVersion<T extends Resource>(resourceType: string, id: string, vid: string): Promise<WithId<T>> {
    return JSON.parse(this.ctx.ops.vread(resourceType, id, vid).json!) as WithId<T>;
  }

  async updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    if (!resource.id) fail(400, 'required', 'Missing id');
    const { record } = this.ctx.ops.put(resource.resourceType, resource.id, resource, { ifMatch: options?.ifMatch });
    return JSON.parse(record.json!) as WithId<T>;
  }

  async deleteResource(resourceType: string, id: string): Promise<void> {
    this.ctx.ops.remove(resourceType, id);
  }

  patchResource<T extends Resource>(): Promise<WithId<T>> {
    fail(501, 'not-supported', 'PATCH is not supported by the test iCDR');
  }

  /** Used by medplum's conditional create/update/delete and multi-type search. */
  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const profile = this.ctx.profile();
    const types = searchRequest.types?.length ? searchRequest.types : [searchRequest.resourceType];
    const { offset = 0, count = profile.defaultCount } = searchRequest;
    const criteria = formatSearchQuery({ ...searchRequest, offset: undefined, count: undefined, types: undefined });
    const matches = types.flatMap((type) => {
      const params = [...new URLSearchParams(criteria.replace(/^\?/, ''))];
      const query = parseSearchQuery(type, params, {
        ...profile,
        unknownSearchParams: 'error',
        lastUpdatedSearch: true,
      });
      return [...this.ctx.engine.matches(query, profile)];
    });
    const entry = matches
      .slice(offset, offset + count)
      .map((rec) => ({ resource: JSON.parse(rec.json!) as WithId<T> }));
    return { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry };
  }

  async searchByReference<T extends Resource>(
    searchRequest: SearchRequest<T>,
    referenceField: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const out: Record<string, WithId<T>[]> = {};
    for (const reference of references) {
      const filters = [
        ...(searchRequest.filters ?? []),
        { code: referenceField, operator: 'eq' as const, value: reference },
      ];
      const bundle = await this.search({ ...searchRequest, filters });
      out[reference] = (bundle.entry ?? []).map((e) => e.resource!).filter(Boolean);
    }
    return out;
  }

  async withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    this.ctx.store.begin();
    try {
      const result = await callback(undefined);
      this.ctx.store.commit();
      return result;
    } catch (err) {
      this.ctx.store.rollback();
      throw err;
    }
  }
}
