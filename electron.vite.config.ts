/**
 * Builds the Electron main process and preload only. The renderer is built by plain Vite into
 * dist-renderer/ (vite.config.ts), which main serves over app://; electron-vite has no renderer
 * section here on purpose.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
// electron-vite's Electron->Node table stops at Electron 44 and guesses beyond it; Node 22 syntax
// runs on every Electron this app supports, so nothing depends on that guess.
const NODE_TARGET = 'node22';

/**
 * The store finds its migrations beside its own module (src-main/store/client.ts), which after
 * bundling is out/main/: copy the drizzle folder there. A build without them would make an app
 * that cannot open its database, so their absence fails the build.
 */
function copyMigrations(): Plugin {
  const from = resolve(root, 'src-main/store/migrations');
  let outDir = resolve(root, 'out/main');
  return {
    name: 'kliniki:copy-migrations',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      if (!existsSync(resolve(from, 'meta/_journal.json'))) {
        throw new Error(`No drizzle migrations in ${from} (run "npm run db:generate").`);
      }
      const to = resolve(outDir, 'migrations');
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
    },
  };
}

/**
 * A sandboxed preload gets a require() that knows 'electron' and little else, and cannot load a
 * second file. Fail the build, not the nurse's first start, if the bundle needs more.
 */
function sandboxablePreload(): Plugin {
  return {
    name: 'kliniki:sandboxable-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      if (chunks.length !== 1) {
        throw new Error(`The preload must bundle to one file; got ${chunks.map((c) => c.fileName).join(', ')}.`);
      }
      const foreign = chunks.flatMap((c) => [...c.imports, ...c.dynamicImports]).filter((id) => id !== 'electron');
      if (foreign.length > 0) {
        throw new Error(`A sandboxed preload may only require 'electron'; it requires ${foreign.join(', ')}.`);
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      target: NODE_TARGET,
      outDir: resolve(root, 'out/main'),
      // Dependencies (better-sqlite3 is native, drizzle-orm, electron-updater...) stay in
      // node_modules and are packaged as they are.
      externalizeDeps: true,
      sourcemap: true,
      rollupOptions: {
        // Worker threads are loaded by file name (src-main/sync/worker-runner.ts,
        // src-main/rules/rule-runner.ts).
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          'sync-worker': resolve(root, 'src-main/sync/sync-worker.ts'),
          'rule-worker': resolve(root, 'src-main/rules/rule-worker.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    plugins: [sandboxablePreload()],
    build: {
      target: NODE_TARGET,
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' (and a few Node shims): everything
      // else, zod included, is bundled into the one file.
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
