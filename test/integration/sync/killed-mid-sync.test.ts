/**
 * The laptop's process killed (SIGKILL) in the middle of a pull and in the middle of a push,
 * then started again: the database is consistent, nothing is lost, nothing is sent twice.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/client';
import { keyFileStore } from '../../../src-main/store/key-file';
import { tempDir } from '../../support/temp-core';
import { startIcdr } from './support';
import type { Fhir } from '../icdr/helpers';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const root = join(import.meta.dirname, '..', '..', '..');

interface Child {
  done: Promise<{ killed: boolean; output: string }>;
  /** SIGKILL: no cleanup, no closing of the database, as in a power cut. */
  kill(): Promise<{ killed: boolean; output: string }>;
}

function runChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let killed = false;
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ killed: boolean; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, output }));
  });
  return {
    done,
    kill() {
      killed = child.kill('SIGKILL');
      return done;
    },
  };
}

function env(fhir: Fhir, dataDir: string, register = 0): Record<string, string> {
  const { baseUrl, tokenUrl, clientId, clientSecret } = fhir.icdr;
  return {
    DATA_DIR: dataDir,
    ICDR: JSON.stringify({ baseUrl, tokenUrl, clientId, clientSecret }),
    REGISTER: String(register),
  };
}

/** Opens the laptop's database directly and checks it from the outside. */
function inspect(dataDir: string) {
  const key = keyFileStore(join(dataDir, 'db-key')).load()!;
  const store = openStore({ path: join(dataDir, 'kliniki.db'), key });
  const n = (sql: string) => (store.sqlite.prepare(sql).get() as { n: number }).n;
  const result = {
    integrity: store.sqlite.pragma('integrity_check', { simple: true }),
    patients: n("SELECT count(*) AS n FROM resources WHERE type = 'Patient' AND deleted = 0"),
    observations: n("SELECT count(*) AS n FROM resources WHERE type = 'Observation' AND deleted = 0"),
    indexed: n('SELECT count(*) AS n FROM patient_index'),
    outbox: n('SELECT count(*) AS n FROM outbox'),
  };
  store.close();
  return result;
}

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a laptop killed in the middle of sync', () => {
  it('resumes an interrupted pull after a restart with nothing lost or doubled', async () => {
    const fhir = await startIcdr({
      behaviour: 'hapi',
      clinic: {
        patients: 60,
        seed: 11,
        encountersPerPatient: 0,
        observationsPerPatient: 3,
        immunizationsPerPatient: 0,
      },
    });
    cleanup.push(() => fhir.close());
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    // Pages come slowly, so the kill lands while a pull is under way.
    fhir.icdr.setFaults({ latencyMs: 100 });
    const pagesBefore = () => fhir.icdr.requestLog.filter((r) => /_history|_getpages/.test(r.path)).length;
    const first = runChild(env(fhir, dir.path));
    await waitFor(() => pagesBefore() >= 6);
    const { killed, output } = await first.kill();
    expect(killed).toBe(true);
    expect(output).not.toContain('DONE');
    const partial = inspect(dir.path);
    expect(partial.integrity).toBe('ok');
    expect(partial.patients + partial.observations).toBeLessThan(fhir.icdr.size());
    expect(partial.indexed).toBe(partial.patients);

    fhir.icdr.setFaults({});
    const second = await runChild(env(fhir, dir.path)).done;
    expect(second.output).toContain('DONE');
    const after = inspect(dir.path);
    expect(after.patients).toBe(fhir.icdr.resources('Patient').length);
    expect(after.observations).toBe(fhir.icdr.resources('Observation').length);
    expect(after.indexed).toBe(after.patients);
  });

  it('sends every change made before a crash during upload, and none twice', async () => {
    const fhir = await startIcdr({
      behaviour: 'hapi',
      clinic: { patients: 1, seed: 2, encountersPerPatient: 0, observationsPerPatient: 0, immunizationsPerPatient: 0 },
    });
    cleanup.push(() => fhir.close());
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    // The server stores the upload (the first POST is the capability probe) but answers 500,
    // again and again: the laptop is waiting to retry, its changes stored centrally but not
    // acknowledged, when the crash comes.
    fhir.icdr.setFaults({ status5xx: { afterApply: true, after: 1, times: 4, match: { method: 'POST' } } });
    const stored = () =>
      fhir.icdr.resources<Patient>('Patient').filter((p) => p.name?.[0]?.family === 'Survivor').length;
    const run = runChild(env(fhir, dir.path, 30));
    await waitFor(() => stored() === 30 && fhir.icdr.requestLog.some((r) => r.method === 'POST' && r.status >= 500));
    const { killed, output } = await run.kill();
    expect(killed).toBe(true);
    expect(output).not.toContain('DONE');
    const partial = inspect(dir.path);
    expect(partial.integrity).toBe('ok');
    expect(partial.outbox).toBe(30);

    fhir.icdr.setFaults({});
    const again = await runChild(env(fhir, dir.path)).done;
    expect(again.output).toContain('DONE');
    expect(inspect(dir.path).outbox).toBe(0);
    expect(stored()).toBe(30);
  });
});
