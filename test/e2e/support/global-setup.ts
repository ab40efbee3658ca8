import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The bridge serves dist-renderer/: build it so a run never tests a stale UI. */
export default async function globalSetup(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    // Several checkouts' e2e runs at once (parallel work) each build into their own folder.
    ...(process.env.KLINIKI_RENDERER_DIR
      ? { build: { outDir: process.env.KLINIKI_RENDERER_DIR, emptyOutDir: true } }
      : {}),
  });
}
