// Switchable, bounded faults. Every counted fault fires at most `times` times (default 1), after
// letting `after` matching requests through (default 0), optionally only with `probability`
// (drawn from a seeded generator, so a run is reproducible), and only for requests matching `match`.

import { mulberry32 } from '../../../src-main/demo/random';

export interface RequestMatcher {
  /** HTTP method(s), upper case. */
  readonly method?: string | readonly string[];
  /** Tested against the request path and query relative to the FHIR base, e.g. `Patient?_count=10`. */
  readonly path?: string | RegExp;
}

export interface CountedFault {
  readonly times?: number;
  readonly after?: number;
  readonly probability?: number;
  readonly match?: RequestMatcher;
}

export interface IcdrFaults {
  /** Added before every FHIR response. */
  readonly latencyMs?: number;
  /** Search/history pages: write part of the body, then destroy the socket. A number means `times`. */
  readonly resetMidPage?: number | (CountedFault & { readonly afterBytes?: number });
  /**
   * Requests with a body that write (POST except _search, PUT, PATCH):
   * 'during-upload' destroys the socket while the body arrives; 'before-apply' after reading it;
   * 'after-apply' once the change is committed but before any response (the duplicate trap).
   */
  readonly resetMidUpload?:
    number | (CountedFault & { readonly when?: 'during-upload' | 'before-apply' | 'after-apply' });
  /** The next matching requests answer 500/502/503/504 (afterApply: a write is committed first). */
  readonly status5xx?:
    number | (CountedFault & { readonly status?: 500 | 502 | 503 | 504; readonly afterApply?: boolean });
  /** The next matching requests answer 429 with Retry-After. */
  readonly status429?: number | (CountedFault & { readonly retryAfterSeconds?: number });
  /** One search/history page (by default the first) is delayed. A number means the delay in ms. */
  readonly slowPageMs?: number | (CountedFault & { readonly delayMs: number });
  /** The server clock (Date header, lastUpdated stamps) runs this far off real time. */
  readonly clockOffsetMs?: number;
  /** Access tokens stop being accepted this long after the iCDR first saw them (401, must renew). */
  readonly expireTokensAfterMs?: number;
  /** Seed for `probability` draws. */
  readonly seed?: number;
}

export type FaultKind = 'reset-mid-page' | 'reset-mid-upload' | 'status-5xx' | 'status-429' | 'slow-page';

export interface RequestInfo {
  readonly method: string;
  /** Path and query relative to the FHIR base. */
  readonly path: string;
}

interface Counter {
  seen: number;
  fired: number;
}

function normalise<T extends CountedFault>(
  value: number | T | undefined,
  numberMeans: 'times' | 'delayMs',
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number')
    return (numberMeans === 'times' ? { times: value } : { delayMs: value }) as unknown as T;
  return value;
}

function matches(matcher: RequestMatcher | undefined, info: RequestInfo): boolean {
  if (!matcher) return true;
  if (matcher.method) {
    const methods = typeof matcher.method === 'string' ? [matcher.method] : matcher.method;
    if (!methods.includes(info.method)) return false;
  }
  if (matcher.path !== undefined) {
    if (typeof matcher.path === 'string' ? !info.path.startsWith(matcher.path) : !matcher.path.test(info.path))
      return false;
  }
  return true;
}

export class FaultState {
  private config: IcdrFaults = {};
  private counters = new Map<FaultKind, Counter>();
  private random: () => number = mulberry32(1);

  set(faults: IcdrFaults): void {
    this.config = { ...faults };
    this.counters = new Map();
    this.random = mulberry32(faults.seed ?? 1);
  }

  get latencyMs(): number {
    return Math.max(0, this.config.latencyMs ?? 0);
  }

  get clockOffsetMs(): number {
    return this.config.clockOffsetMs ?? 0;
  }

  get expireTokensAfterMs(): number | undefined {
    return this.config.expireTokensAfterMs;
  }

  resetMidPage(): (CountedFault & { afterBytes?: number }) | undefined {
    return normalise(this.config.resetMidPage, 'times');
  }

  resetMidUpload(): (CountedFault & { when?: 'during-upload' | 'before-apply' | 'after-apply' }) | undefined {
    return normalise(this.config.resetMidUpload, 'times');
  }

  status5xx(): (CountedFault & { status?: 500 | 502 | 503 | 504; afterApply?: boolean }) | undefined {
    return normalise(this.config.status5xx, 'times');
  }

  status429(): (CountedFault & { retryAfterSeconds?: number }) | undefined {
    return normalise(this.config.status429, 'times');
  }

  slowPage(): (CountedFault & { delayMs: number }) | undefined {
    return normalise(this.config.slowPageMs, 'delayMs');
  }

  /** Decides (and counts) whether the fault fires for this request. */
  fires(kind: FaultKind, fault: CountedFault | undefined, info: RequestInfo): boolean {
    if (!fault || !matches(fault.match, info)) return false;
    const counter = this.counters.get(kind) ?? { seen: 0, fired: 0 };
    this.counters.set(kind, counter);
    counter.seen++;
    if (counter.seen <= (fault.after ?? 0)) return false;
    if (counter.fired >= (fault.times ?? 1)) return false;
    if (fault.probability !== undefined && this.random() >= fault.probability) return false;
    counter.fired++;
    return true;
  }

  /** How often each fault fired since the last setFaults(). */
  firedCounts(): Partial<Record<FaultKind, number>> {
    const out: Partial<Record<FaultKind, number>> = {};
    for (const [kind, counter] of this.counters) out[kind] = counter.fired;
    return out;
  }
}
