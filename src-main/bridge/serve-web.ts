/**
 * Browser mode (`npm run web`, the e2e tests, machines without Electron): the real core with
 * its encrypted database, the built UI, and the loopback bridge between them.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../core';
import { StartupError } from '../store/startup-error';
import { startBridge } from './ws-bridge';
import { stopOnSignal } from './stop-on-signal';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(process.env.KLINIKI_DATA_DIR ?? join(root, '.kliniki-data'));
// KLINIKI_RENDERER_DIR: a UI built elsewhere (parallel e2e runs each build their own copy).
const staticDir = resolve(process.env.KLINIKI_RENDERER_DIR ?? join(root, 'dist-renderer'));

async function main(): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(
      'The portal UI has not been built yet. Run "npm run build:renderer" first (npm start does it for you).',
    );
    process.exit(1);
  }
  const core = await createCore({ dataDir, appVersion: process.env.npm_package_version ?? '0.1.0' });
  const bridge = await startBridge({ core, port: Number(process.env.KLINIKI_PORT ?? 0), staticDir });
  console.log(`Kliniki is running at ${bridge.url}`);
  console.log(`Patient data is kept (encrypted) in ${dataDir}. Press Ctrl+C to stop.`);
  stopOnSignal(bridge, core);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) console.error(`Kliniki cannot start: ${error.message}`);
  else console.error(`Kliniki cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
