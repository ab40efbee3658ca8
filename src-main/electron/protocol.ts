/**
 * Serves the built renderer from app://kliniki/. A custom privileged scheme instead of file://
 * gives the page a real origin (so CSP 'self', fetch and storage behave as on the web) and lets
 * main refuse anything outside the renderer folder.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeFor, isRouteRequest, resolveAppPath } from './app-url';
import type { Logger } from './log';

/** Must run before app 'ready': privileges cannot be granted to a scheme afterwards. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export function serveRenderer(root: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
    const path = resolveAppPath(root, request.url);
    if (path === null) {
      log.warn('shell.app-request-refused');
      return answer(404, 'Not found');
    }
    const file = (await isFile(path)) ? path : isRouteRequest(path) ? join(root, 'index.html') : null;
    if (file === null) return answer(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return answer(404, 'Not found');
    }
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function answer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
