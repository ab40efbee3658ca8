/**
 * Whether Electron can run the app on this machine, found without `require('electron')`: that
 * call starts a download of Electron's program, which fails offline (see TOOLCHAIN.md). Same
 * checks as scripts/start.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronCheck = { ok: true; executable: string } | { ok: false; reason: string };

export function findElectron(root: string): ElectronCheck {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason: `node_modules/electron/path.txt is missing, so Electron's program was never downloaded`,
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative) : join(pkg, 'dist', relative);
  if (!existsSync(executable)) return { ok: false, reason: `${executable} does not exist` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no graphical display (DISPLAY/WAYLAND_DISPLAY unset; run under xvfb-run)' };
  }
  // As plain Node inside Electron: the program starts, and the native database module was
  // built for Electron's ABI (npm builds it for Node's; @electron/rebuild changes that).
  const probe = spawnSync(executable, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.error) return { ok: false, reason: `${executable} cannot run: ${probe.error.message}` };
  if (probe.status !== 0) {
    const abi = /NODE_MODULE_VERSION|different Node\.js version/.test(probe.stderr);
    return {
      ok: false,
      reason: abi
        ? 'better-sqlite3 is built for Node, not Electron (run "npx @electron/rebuild -w better-sqlite3")'
        : `${executable} exited with ${probe.status}: ${probe.stderr.split('\n')[0] ?? ''}`,
    };
  }
  return { ok: true, executable };
}
