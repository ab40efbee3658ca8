/**
 * Background updates. An update is downloaded quietly and installed only when the nurse quits
 * Kliniki in the ordinary way — never by restarting the app under her, which could drop a form
 * she is typing or an outbox that has not been flushed.
 */
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { errorFields, type Logger } from './log';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * The feed is the generic-provider URL baked in by electron-builder (electron-builder.yml
 * `publish`), unless KLINIKI_UPDATE_URL names another one (a clinic's own mirror, a test feed).
 */
export function startUpdater(log: Logger): () => void {
  // Development runs have no app-update.yml and must never replace themselves.
  if (!app.isPackaged) return () => {};

  const { autoUpdater } = electronUpdater;
  const feed = process.env.KLINIKI_UPDATE_URL;
  if (feed) autoUpdater.setFeedURL({ provider: 'generic', url: feed });

  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.logger = {
    info: (m?: unknown) => log.info('updater.info', { detail: String(m) }),
    warn: (m?: unknown) => log.warn('updater.warn', { detail: String(m) }),
    error: (m?: unknown) => log.error('updater.error', { detail: String(m) }),
    debug: (m: string) => log.debug('updater.debug', { detail: m }),
  };
  // Offline is the normal state of a clinic laptop: a failed check is a log line, never a dialog.
  autoUpdater.on('error', (error) => log.warn('updater.check-failed', errorFields(error)));
  autoUpdater.on('update-downloaded', (info) =>
    log.info('updater.downloaded-installs-on-quit', { version: info.version }),
  );

  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => log.warn('updater.check-failed', errorFields(error)));
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
