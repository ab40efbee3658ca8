/**
 * HTTP to the iCDR: bearer token, JSON, retries with backoff, one token renewal on 401, and
 * the server's clock read from its Date header. Never throws raw network errors at callers:
 * they get a SyncHttpError saying in words what went wrong.
 */
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, retryAfterMs, type RetryPolicy } from './retry-policy';

export type HttpFailure = 'offline' | 'unauthorised' | 'server' | 'rejected' | 'invalid-response';

export class SyncHttpError extends Error {
  constructor(
    readonly kind: HttpFailure,
    message: string,
    readonly status: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export interface FhirResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** Server time when it answered (Date header), or null if it sent none. */
  serverDate: Date | null;
}

export interface FhirHttpOptions {
  baseUrl: string;
  /** A bearer token; `renew` asks for a fresh one after the server refused the old one. */
  token: (renew: boolean) => Promise<string>;
  retry?: RetryPolicy;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Per request; a page of 1000 resources over a slow modem needs time. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FhirHttp {
  readonly baseUrl: string;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  requests = 0;

  constructor(private readonly options: FhirHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.sleep = options.sleep ?? sleepReal;
    this.now = options.now ?? (() => new Date());
  }

  /** A path under the base (`Patient?_count=10`) or an absolute URL given by the server. */
  url(pathOrUrl: string): string {
    return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}/${pathOrUrl.replace(/^\/+/, '')}`;
  }

  async request(
    method: string,
    pathOrUrl: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<FhirResponse> {
    let renewed = false;
    let token = await this.options.token(false);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        this.requests++;
        response = await this.fetchImpl(this.url(pathOrUrl), {
          method,
          headers: {
            accept: 'application/fhir+json',
            ...(init.body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
            authorization: `Bearer ${token}`,
            ...init.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.any([
            AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
            ...(this.options.signal ? [this.options.signal] : []),
          ]),
        });
      } catch (error) {
        if (this.options.signal?.aborted) throw new SyncHttpError('offline', 'Sync was stopped.');
        if (attempt + 1 >= this.retry.maxAttempts) {
          throw new SyncHttpError(
            'offline',
            `The central registry could not be reached (${describeNetworkError(error)}).`,
          );
        }
        await this.sleep(backoffMs(attempt, this.retry));
        continue;
      }
      if (response.status === 401 && !renewed) {
        await response.body?.cancel();
        renewed = true;
        token = await this.options.token(true);
        attempt--;
        continue;
      }
      if (isRetryableStatus(response.status) && attempt + 1 < this.retry.maxAttempts) {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.now()) ?? backoffMs(attempt, this.retry);
        await response.body?.cancel();
        await this.sleep(Math.min(wait, this.retry.maxDelayMs * 4));
        continue;
      }
      let body: unknown = null;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // The connection dropped while the body was arriving: as retryable as no answer at all.
        if (attempt + 1 >= this.retry.maxAttempts) {
          throw new SyncHttpError(
            'offline',
            `The connection dropped while receiving data (${describeNetworkError(error)}).`,
          );
        }
        await this.sleep(backoffMs(attempt, this.retry));
        continue;
      }
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          throw new SyncHttpError(
            'invalid-response',
            `The central registry answered with something that is not FHIR JSON (HTTP ${response.status}).`,
            response.status,
          );
        }
      }
      const date = response.headers.get('date');
      const serverDate = date ? new Date(date) : null;
      const result = {
        status: response.status,
        headers: response.headers,
        body,
        serverDate: serverDate && !Number.isNaN(serverDate.getTime()) ? serverDate : null,
      };
      if (response.status === 401 || response.status === 403) {
        throw new SyncHttpError(
          'unauthorised',
          'The central registry refused this laptop’s credentials. Check the device ID and secret in the sync settings.',
          response.status,
          body,
        );
      }
      // Retries exhausted. (501 is an answer, "not here", and goes back to the caller.)
      if (isRetryableStatus(response.status)) {
        throw new SyncHttpError(
          'server',
          `The central registry has a problem right now (HTTP ${response.status}). Sync will try again later.`,
          response.status,
          body,
        );
      }
      return result;
    }
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (error.name === 'TimeoutError') return 'no answer in time';
    if (cause?.code === 'ECONNREFUSED') return 'connection refused';
    if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'connection dropped';
    if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'address not found';
    return cause?.code ?? error.message;
  }
  return String(error);
}
