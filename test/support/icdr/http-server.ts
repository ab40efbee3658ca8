// node:http front of the test iCDR: auth, faults, body parsing, the Date header of the (possibly
// skewed) server clock, ETag/Location headers, and the request log.
import type { FhirRequest, FhirRouter, HttpMethod } from '@medplum/fhir-router';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JwtVerifier } from './auth';
import { checkBearer, type TokenState } from './bearer';
import type { IcdrContext } from './context';
import type { FaultKind, FaultState, RequestInfo } from './faults';
import { errorOutcome, outcome, statusOf } from './outcomes';
import type { IcdrRepository } from './repository';
import { rawBodyOf } from './routes';

export interface IcdrRequestLogEntry {
  readonly seq: number;
  /** Real time the request arrived (ISO). */
  readonly at: string;
  readonly method: string;
  /** Path and query relative to the FHIR base. */
  path: string;
  interaction?: string;
  /** 0 when the connection was destroyed by a fault. */
  status: number;
  fault?: FaultKind | 'token-expired';
  clientId?: string;
  durationMs: number;
}

export interface HttpDeps {
  readonly ctx: IcdrContext;
  readonly router: FhirRouter;
  readonly repo: IcdrRepository;
  readonly faults: FaultState;
  readonly basePath: string;
  readonly verifier: () => JwtVerifier | null;
  readonly tokens: TokenState;
  readonly log: (entry: IcdrRequestLogEntry) => void;
}

const PUBLIC = new Set(['metadata', '.well-known/smart-configuration']);
const JSON_TYPE = 'application/fhir+json; charset=utf-8';
const MAX_BODY = 64 * 1024 * 1024;

class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function isWrite(method: string, path: string): boolean {
  const bare = path.split('?')[0] ?? '';
  return method !== 'GET' && method !== 'HEAD' && !bare.endsWith('/_search');
}

function hasBody(method: string, path: string): boolean {
  return (method === 'POST' || method === 'PUT' || method === 'PATCH') && isWrite(method, path);
}

export function createRequestHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { ctx, faults } = deps;
  const lock = new Mutex();
  let seq = 0;

  const baseHeaders = (): Record<string, string> => ({ Date: new Date(ctx.now()).toUTCString() });

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, {
      ...baseHeaders(),
      'Content-Type': JSON_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
  };

  const sendOutcome = (res: ServerResponse, o: OperationOutcome, headers: Record<string, string> = {}): number => {
    const status = statusOf(o);
    send(res, status, JSON.stringify(o), headers);
    return status;
  };

  const destroy = (req: IncomingMessage): void => {
    req.socket.destroy();
  };

  const readBody = (req: IncomingMessage, abortEarly: boolean): Promise<Buffer | null> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        if (abortEarly) {
          destroy(req);
          resolve(null);
          return;
        }
        size += chunk.length;
        if (size > MAX_BODY) {
          reject(new Error('request body too large'));
          destroy(req);
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(abortEarly ? null : Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const smartConfiguration = (): string =>
    JSON.stringify({
      token_endpoint: ctx.tokenUrl,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['system/*.read', 'system/*.write', 'system/*.*'],
      capabilities: ['client-confidential-symmetric'],
    });

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    entry: IcdrRequestLogEntry,
    info: RequestInfo,
  ): Promise<void> => {
    const { method, path } = info;
    const bare = path.split('?')[0] ?? '';
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);

    if (!PUBLIC.has(bare)) {
      const challenge = await checkBearer(req, entry, deps.verifier(), deps.tokens, faults.expireTokensAfterMs);
      if (challenge) {
        entry.status = sendOutcome(res, outcome(401, 'login', 'A valid bearer token is required'), challenge);
        return;
      }
    }
    const limited = faults.status429();
    if (faults.fires('status-429', limited, info)) {
      entry.fault = 'status-429';
      const retryAfter = String(limited?.retryAfterSeconds ?? 1);
      entry.status = sendOutcome(res, outcome(429, 'throttled', 'Too many requests'), { 'Retry-After': retryAfter });
      return;
    }
    const failing = faults.status5xx();
    const fail5xx = faults.fires('status-5xx', failing, info);
    const status5xx = failing?.status ?? 503;
    if (fail5xx && !failing?.afterApply) {
      entry.fault = 'status-5xx';
      entry.status = sendOutcome(
        res,
        outcome(status5xx, 'transient', 'Injected server error'),
        status5xx === 503 ? { 'Retry-After': '1' } : {},
      );
      return;
    }
    if (bare === '.well-known/smart-configuration') {
      entry.status = 200;
      send(res, 200, smartConfiguration(), { 'Content-Type': 'application/json' });
      return;
    }

    const upload = hasBody(method, path) ? faults.resetMidUpload() : undefined;
    const uploadFault = faults.fires('reset-mid-upload', upload, info) ? (upload?.when ?? 'after-apply') : null;
    let body: unknown;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      const buffer = await readBody(req, uploadFault === 'during-upload');
      if (buffer === null || uploadFault === 'before-apply') {
        entry.fault = 'reset-mid-upload';
        destroy(req);
        return;
      }
      const text = buffer.toString('utf8');
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/x-www-form-urlencoded')) body = text;
      else if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          entry.status = sendOutcome(res, outcome(400, 'structure', 'The request body is not valid JSON'));
          return;
        }
      }
    }

    const fhirRequest: FhirRequest = {
      method: method as HttpMethod,
      url: path,
      pathname: '',
      body,
      params: {},
      query: {},
      headers: req.headers,
      config: { transactions: true },
    };
    entry.interaction = deps.router.find(method as HttpMethod, path)?.data?.interaction;
    const run = (): Promise<[OperationOutcome, Resource?]> =>
      deps.router.handleRequest(fhirRequest, deps.repo) as Promise<[OperationOutcome, Resource?]>;
    const [result, resource] = isWrite(method, path) ? await lock.run(run) : await run();

    if (uploadFault === 'after-apply') {
      entry.fault = 'reset-mid-upload';
      destroy(req);
      return;
    }
    if (fail5xx) {
      entry.fault = 'status-5xx';
      entry.status = sendOutcome(
        res,
        outcome(status5xx, 'transient', 'Injected server error after the change was applied'),
      );
      return;
    }
    const status = statusOf(result);
    const rawBody = rawBodyOf(resource);
    const headers: Record<string, string> = { ...rawBody?.headers };
    if (!rawBody && resource?.meta?.versionId && resource.resourceType !== 'Bundle') {
      headers.ETag = `W/"${resource.meta.versionId}"`;
      if (resource.meta.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
      if (status === 201 && resource.id) {
        headers.Location = `${ctx.base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
      }
    }
    // return=minimal drops a written resource, never a transaction/batch response Bundle.
    const minimal =
      (req.headers.prefer ?? '').includes('return=minimal') &&
      isWrite(method, path) &&
      status < 300 &&
      resource?.resourceType !== 'Bundle';
    const text = minimal ? '' : (rawBody?.json ?? JSON.stringify(resource ?? result));
    entry.status = status;

    if (rawBody?.page) {
      const slow = faults.slowPage();
      if (faults.fires('slow-page', slow, info)) {
        entry.fault = 'slow-page';
        await sleep(slow?.delayMs ?? 0);
      }
      const reset = faults.resetMidPage();
      if (faults.fires('reset-mid-page', reset, info)) {
        entry.fault = 'reset-mid-page';
        entry.status = 0;
        const buffer = Buffer.from(text);
        const cut = Math.min(reset?.afterBytes ?? Math.floor(buffer.length / 2), buffer.length - 1);
        if (cut <= 0) {
          destroy(req);
          return;
        }
        res.writeHead(status, {
          ...baseHeaders(),
          'Content-Type': JSON_TYPE,
          'Content-Length': String(buffer.length),
          ...headers,
        });
        res.write(buffer.subarray(0, cut), () => destroy(req));
        return;
      }
    }
    send(res, status, text, headers);
  };

  return (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: IcdrRequestLogEntry = {
      seq: ++seq,
      at: new Date().toISOString(),
      method,
      path: '',
      status: 0,
      durationMs: 0,
    };
    const finish = (): void => {
      entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
      deps.log(entry);
    };
    if (url.pathname !== deps.basePath && !url.pathname.startsWith(`${deps.basePath}/`)) {
      entry.path = url.pathname;
      entry.status = sendOutcome(
        res,
        outcome(404, 'not-found', `Not a FHIR endpoint: ${url.pathname} (base is ${deps.basePath})`),
      );
      finish();
      return;
    }
    const relative = url.pathname.slice(deps.basePath.length).replace(/^\/+|\/+$/g, '');
    const path = `${relative}${url.search}`;
    entry.path = path;
    handle(req, res, entry, { method, path })
      .catch((err: unknown) => {
        if (!res.headersSent && !req.socket.destroyed) entry.status = sendOutcome(res, errorOutcome(err));
        else destroy(req);
      })
      .finally(finish);
  };
}
