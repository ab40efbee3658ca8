/**
 * `npm run bench:sync` (also run by `npm run bench`): initial pull of a generated clinic from the
 * test iCDR, compared with an "ideal pull" measured in the same run (the same pages fetched with
 * plain HTTP and inserted with plain prepared statements into an encrypted database); patient
 * search latency from the UI's side while the pull runs; peak memory of this process (the iCDR
 * runs in a child process so it is not counted); and a push of 1,000 offline changes.
 *
 *   BENCH_SYNC_PATIENTS=10000   clinic size (12 resources per patient)
 *   BENCH_SYNC_BEHAVIOUR=hapi   hapi | medplum | santedb
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { newDatabaseKey } from '../src-main/store/key-file';
import { deviceTokenSource } from '../src-main/sync/device-token';
import { readBundlePage } from '../src-main/sync/bundle-entries';
import type { SyncStatus } from '../src-shared/domain/sync';
import { adultDraftFor } from './sync-bench-drafts';

const PATIENTS = Number(process.env.BENCH_SYNC_PATIENTS ?? 10_000);
const BEHAVIOUR = process.env.BENCH_SYNC_BEHAVIOUR ?? 'hapi';
const TYPES = ['Organization', 'Practitioner', 'Patient', 'Encounter', 'Observation', 'Immunization'];
const PAGE = 1000;
const root = resolve(import.meta.dirname, '..');
const log = (line = '') => console.log(line);

interface Icdr {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  resources: number;
  child: ChildProcess;
}

function startIcdr(): Promise<Icdr> {
  return new Promise((resolveIcdr, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/icdr.ts')], {
      cwd: root,
      env: { ...process.env, ICDR_PORT: '0', ICDR_PATIENTS: String(PATIENTS), ICDR_BEHAVIOUR: BEHAVIOUR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const field = (name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(out)?.[1];
      const size = /— (\d+) resources/.exec(out)?.[1];
      if (field('Client secret') && size) {
        resolveIcdr({
          baseUrl: field('FHIR base URL')!,
          tokenUrl: field('Token URL')!,
          clientId: field('Client id')!,
          clientSecret: field('Client secret')!,
          resources: Number(size),
          child,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`the test iCDR stopped (${code}): ${out}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The same pages, fetched and stored with nothing but fetch and a prepared INSERT. */
async function idealPull(icdr: Icdr, dir: string): Promise<{ ms: number; resources: number }> {
  const db = new Database(join(dir, 'ideal.db'));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${newDatabaseKey().toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE r (type TEXT, id TEXT, json TEXT, PRIMARY KEY (type, id))');
  const insert = db.prepare('INSERT OR REPLACE INTO r (type, id, json) VALUES (?, ?, ?)');
  const token = await deviceTokenSource({ ...icdr, resource: icdr.baseUrl })(false);
  const started = performance.now();
  let count = 0;
  for (const type of TYPES) {
    let url: string | null = `${icdr.baseUrl}/${firstPath(type)}`;
    while (url) {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
      });
      const page = readBundlePage(await response.json());
      db.transaction(() => {
        for (const e of page.entries)
          if (e.kind === 'resource') insert.run(e.resource.resourceType, e.resource.id, JSON.stringify(e.resource));
      })();
      count += page.entries.length;
      url = page.next;
    }
  }
  const ms = performance.now() - started;
  db.close();
  return { ms, resources: count };
}

function firstPath(type: string): string {
  return BEHAVIOUR === 'hapi' ? `${type}/_history?_count=${PAGE}` : `${type}?_count=${PAGE}&_sort=_lastUpdated`;
}

async function signedInCore(dataDir: string, runner: 'worker' | 'in-process'): Promise<Core> {
  const core = await createCore({ dataDir, logger: silentLogger, sync: { runner, schedule: false, pageSize: PAGE } });
  const status = await core.invoke('app:get-status', {});
  const setup = status.ok && (status.value as { setupRequired: boolean }).setupRequired;
  const result = setup
    ? await core.invoke('auth:create-first-user', {
        fullName: 'Bench',
        username: 'bench',
        role: 'admin',
        password: 'bench-password',
      })
    : await core.invoke('auth:unlock', { username: 'bench', password: 'bench-password' });
  if (!result.ok) throw new Error(result.error.message);
  return core;
}

async function configure(core: Core, icdr: Icdr): Promise<void> {
  const saved = await core.invoke('sync:save-settings', {
    baseUrl: icdr.baseUrl,
    tokenUrl: icdr.tokenUrl,
    clientId: icdr.clientId,
    clientSecret: icdr.clientSecret,
    subscriptions: TYPES.map((resourceType) => ({ resourceType, query: '' })),
    intervalMinutes: 60,
  });
  if (!saved.ok) throw new Error(saved.error.message);
}

const FAMILIES = [
  'Müller',
  'Okafor',
  'Nguyen',
  'Garcia',
  'Smith',
  'Kowalski',
  'Haddad',
  'Mensah',
  'Banda',
  'Silva',
  'Khan',
  'Mukasa',
];

async function kliniki(icdr: Icdr, dir: string, withSearches: boolean) {
  const dataDir = join(dir, withSearches ? 'kliniki-searching' : 'kliniki');
  const core = await signedInCore(dataDir, 'worker');
  await configure(core, icdr);
  const rss: number[] = [];
  const baseRss = process.memoryUsage().rss;
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);
  const searches: number[] = [];
  let running = true;
  const started = performance.now();
  const run = core
    .invoke('sync:run-now', {})
    .then(() => core.sync.idle())
    .finally(() => (running = false));
  // The nurse keeps searching while the first sync fills the laptop.
  const searching = (async () => {
    let i = 0;
    while (running && withSearches) {
      const t0 = performance.now();
      await core.invoke('patients:search', { text: FAMILIES[i++ % FAMILIES.length]!.slice(0, 3 + (i % 3)) });
      searches.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await run;
  await searching;
  const ms = performance.now() - started;
  clearInterval(sampler);
  const status = (await core.invoke('sync:get-status', {})) as { ok: true; value: SyncStatus };
  const local = (core.store.sqlite.prepare('SELECT count(*) AS n FROM resources').get() as { n: number }).n;
  core.close();
  searches.sort((a, b) => a - b);
  return {
    ms,
    local,
    status: status.value,
    searches,
    peakRssMb: Math.max(...rss, baseRss) / 2 ** 20,
    baseRssMb: baseRss / 2 ** 20,
    dataDir,
  };
}

async function push(icdr: Icdr, dataDir: string, changes: number) {
  const core = await signedInCore(dataDir, 'in-process');
  for (let i = 0; i < changes; i++) {
    const result = await core.invoke('patients:register', { draft: adultDraftFor(i) });
    if (!result.ok) throw new Error(result.error.message);
  }
  const realFetch = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`);
    return realFetch(input, init);
  };
  const started = performance.now();
  await core.invoke('sync:run-now', {});
  await core.sync.idle();
  const ms = performance.now() - started;
  globalThis.fetch = realFetch;
  const status = (await core.invoke('sync:get-status', {})) as { ok: true; value: SyncStatus };
  core.close();
  if (process.env.BENCH_SYNC_TRACE)
    console.log(requests.map((r) => r.replace(/\?.*/, '').replace(icdr.baseUrl, '')).join('\n'));
  return {
    ms,
    requests: requests.length,
    transactions: requests.filter((r) => r.startsWith('POST')).length,
    status: status.value,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kliniki-sync-bench-'));
  log(`Starting the test iCDR (${BEHAVIOUR}-like) with ${PATIENTS.toLocaleString('en')} patients…`);
  const icdr = await startIcdr();
  try {
    log(`  ${icdr.resources.toLocaleString('en')} resources`);
    const ideal = await idealPull(icdr, dir);
    const k = await kliniki(icdr, dir, false);
    const ratio = ideal.ms / k.ms;
    // Again into a fresh laptop, with the nurse searching all along: the latency she feels.
    const busy = await kliniki(icdr, dir, true);
    log('\nInitial pull');
    log(
      `  ideal pull (plain fetch + INSERT)   ${ideal.resources.toLocaleString('en')} resources in ${(ideal.ms / 1000).toFixed(1)} s = ${Math.round((ideal.resources / ideal.ms) * 1000).toLocaleString('en')} /s`,
    );
    log(
      `  Kliniki sync (worker thread)        ${k.local.toLocaleString('en')} resources in ${(k.ms / 1000).toFixed(1)} s = ${Math.round((k.local / k.ms) * 1000).toLocaleString('en')} /s`,
    );
    log(
      `  Kliniki / ideal                     ${(ratio * 100).toFixed(0)}%  (target ≥ 50%)  ${ratio >= 0.5 ? 'met' : 'MISSED'}`,
    );
    log(
      `  sync state after                    ${k.status.state}${k.status.lastError ? `: ${k.status.lastError}` : ''}`,
    );
    log(`  same pull with searches every 20 ms ${(busy.ms / 1000).toFixed(1)} s`);
    log(
      `  patient search during that pull     n=${busy.searches.length} p50 ${percentile(busy.searches, 50).toFixed(1)} ms, p95 ${percentile(busy.searches, 95).toFixed(1)} ms, max ${busy.searches.at(-1)?.toFixed(1)} ms (target p95 < 50 ms)`,
    );
    log(
      `  peak RSS of this process            ${k.peakRssMb.toFixed(0)} MiB (before the pull ${k.baseRssMb.toFixed(0)} MiB)`,
    );
    const p = await push(icdr, k.dataDir, 1000);
    log('\nPush of 1,000 offline registrations');
    log(
      `  ${(p.ms / 1000).toFixed(1)} s, ${p.requests} HTTP requests (${p.transactions} POST), ${p.status.waitingToSend} left waiting, ${p.status.rejected} refused`,
    );
  } finally {
    icdr.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
