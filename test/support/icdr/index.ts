// The test iCDR: a real FHIR R4 server on loopback for Kliniki's sync tests and demos (never shipped).
// Built on @medplum/fhir-router; adds what a sync server needs (history with _since, deletions,
// paging links, rollback, 201-on-PUT, a truthful CapabilityStatement), three switchable server
// families, bounded faults, and bearer tokens from a real OpenID provider.
import type { Resource } from '@medplum/fhirtypes';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOidcProvider, type OidcClient, type TestOidcProvider } from '../oidc/provider';
import { JwtVerifier } from './auth';
import { behaviourProfile, type BehaviourName, type BehaviourProfile } from './behaviours';
import { generateClinic, type ClinicOptions } from './clinic';
import { SearchSnapshots, type IcdrContext } from './context';
import { FaultState, type IcdrFaults } from './faults';
import { loadFhirDefinitions } from './fhir-definitions';
import { TokenState } from './bearer';
import { createRequestHandler, type IcdrRequestLogEntry } from './http-server';
import { Operations } from './operations';
import { IcdrRepository } from './repository';
import { createIcdrRouter } from './routes';
import { SearchEngine } from './search-engine';
import { seedStore, type SeedInput, type SeedOptions, type SeedResult } from './seed';
import { ResourceStore } from './store';

export type { BehaviourName, BehaviourProfile } from './behaviours';
export type { ClinicOptions } from './clinic';
export type { IcdrFaults, CountedFault, RequestMatcher, FaultKind } from './faults';
export type { IcdrRequestLogEntry } from './http-server';
export type { SeedInput, SeedResult } from './seed';
export { generateClinic } from './clinic';
export { loadSyntheaBundles, SYNTHEA_DIR } from './synthea';

export interface StartTestIcdrOptions {
  /** Server family to imitate (default 'hapi'). */
  readonly behaviour?: BehaviourName;
  /** Single flags on top of the family's profile. */
  readonly behaviourOverrides?: Partial<BehaviourProfile>;
  /** Port on 127.0.0.1 (default 0: a random free port). */
  readonly port?: number;
  /** Port of the OpenID provider started here (default 0: random). */
  readonly oidcPort?: number;
  /** Path of the FHIR base (default '/fhir'). */
  readonly basePath?: string;
  readonly faults?: IcdrFaults;
  /** Data loaded before the server answers (Bundles such as Synthea's, or plain resources). */
  readonly seed?: SeedInput;
  /** A generated clinic loaded before the server answers. */
  readonly clinic?: ClinicOptions;
  /** Require bearer tokens (default true). */
  readonly auth?: boolean;
  /** Share an OpenID provider (e.g. between two iCDRs); default: start one, closed with the iCDR. */
  readonly oidc?: TestOidcProvider;
  /** Device clients registered at the provider started here (default: one random client). */
  readonly clients?: readonly OidcClient[];
  readonly tokenTtlSeconds?: number;
  /** Validate written resources against the R4 definitions (default true). */
  readonly validate?: boolean;
  /** Lifetime of HAPI-style paging links (default 10 minutes). */
  readonly searchCacheTtlMs?: number;
  /** Entries kept in requestLog (default 10,000; oldest dropped). */
  readonly requestLogLimit?: number;
}

export interface IcdrChange {
  readonly seq: number;
  readonly type: string;
  readonly id: string;
  readonly versionId: string;
  readonly lastUpdated: string;
  readonly method: 'POST' | 'PUT' | 'DELETE';
}

export interface TestIcdr {
  /** Absolute FHIR base URL, e.g. http://127.0.0.1:40123/fhir */
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly oidc: TestOidcProvider | null;
  /** The current behaviour profile. */
  readonly behaviour: BehaviourProfile;
  setBehaviour(name: BehaviourName, overrides?: Partial<BehaviourProfile>): void;
  /** Replaces all faults (and their counters). `setFaults({})` clears them. */
  setFaults(faults: IcdrFaults): void;
  /** How often each fault fired since the last setFaults(). */
  faultCounts(): Partial<Record<string, number>>;
  /** Loads Bundles (as transactions) or resources straight into the store. */
  seed(input: SeedInput, options?: SeedOptions): SeedResult;
  /** Loads a generated clinic. */
  seedClinic(options: ClinicOptions): SeedResult;
  /** Empties the store, the change log, paging caches, faults, token state and the request log. */
  reset(): void;
  readonly requestLog: readonly IcdrRequestLogEntry[];
  /** An access token for a device client (client_credentials at the real token endpoint). */
  getToken(client?: OidcClient): Promise<string>;
  /** Every token seen so far stops being accepted (401): the client must fetch a new one. */
  expireTokens(): void;
  /** Forget HAPI-style paging links (as if the server's search cache expired). */
  expireSearchCache(): void;
  /** The server clock (real time + clockOffsetMs). */
  now(): Date;
  /** Live resources in the store. */
  size(): number;
  /** The current version of a resource straight from the store (no HTTP, no auth); undefined if absent or deleted. */
  resource<T extends Resource = Resource>(type: string, id: string): T | undefined;
  /** Every live resource of a type, in creation order. */
  resources<T extends Resource = Resource>(type: string): T[];
  /** The change log, oldest first: one entry per create, update and delete. */
  changes(): IcdrChange[];
  close(): Promise<void>;
}

export async function startTestIcdr(options: StartTestIcdrOptions = {}): Promise<TestIcdr> {
  loadFhirDefinitions();
  let profile = behaviourProfile(options.behaviour ?? 'hapi', options.behaviourOverrides);
  const faults = new FaultState();
  faults.set(options.faults ?? {});
  const basePath = `/${(options.basePath ?? '/fhir').replace(/^\/+|\/+$/g, '')}`;

  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}${basePath === '/' ? '' : basePath}`;

  const authOn = options.auth ?? true;
  const ownOidc = authOn && !options.oidc;
  const oidc = authOn
    ? (options.oidc ??
      (await startOidcProvider({
        audiences: [baseUrl],
        clients: options.clients,
        tokenTtlSeconds: options.tokenTtlSeconds,
        port: options.oidcPort,
      })))
    : null;
  oidc?.addAudience(baseUrl);
  const verifier = oidc ? await JwtVerifier.create({ issuer: oidc.issuer, audience: baseUrl }) : null;

  const store = new ResourceStore();
  const searchCacheTtl = options.searchCacheTtlMs ?? 10 * 60_000;
  const ctx: IcdrContext = {
    store,
    base: baseUrl,
    tokenUrl: oidc?.tokenUrl,
    validate: options.validate ?? true,
    profile: () => profile,
    now: () => Date.now() + faults.clockOffsetMs,
    ops: undefined as unknown as Operations,
    engine: new SearchEngine(store),
    snapshots: new SearchSnapshots(() => searchCacheTtl),
  };
  (ctx as { ops: Operations }).ops = new Operations(ctx);
  const router = createIcdrRouter(ctx);
  const repo = new IcdrRepository(ctx);
  const tokens = new TokenState();
  const logLimit = options.requestLogLimit ?? 10_000;
  let requestLog: IcdrRequestLogEntry[] = [];
  server.on(
    'request',
    createRequestHandler({
      ctx,
      router,
      repo,
      faults,
      basePath: basePath === '/' ? '' : basePath,
      verifier: () => verifier,
      tokens,
      log: (entry) => {
        requestLog.push(entry);
        if (requestLog.length > logLimit) requestLog.splice(0, requestLog.length - logLimit);
      },
    }),
  );

  const seed = (input: SeedInput, seedOptions?: SeedOptions): SeedResult => seedStore(ctx, input, seedOptions);
  if (options.seed) seed(options.seed);
  if (options.clinic) seed(generateClinic(options.clinic));
  const client = oidc?.clients[0];

  return {
    baseUrl,
    tokenUrl: oidc?.tokenUrl ?? '',
    issuer: oidc?.issuer ?? '',
    clientId: client?.clientId ?? '',
    clientSecret: client?.clientSecret ?? '',
    oidc,
    get behaviour() {
      return profile;
    },
    setBehaviour: (name, overrides) => {
      profile = behaviourProfile(name, overrides);
      ctx.engine.clear();
      ctx.snapshots.clear();
    },
    setFaults: (next) => faults.set(next),
    faultCounts: () => faults.firedCounts(),
    seed,
    seedClinic: (clinic) => seed(generateClinic(clinic)),
    reset: () => {
      store.clear();
      ctx.ops.reset();
      ctx.engine.clear();
      ctx.snapshots.clear();
      faults.set({});
      tokens.clear();
      requestLog = [];
    },
    get requestLog() {
      return requestLog;
    },
    getToken: async (which) => {
      if (!oidc) throw new Error('This test iCDR runs without auth');
      return (await oidc.getToken(which ?? client, { resource: baseUrl })).access_token;
    },
    expireTokens: () => {
      tokens.revokedBefore = Date.now() + 1;
    },
    expireSearchCache: () => ctx.snapshots.clear(),
    now: () => new Date(ctx.now()),
    size: () => store.size,
    resource: <T extends Resource>(type: string, id: string) => {
      const rec = store.liveRecord(type, id);
      return rec ? (JSON.parse(rec.json!) as T) : undefined;
    },
    resources: <T extends Resource>(type: string) =>
      [...store.liveOf(type).values()].map((r) => JSON.parse(r.json!) as T),
    changes: () =>
      store.systemChanges().map(({ seq, type, id, versionId, lastUpdated, method }) => ({
        seq,
        type,
        id,
        versionId,
        lastUpdated,
        method,
      })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownOidc) await oidc?.close();
    },
  };
}
