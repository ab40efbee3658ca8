/**
 * Electron entry. Order matters: the app:// scheme, the sandbox and the user data folder are
 * fixed before 'ready'; the session and every web contents are locked down before the first
 * window exists; the core opens before the window so a startup problem is a plain dialog.
 */
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core';
import { fileLogger } from '../log/logger';
import { StartupError } from '../store/startup-error';
import { START_URL } from './app-url';
import { hardenSession, hardenWebContents } from './hardening';
import { bindIpc } from './ipc';
import { osKeyStore } from './keystore';
import { errorFields } from './log';
import { registerAppScheme, serveRenderer } from './protocol';
import { startUpdater } from './updater';
import { mainWindowOptions } from './window-options';

const CANNOT_START = 'Kliniki cannot start';

registerAppScheme();
app.enableSandbox();
// Lets tests and portable installs keep the database elsewhere; the single-instance lock is
// per user data folder, so this must come before it.
if (process.env.KLINIKI_USER_DATA) app.setPath('userData', resolve(process.env.KLINIKI_USER_DATA));

const userData = app.getPath('userData');
// Owner-only before anything (the log, the key, the database) is written into it.
mkdirSync(userData, { recursive: true, mode: 0o700 });
// One log file for shell and core: the core is handed this logger.
const log = fileLogger(join(userData, 'logs'), app.isPackaged ? 'info' : 'debug');
const rendererRoot = join(app.getAppPath(), 'dist-renderer');
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

let win: BrowserWindow | null = null;
let core: Core | null = null;
const cleanups: (() => void)[] = [];

// Electron's default for an uncaught error is a dialog with a stack trace; a nurse gets the log.
process.on('uncaughtException', (error) => log.error('shell.uncaught-exception', errorFields(error)));
process.on('unhandledRejection', (error) => log.error('shell.unhandled-rejection', errorFields(error)));

if (!app.requestSingleInstanceLock()) {
  // Two instances would open the same encrypted database twice; the first one gets the focus.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  hardenWebContents(log);
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(log);
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    return tellAndQuit(
      `The Kliniki screens are missing from this installation (${rendererRoot}). Reinstall Kliniki; during development, run "npm run build:renderer" first.`,
    );
  }
  serveRenderer(rendererRoot, log);

  try {
    const keyStore = osKeyStore({
      dir: userData,
      safe: safeStorage,
      warn: (m) => log.warn('shell.keystore-fallback', { detail: m }),
    });
    core = await createCore({
      dataDir: userData,
      keyStore,
      appVersion: app.getVersion(),
      logger: log,
      // resources/ is packed inside the app (electron-builder.yml `files`), beside out/ and dist-renderer/.
      resourcesDir: join(app.getAppPath(), 'resources'),
    });
  } catch (error) {
    return fail(error);
  }
  cleanups.push(bindIpc(core, () => win, log));

  const options = mainWindowOptions(preloadPath, { devTools: !app.isPackaged });
  win = new BrowserWindow(options);
  // Electron has no API to read a window's webPreferences back, so the security test reads the
  // ones this process passed. Main-process only; the page cannot reach it.
  Reflect.set(globalThis, '__klinikiWebPreferences', Object.freeze({ ...options.webPreferences }));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  win.loadURL(START_URL).catch((error: unknown) => log.error('shell.load-failed', errorFields(error)));
  cleanups.push(startUpdater(log));
  log.info('shell.started', { version: app.getVersion(), packaged: app.isPackaged });
}

/** Words for the nurse in a dialog, the details in the log, then out. */
function fail(error: unknown): void {
  log.error('shell.startup-failed', errorFields(error));
  tellAndQuit(
    error instanceof StartupError
      ? error.message
      : `Kliniki ran into an unexpected problem while starting. Details were written to ${join(userData, 'logs')}. Please tell your administrator.`,
  );
}

function tellAndQuit(message: string): void {
  dialog.showErrorBox(CANNOT_START, message);
  app.exit(1);
}

function shutdown(): void {
  for (const cleanup of cleanups.splice(0)) cleanup();
  try {
    core?.close();
  } catch (error) {
    log.error('shell.core-close-failed', errorFields(error));
  }
  core = null;
}
