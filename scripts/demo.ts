/**
 * `npm run demo`: the portal in browser mode with demo data. On a fresh data folder it imports
 * the Synthea sample patients, generates KLINIKI_DEMO_PATIENTS more (default 2000) and creates
 * a demo administrator; an existing folder is reused as it is.
 *
 *   KLINIKI_DATA_DIR        data folder (default .kliniki-data-demo in the repository)
 *   KLINIKI_DEMO_PATIENTS   generated patients on a fresh folder (default 2000)
 *   KLINIKI_PORT            port of the loopback bridge (default: any free port)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { startBridge } from '../src-main/bridge/ws-bridge';
import { stopOnSignal } from '../src-main/bridge/stop-on-signal';
import { StartupError } from '../src-main/store/startup-error';
import { importBundleFolder } from '../src-main/import/bundle-folder';
import { seedDemoPatients } from '../src-main/demo/seed-demo';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.KLINIKI_DATA_DIR ?? join(root, '.kliniki-data-demo'));
const syntheaDir = resolve(root, '..', 'shared', 'fixtures', 'synthea-r4');
const staticDir = join(root, 'dist-renderer');
const DEMO_USER = {
  fullName: 'Demo Administrator',
  username: 'demo',
  password: 'demo-password',
  role: 'admin',
} as const;

function patientsToGenerate(): number {
  const raw = process.env.KLINIKI_DEMO_PATIENTS ?? '2000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 2_000_000) {
    throw new Error(`KLINIKI_DEMO_PATIENTS must be a whole number from 0 to 2000000 (got "${raw}").`);
  }
  return n;
}

async function seed(core: Core): Promise<void> {
  const sqlite = core.store.sqlite;
  if (existsSync(syntheaDir)) {
    try {
      const report = importBundleFolder(sqlite, syntheaDir);
      const patients = report.files.reduce((n, f) => n + f.patients.length, 0);
      const resources = Object.values(report.written).reduce((a, b) => a + b, 0);
      console.log(
        `Imported ${patients} Synthea patients with their records (${resources} resources in ${report.files.length} files) from ${syntheaDir}.`,
      );
    } catch (error) {
      console.log(
        `The Synthea sample files could not all be imported (${error instanceof Error ? error.message : String(error)}); continuing without the rest.`,
      );
    }
  } else {
    console.log(`The Synthea sample patients were not found in ${syntheaDir}, so the demo starts without them.`);
  }

  const count = patientsToGenerate();
  const started = performance.now();
  const added = seedDemoPatients(sqlite, count);
  if (added > 0)
    console.log(`Generated ${added} demo patients in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  // Created last: a folder without a user is a folder whose seeding did not finish.
  const created = await core.invoke('auth:create-first-user', DEMO_USER);
  if (!created.ok) throw new Error(`The demo administrator could not be created: ${created.error.message}`);
  await core.invoke('auth:lock', {});
}

/** Builds the UI once when it is missing; the demo still serves the bridge if it cannot. */
function ensureRenderer(): boolean {
  if (existsSync(join(staticDir, 'index.html'))) return true;
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(root, 'vite.config.ts');
  if (!existsSync(viteBin) || !existsSync(config)) {
    console.log(
      'The portal UI is not built and cannot be built here (vite or vite.config.ts is missing); only the bridge will run.',
    );
    return false;
  }
  console.log('Building the portal UI (first run only)…');
  const build = spawnSync(process.execPath, [viteBin, 'build', '--config', config], { cwd: root, stdio: 'inherit' });
  if (build.status === 0 && existsSync(join(staticDir, 'index.html'))) return true;
  console.log(
    'The portal UI could not be built (see the messages above); only the bridge will run. Fix the build, then run npm run demo again.',
  );
  return false;
}

async function main(): Promise<void> {
  const core = await createCore({ dataDir, appVersion: process.env.npm_package_version ?? '0.1.0' });
  const status = await core.invoke('app:get-status', {});
  if (!status.ok) throw new Error(status.error.message);
  if ((status.value as { setupRequired: boolean }).setupRequired) {
    console.log(`Preparing demo data in ${dataDir}…`);
    await seed(core);
  } else {
    console.log(`Using the demo data already in ${dataDir} (delete that folder to start afresh).`);
  }

  const hasUi = ensureRenderer();
  const bridge = await startBridge({
    core,
    port: Number(process.env.KLINIKI_PORT ?? 0),
    ...(hasUi ? { staticDir } : {}),
  });
  console.log('');
  console.log(`Kliniki demo is running at ${bridge.url}`);
  console.log(`Sign in with user name "${DEMO_USER.username}" and password "${DEMO_USER.password}".`);
  console.log('Press Ctrl+C to stop.');

  stopOnSignal(bridge, core);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof StartupError ? `Kliniki cannot start: ${message}` : `The demo cannot start: ${message}`,
  );
  process.exit(1);
});
