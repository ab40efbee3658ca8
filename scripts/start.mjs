#!/usr/bin/env node
/**
 * `npm start`: opens Kliniki in its Electron window where Electron can run here, and otherwise
 * in the browser through the loopback bridge. Plain Node on purpose (it runs before anything is
 * built) and careful never to `require('electron')`: that starts a download of Electron's
 * program, which fails offline. It explains itself in one sentence and never prints a stack.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Tools are run as `node <their bin script>` rather than through npx: no shell, no chance of
// npx fetching a package, and Ctrl+C reaches the real process instead of an npm wrapper.
const node = process.execPath;
const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const ELECTRON_VITE = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** Electron's executable, or why Kliniki cannot open in its window on this machine. */
function electronProgram() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { reason: "Electron's program is not available on this machine" };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative) : join(pkg, 'dist', relative);
  if (!existsSync(executable)) return { reason: "Electron's program is not available on this machine" };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'This machine has no graphical display for a window' };
  }
  // Chromium refuses to run as root unless its sandbox is switched off, which Kliniki never does.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    return { reason: 'Electron does not run for the root user' };
  }
  // Run as plain Node inside Electron: proves the program starts and that the encrypted
  // database module was built for Electron (npm builds it for Node; see @electron/rebuild).
  const probe = spawnSync(executable, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'pipe',
    timeout: 30_000,
  });
  if (probe.error || probe.status !== 0) {
    const text = `${probe.stderr ?? ''}`;
    return {
      reason: /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)
        ? 'The database module is built for Node rather than for Electron ("npx @electron/rebuild -w better-sqlite3" on a connected machine changes that)'
        : "Electron's program cannot run on this machine",
    };
  }
  return { executable };
}

/**
 * Runs a build step quietly. On failure its messages are shown without the build tool's own
 * stack frames: the reader needs the error, not where inside Vite it was noticed.
 */
function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) return true;
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`
    .split('\n')
    .filter((line) => !/^\s+at .+/.test(line) && !/^\s*errors: \[Getter/.test(line) && line.trim() !== '}')
    .join('\n')
    .trim();
  if (text) console.error(text);
  return false;
}

/** Starts a long-running child, passes Ctrl+C on, and exits with its status. */
function handOver(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', () => {
    console.error('Kliniki could not be started; the command it needs did not run.');
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function buildRenderer() {
  console.log('Building the Kliniki screens…');
  if (!run(node, [VITE, 'build'])) {
    console.error('The Kliniki screens could not be built; the messages above say why.');
    process.exit(1);
  }
}

function main() {
  const electron = electronProgram();
  if (electron.executable) {
    buildRenderer();
    console.log('Building the Kliniki window…');
    if (!run(node, [ELECTRON_VITE, 'build', '--ignoreConfigWarning'])) {
      console.error('The Kliniki window could not be built; the messages above say why.');
      process.exit(1);
    }
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    handOver(electron.executable, ['.'], env);
    return;
  }
  console.log(`${electron.reason}, so Kliniki opens in your browser instead.`);
  buildRenderer();
  handOver(node, ['--import', 'tsx', 'src-main/bridge/serve-web.ts']);
}

try {
  main();
} catch (error) {
  console.error(`Kliniki could not be started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
