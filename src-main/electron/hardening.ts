/**
 * Locks down every web contents and the default session: no navigation away from app://kliniki,
 * no new windows, no webviews, no permissions, no network. Set up before any window exists so
 * nothing slips through in between.
 */
import { app, session, type WebContents } from 'electron';
import { isAllowedSessionRequest, isAppUrl } from './app-url';
import type { Logger } from './log';

export function hardenSession(log: Logger): void {
  const ses = session.defaultSession;
  // Kliniki needs no camera, microphone, location, notifications, USB, serial or HID.
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('shell.permission-denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedSessionRequest(details.url);
    if (!allowed) log.warn('shell.request-cancelled', { scheme: schemeOf(details.url) });
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(log: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('shell.webview-blocked');
    });
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) {
        event.preventDefault();
        log.warn('shell.navigation-blocked', { scheme: schemeOf(event.url) });
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) {
        event.preventDefault();
        log.warn('shell.redirect-blocked', { scheme: schemeOf(event.url) });
      }
    });
    contents.setWindowOpenHandler(() => {
      log.warn('shell.window-open-denied');
      return { action: 'deny' };
    });
  });
}

/** Only the scheme is logged: a full URL could carry a patient's name in a query string. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, Math.min(colon, 16)) : 'unknown';
}
