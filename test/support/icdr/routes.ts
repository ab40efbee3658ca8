// The FhirRouter of the test iCDR: medplum's router and its create / conditional handlers, with
// the interactions a sync server needs replaced or added (search paging, history, 410 reads,
// 201-on-PUT, transactions with rollback, metadata).
import { allOk, created, isResourceType } from '@medplum/core';
import type { FhirRequest, FhirResponse, FhirRouteHandler, HttpMethod, RestInteraction } from '@medplum/fhir-router';
import { FhirRouter } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { etag } from './bundles';
import { capabilityStatement } from './capability';
import type { IcdrContext } from './context';
import { fail } from './outcomes';
import { getPagesResponse, historyResponse, instanceHistoryResponse, searchResponse } from './paging';
import type { VersionRecord } from './store';
import { processBundle } from './transaction';

/** A response body already serialised, with its headers; `page` marks search/history pages. */
export interface RawBody {
  readonly json: string;
  readonly page: boolean;
  readonly resourceType: string;
  readonly headers: Readonly<Record<string, string>>;
}

const rawBodies = new WeakMap<object, RawBody>();

export function rawBodyOf(resource: Resource | undefined): RawBody | undefined {
  return resource ? rawBodies.get(resource) : undefined;
}

function raw(body: RawBody): Resource {
  const placeholder = { resourceType: body.resourceType } as Resource;
  rawBodies.set(placeholder, body);
  return placeholder;
}

function header(req: FhirRequest, name: string): string | undefined {
  const value = req.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryOf(req: FhirRequest): [string, string][] {
  const index = req.url.indexOf('?');
  return index < 0 ? [] : [...new URLSearchParams(req.url.slice(index + 1))];
}

export function resourceHeaders(ctx: IcdrContext, rec: VersionRecord, status: number): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: etag(rec.versionId),
    'Last-Modified': new Date(rec.lu).toUTCString(),
  };
  if (status === 201) headers.Location = `${ctx.base}/${rec.type}/${rec.id}/_history/${rec.versionId}`;
  return headers;
}

function override(
  router: FhirRouter,
  method: HttpMethod,
  path: string,
  handler: FhirRouteHandler,
  interaction: RestInteraction,
): void {
  const segments = path.split('/').filter(Boolean);
  const route = router.router.routes.find(
    (r) =>
      r.method === method &&
      r.path.length === segments.length &&
      r.path.every((p, i) => (p.param ? `:${p.value}` : p.value) === segments[i]),
  );
  if (route) route.handler = handler;
  else router.add(method, path, handler, interaction);
}

function original(router: FhirRouter, method: HttpMethod, path: string): FhirRouteHandler {
  const found = router.find(method, path.replace(':resourceType', 'Patient'));
  if (!found) throw new Error(`medplum route ${method} ${path} not found`);
  return found.handler;
}

export function checkType(ctx: IcdrContext, type: string | undefined): string {
  if (type && isResourceType(type)) return type;
  fail(ctx.profile().name === 'medplum' ? 400 : 404, 'not-supported', `Unknown resource type: ${type ?? ''}`);
}

export function createIcdrRouter(ctx: IcdrContext): FhirRouter {
  const router = new FhirRouter();
  const medplumCreate = original(router, 'POST', ':resourceType');
  const medplumConditionalUpdate = original(router, 'PUT', ':resourceType');
  const medplumConditionalDelete = original(router, 'DELETE', ':resourceType');
  const medplumSystemSearch = original(router, 'GET', '');
  const page = (json: string): FhirResponse => [allOk, raw({ json, page: true, resourceType: 'Bundle', headers: {} })];
  const single = (rec: VersionRecord, status: 200 | 201): FhirResponse => [
    status === 201 ? created : allOk,
    raw({ json: rec.json!, page: false, resourceType: rec.type, headers: resourceHeaders(ctx, rec, status) }),
  ];
  const bundle =
    (endpoint: 'base' | 'Bundle') =>
    async (req: FhirRequest): Promise<FhirResponse> => {
      const minimal = header(req, 'prefer')?.includes('return=minimal') ?? false;
      const result = processBundle(ctx, req.body as Bundle, endpoint, minimal);
      return result.status === 200 ? [allOk, result.body] : [result.body as OperationOutcome];
    };

  override(
    router,
    'GET',
    'metadata',
    async () => [
      allOk,
      capabilityStatement(ctx.profile(), ctx.base, ctx.tokenUrl, ctx.store.types(), new Date(ctx.now()).toISOString()),
    ],
    'operation',
  );

  override(
    router,
    'GET',
    '',
    async (req, repo, r, options) => {
      const params = queryOf(req);
      if (params.some(([k]) => k === '_getpages')) return page(getPagesResponse(ctx, params));
      return medplumSystemSearch(req, repo, r, options);
    },
    'search-system',
  );

  override(router, 'POST', '', bundle('base'), 'batch');
  override(
    router,
    'POST',
    'Bundle',
    async (req, repo, r, options) => {
      if (ctx.profile().transactionAtBundleEndpoint && (req.body as Bundle | undefined)?.type !== 'collection') {
        return bundle('Bundle')(req);
      }
      return medplumCreate({ ...req, params: { resourceType: 'Bundle' } }, repo, r, options);
    },
    'create',
  );

  override(
    router,
    'POST',
    ':resourceType',
    async (req, repo, r, options) => {
      checkType(ctx, req.params.resourceType);
      if (!ctx.profile().conditionalCreate && req.headers) {
        // SanteDB does not do conditional create: the header is ignored and a duplicate is created.
        const { 'if-none-exist': _ignored, ...headers } = req.headers;
        return medplumCreate({ ...req, headers }, repo, r, options);
      }
      return medplumCreate(req, repo, r, options);
    },
    'create',
  );

  const conditional =
    (handler: FhirRouteHandler): FhirRouteHandler =>
    async (req, repo, r, options) => {
      checkType(ctx, req.params.resourceType);
      if (!ctx.profile().conditionalUpdate)
        fail(501, 'not-supported', 'Conditional update/delete is not supported by this server');
      return handler(req, repo, r, options);
    };
  override(router, 'PUT', ':resourceType', conditional(medplumConditionalUpdate), 'update');
  override(router, 'DELETE', ':resourceType', conditional(medplumConditionalDelete), 'delete');

  override(
    router,
    'GET',
    ':resourceType',
    async (req) => page(searchResponse(ctx, checkType(ctx, req.params.resourceType), queryOf(req))),
    'search-type',
  );
  override(
    router,
    'POST',
    ':resourceType/_search',
    async (req) => {
      const body = typeof req.body === 'string' ? [...new URLSearchParams(req.body)] : [];
      return page(searchResponse(ctx, checkType(ctx, req.params.resourceType), [...queryOf(req), ...body]));
    },
    'search-type',
  );

  override(
    router,
    'GET',
    '_history',
    async (req) => {
      const profile = ctx.profile();
      if (!profile.historySystem) {
        const status = profile.historyRefusal.system;
        fail(
          status,
          'not-supported',
          status === 400 ? 'Unknown resource type: _history' : 'System history is not supported',
        );
      }
      return page(historyResponse(ctx, null, queryOf(req)));
    },
    'history-system',
  );

  override(
    router,
    'GET',
    ':resourceType/_history',
    async (req) => {
      const type = checkType(ctx, req.params.resourceType);
      const profile = ctx.profile();
      if (!profile.historyType) {
        const status = profile.historyRefusal.type;
        fail(
          status,
          'not-supported',
          status === 404 ? 'Not found' : `History is not supported for ${type} at type level`,
        );
      }
      return page(historyResponse(ctx, type, queryOf(req)));
    },
    'history-type',
  );

  override(
    router,
    'GET',
    ':resourceType/:id',
    async (req) => single(ctx.ops.read(checkType(ctx, req.params.resourceType), req.params.id!), 200),
    'read',
  );
  override(
    router,
    'GET',
    ':resourceType/:id/_history',
    async (req) => {
      const type = checkType(ctx, req.params.resourceType);
      return page(instanceHistoryResponse(ctx, type, req.params.id!, queryOf(req)));
    },
    'history-instance',
  );
  override(
    router,
    'GET',
    ':resourceType/:id/_history/:vid',
    async (req) => {
      const type = checkType(ctx, req.params.resourceType);
      return single(ctx.ops.vread(type, req.params.id!, req.params.vid!), 200);
    },
    'vread',
  );

  override(
    router,
    'PUT',
    ':resourceType/:id',
    async (req) => {
      const type = checkType(ctx, req.params.resourceType);
      const { record, created: isNew } = ctx.ops.put(type, req.params.id!, req.body as Resource, {
        ifMatch: header(req, 'if-match'),
      });
      return single(record, isNew ? 201 : 200);
    },
    'update',
  );

  override(
    router,
    'DELETE',
    ':resourceType/:id',
    async (req) => {
      const type = checkType(ctx, req.params.resourceType);
      ctx.ops.remove(type, req.params.id!, { ifMatch: header(req, 'if-match') });
      return [allOk];
    },
    'delete',
  );

  return router;
}
