// Transaction and batch Bundles. A transaction is all-or-nothing: every entry is planned (ids
// assigned, conditional entries resolved), references are rewritten, entries run in FHIR order
// (DELETE, POST, PUT, GET) inside one store transaction, and the first failure undoes everything
// and answers that entry's OperationOutcome with its status. A batch runs entry by entry.
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError } from '@medplum/core';
import { etag } from './bundles';
import type { IcdrContext } from './context';
import { errorOutcome, fail, statusLine, statusOf } from './outcomes';
import { getPagesResponse, searchResponse } from './paging';
import { findByCriteria } from './search-engine';
import type { VersionRecord } from './store';

export interface BundleResult {
  readonly status: number;
  readonly body: Resource;
}

type Action = 'create' | 'existing' | 'update' | 'delete' | 'noop' | 'read' | 'search';

interface Plan {
  readonly index: number;
  readonly action: Action;
  readonly type: string;
  readonly id: string;
  readonly query: string;
  resource?: Resource;
  readonly ifMatch?: string;
}

class EntryFailure extends Error {
  constructor(
    readonly index: number,
    readonly outcome: OperationOutcome,
  ) {
    super(`Bundle.entry[${index}] failed`);
  }
}

const ORDER: Record<Action, number> = { delete: 0, noop: 0, create: 1, existing: 1, update: 2, read: 3, search: 3 };
const URN = /^urn:uuid:/;
const CONDITIONAL_REFERENCE = /^([A-Z][A-Za-z]+)\?(.+)$/;

function isConditional(entry: BundleEntry): boolean {
  const method = entry.request?.method;
  const url = entry.request?.url ?? '';
  return (
    (method === 'POST' && !!entry.request?.ifNoneExist) || (method !== 'POST' && method !== 'GET' && url.includes('?'))
  );
}

export function processBundle(
  ctx: IcdrContext,
  bundle: Bundle,
  endpoint: 'base' | 'Bundle',
  minimal = false,
): BundleResult {
  const profile = ctx.profile();
  if (bundle?.resourceType !== 'Bundle') fail(400, 'invalid', 'Expected a Bundle');
  const isTransaction = bundle.type === 'transaction';
  if (!isTransaction && bundle.type !== 'batch')
    fail(400, 'invalid', `Unsupported Bundle.type "${String(bundle.type)}"`);
  if (endpoint === 'base' && isTransaction && !profile.transactionAtBase) {
    fail(501, 'not-supported', 'Transactions are not processed at the base URL: POST them to [base]/Bundle');
  }
  if (!isTransaction && !profile.batch) fail(501, 'not-supported', 'Batch bundles are not supported by this server');
  const entries = bundle.entry ?? [];

  if (isTransaction && profile.transactionLimits) {
    const { maxUpdates, maxConditionalEntries } = profile.transactionLimits;
    const updates = entries.filter((e) => e.request?.method === 'PUT').length;
    if (updates > maxUpdates) {
      fail(
        400,
        'too-costly',
        `Transaction contains too many entries: ${updates} update (PUT) entries, at most ${maxUpdates}`,
      );
    }
    if (entries.some(isConditional) && entries.length > maxConditionalEntries) {
      fail(
        400,
        'too-costly',
        `Transaction contains too many entries: ${entries.length} entries with conditional ones, at most ${maxConditionalEntries}`,
      );
    }
  }

  const atomic = isTransaction && profile.atomicTransactions;
  const responseType = isTransaction ? 'transaction-response' : 'batch-response';
  try {
    const run = (): BundleEntry[] =>
      runEntries(ctx, entries, atomic, isTransaction || profile.rewriteUrnInBatch, minimal);
    const responses = atomic ? ctx.store.transaction(run) : run();
    return { status: 200, body: { resourceType: 'Bundle', type: responseType, entry: responses } };
  } catch (err) {
    if (!(err instanceof EntryFailure)) throw err;
    const entry = entries[err.index];
    const [first, ...rest] = err.outcome.issue ?? [];
    const where = `Bundle.entry[${err.index}] (${entry?.request?.method ?? '?'} ${entry?.request?.url ?? '?'})`;
    const body: OperationOutcome = {
      ...err.outcome,
      issue: [
        { ...(first ?? { severity: 'error', code: 'processing' }), diagnostics: `${where}: transaction rolled back` },
        ...rest,
      ],
    };
    return { status: statusOf(err.outcome), body };
  }
}

function runEntries(
  ctx: IcdrContext,
  entries: BundleEntry[],
  strict: boolean,
  rewrite: boolean,
  minimal: boolean,
): BundleEntry[] {
  const at = ctx.now();
  const identities = new Map<string, string>();
  const seen = new Set<string>();
  const responses: BundleEntry[] = new Array<BundleEntry>(entries.length);
  const guard = <T>(index: number, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      const o = errorOutcome(err);
      if (strict) throw new EntryFailure(index, o);
      responses[index] = { response: { status: statusLine(statusOf(o)), outcome: o } };
      return undefined;
    }
  };

  const plans: Plan[] = [];
  entries.forEach((entry, index) => {
    const plan = guard(index, () => planEntry(ctx, entry, index, identities));
    if (!plan) return;
    const target = `${plan.type}/${plan.id}`;
    if (plan.id && plan.action !== 'existing' && plan.action !== 'read' && seen.has(target) && strict) {
      throw new EntryFailure(index, errorOutcome(new OperationOutcomeError(dup(target))));
    }
    if (plan.id) seen.add(target);
    plans.push(plan);
  });
  for (const plan of plans) {
    if (plan.resource && rewrite) {
      const rewritten = guard(plan.index, () => rewriteReferences(ctx, plan.resource!, identities));
      if (rewritten === undefined) plan.resource = undefined;
      else plan.resource = rewritten;
    }
  }
  const ordered = plans
    .filter((p) => !responses[p.index])
    .sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.index - b.index);
  for (const plan of ordered) {
    const response = guard(plan.index, () => execute(ctx, plan, at, minimal, entries[plan.index]!));
    if (response) responses[plan.index] = response;
  }
  return responses;
}

function dup(target: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id: 'icdr-400',
    issue: [
      { severity: 'error', code: 'duplicate', details: { text: `Duplicate resource identity ${target} in Bundle` } },
    ],
  };
}

function planEntry(ctx: IcdrContext, entry: BundleEntry, index: number, identities: Map<string, string>): Plan {
  const profile = ctx.profile();
  const method = entry.request?.method;
  let url = entry.request?.url ?? '';
  if (!method || !url) fail(400, 'required', `Bundle.entry[${index}].request needs a method and a url`);
  if (url.startsWith(`${ctx.base}/`)) url = url.slice(ctx.base.length + 1);
  const [path = '', query = ''] = url.split('?', 2);
  const [type = '', id = '', extra] = path.split('/').filter(Boolean);
  const resource = entry.resource ? (JSON.parse(JSON.stringify(entry.resource)) as Resource) : undefined;
  const remember = (resolvedId: string): void => {
    if (entry.fullUrl) identities.set(entry.fullUrl, `${type}/${resolvedId}`);
  };
  const single = (criteria: string): VersionRecord | undefined => {
    const found = findByCriteria(ctx.engine, type, criteria, profile);
    if (found.length > 1) fail(412, 'multiple-matches', `${type}?${criteria} matched more than one resource`);
    return found[0];
  };

  switch (method) {
    case 'POST': {
      if (!type || id || !resource)
        fail(400, 'invalid', `Bundle.entry[${index}]: POST needs a resource type URL and a resource`);
      const ifNoneExist = entry.request?.ifNoneExist;
      const existing = ifNoneExist && profile.conditionalCreate ? single(ifNoneExist) : undefined;
      const newId = existing?.id ?? ctx.ops.generateId(type);
      remember(newId);
      return { index, action: existing ? 'existing' : 'create', type, id: newId, query: '', resource };
    }
    case 'PUT': {
      if (!resource) fail(400, 'invalid', `Bundle.entry[${index}]: PUT needs a resource`);
      let target = id;
      let action: Action = 'update';
      if (query) {
        if (!profile.conditionalUpdate)
          fail(501, 'not-supported', 'Conditional update is not supported by this server');
        const match = single(query);
        target = match?.id ?? resource.id ?? ctx.ops.generateId(type);
        if (!match) action = 'create';
        resource.id = target;
      }
      if (!type || !target || extra)
        fail(400, 'invalid', `Bundle.entry[${index}]: PUT needs [type]/[id] or [type]?criteria`);
      remember(target);
      return { index, action, type, id: target, query: '', resource, ifMatch: entry.request?.ifMatch };
    }
    case 'DELETE': {
      if (query) {
        if (!profile.conditionalUpdate)
          fail(501, 'not-supported', 'Conditional delete is not supported by this server');
        const match = single(query);
        return {
          index,
          action: match ? 'delete' : 'noop',
          type,
          id: match?.id ?? '',
          query: '',
          ifMatch: entry.request?.ifMatch,
        };
      }
      if (!type || !id) fail(400, 'invalid', `Bundle.entry[${index}]: DELETE needs [type]/[id]`);
      return { index, action: 'delete', type, id, query: '', ifMatch: entry.request?.ifMatch };
    }
    case 'GET':
      return { index, action: id ? 'read' : 'search', type, id, query };
    default:
      fail(501, 'not-supported', `${method} entries are not supported by the test iCDR`);
  }
}

function rewriteReferences(ctx: IcdrContext, resource: Resource, identities: Map<string, string>): Resource {
  const profile = ctx.profile();
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const mapped = identities.get(value);
      if (mapped) return mapped;
      if (key !== 'reference') return value;
      if (URN.test(value) && profile.strictPlaceholders) {
        fail(400, 'not-found', `Reference ${value} does not match any entry's fullUrl in this Bundle`);
      }
      const conditional = CONDITIONAL_REFERENCE.exec(value);
      if (conditional) {
        const found = findByCriteria(ctx.engine, conditional[1]!, conditional[2]!, profile);
        if (found.length !== 1)
          fail(412, 'not-found', `Conditional reference ${value} matched ${found.length} resources`);
        return `${found[0]!.type}/${found[0]!.id}`;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => visit(v, key));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = visit(v, k);
      return out;
    }
    return value;
  };
  return visit(resource, '') as Resource;
}

function execute(ctx: IcdrContext, plan: Plan, at: number, minimal: boolean, entry: BundleEntry): BundleEntry {
  const written = (rec: VersionRecord, status: number): BundleEntry => ({
    fullUrl: `${ctx.base}/${rec.type}/${rec.id}`,
    ...(minimal || !rec.json ? {} : { resource: JSON.parse(rec.json) as Resource }),
    response: {
      status: statusLine(status),
      location: `${rec.type}/${rec.id}/_history/${rec.versionId}`,
      etag: etag(rec.versionId),
      lastModified: rec.lastUpdated,
    },
  });
  const { ops } = ctx;
  switch (plan.action) {
    case 'create':
      return written(ops.create(plan.type, { ...plan.resource!, id: plan.id }, { id: plan.id, at }), 201);
    case 'existing':
      return written(ops.read(plan.type, plan.id), 200);
    case 'update': {
      const { record, created } = ops.put(plan.type, plan.id, plan.resource!, { ifMatch: plan.ifMatch, at });
      return written(record, created ? 201 : 200);
    }
    case 'delete':
      ops.remove(plan.type, plan.id, { ifMatch: plan.ifMatch, at });
      return { response: { status: statusLine(200) } };
    case 'noop':
      return { response: { status: statusLine(200) } };
    case 'read':
      return written(ops.read(plan.type, plan.id), 200);
    case 'search': {
      const params = [...new URLSearchParams(plan.query)];
      const json = plan.type ? searchResponse(ctx, plan.type, params) : getPagesResponse(ctx, params);
      return { resource: JSON.parse(json) as Bundle, response: { status: statusLine(200) } };
    }
    default:
      fail(400, 'invalid', `Unexpected entry ${entry.request?.method ?? ''}`);
  }
}
