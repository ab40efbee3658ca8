/**
 * Electron's program cannot run here, so the built main process runs under plain Node with a
 * fake 'electron' (fake-electron/) that plays Chromium's part. This proves the wiring that the
 * Playwright window test proves for real where Electron exists: the bundle loads, the scheme is
 * privileged before ready, the core opens with the keystore, the app:// handler and the one IPC
 * handler apply their rules, and every escape hatch is shut. It also proves that a startup
 * problem becomes a plain dialog and a quit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const register = join(import.meta.dirname, 'fake-electron', 'register.mjs');

interface Report {
  errors: string[];
  dialogs: { title: string; content: string }[];
  exits: number[];
  windows: { options: { webPreferences: Record<string, unknown> } }[];
  checks: Record<string, unknown>;
}

let work: string;
let outDir: string;
let appPath: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kliniki-main-wiring-'));
  // Inside the project, so the bundle's external imports (better-sqlite3, drizzle-orm...)
  // resolve from node_modules exactly as they do for the real build in out/.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'kliniki-main-wiring-'));
  await build({ configFile: join(root, 'electron.vite.config.ts'), build: { outDir }, logLevel: 'silent' });
  // A stand-in for the built renderer: main only needs index.html to exist and be served.
  appPath = join(work, 'app');
  mkdirSync(join(appPath, 'dist-renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist-renderer', 'index.html'), '<!doctype html><title>Kliniki</title>');
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

function runMain(userData: string): { status: number | null; report: Report; stderr: string } {
  const reportFile = join(work, `report-${Date.now()}.json`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    FAKE_ELECTRON_REPORT: reportFile,
    FAKE_ELECTRON_USER_DATA: userData,
    FAKE_ELECTRON_APP_PATH: appPath,
    KLINIKI_USER_DATA: undefined,
    KLINIKI_UPDATE_URL: undefined,
  };
  const run = spawnSync(process.execPath, ['--import', register, join(outDir, 'main', 'index.js')], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  let report: Report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  } catch {
    throw new Error(`main wrote no report (status ${run.status}):\n${run.stderr}`);
  }
  return { status: run.status, report, stderr: run.stderr };
}

describe('built main process under a fake Electron', () => {
  let result: ReturnType<typeof runMain>;
  let userData: string;

  beforeAll(() => {
    userData = join(work, 'user-data');
    result = runMain(userData);
  }, 40_000);

  it('starts, serves the window and quits cleanly', () => {
    expect(result.report.errors).toEqual([]);
    expect(result.report.dialogs).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.report.checks.loadedUrl).toBe('app://kliniki/index.html');
  });

  it('privileges app:// before ready and enables the sandbox before ready', () => {
    expect(result.report.checks.privilegedSchemes).toEqual({
      beforeReady: true,
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    });
    expect(result.report.checks.sandboxEnabledBeforeReady).toBe(true);
  });

  it('opens the window with the secure preferences and the built CommonJS preload', () => {
    const prefs = result.report.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs?.preload)).toBe(join(outDir, 'preload', 'index.cjs'));
  });

  it('serves the renderer with the CSP, refuses traversal and falls back to index.html for routes', () => {
    const { index, traversalStatus, routeFallback } = result.report.checks as {
      index: { status: number; csp: string; type: string };
      traversalStatus: number;
      routeFallback: { status: number; type: string };
    };
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    expect(index.csp).toContain("default-src 'self'");
    expect(index.csp).toContain("frame-ancestors 'none'");
    expect(traversalStatus).toBe(404);
    expect(routeFallback).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
  });

  it('answers the main frame through the real core and refuses every other sender', () => {
    const c = result.report.checks;
    expect(c.status).toMatchObject({ ok: true });
    expect(c.unknownChannel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const name of ['fromIframe', 'nullFrame', 'foreignOrigin', 'otherContents']) {
      expect(c[name], name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('blocks navigation, redirects, window.open, webviews, permissions and network', () => {
    const c = result.report.checks;
    expect(c.navigateAwayPrevented).toBe(true);
    expect(c.navigateInsidePrevented).toBe(false);
    expect(c.redirectAwayPrevented).toBe(true);
    expect(c.webviewPrevented).toBe(true);
    expect(c.windowOpen).toEqual({ action: 'deny' });
    expect(c.permission).toBe(false);
    expect(c.networkCancelled).toBe(true);
    expect(c.ownFileCancelled).toBe(false);
  });

  it('keeps the user data folder owner-only', () => {
    if (process.platform !== 'win32') expect(statSync(userData).mode & 0o077).toBe(0);
  });

  it('keeps the database key wrapped by the OS keystore, not in a plain file', () => {
    expect(readFileSync(join(userData, 'db-key.safe'), 'utf8')).toMatch(/^fake-wrapped:[0-9a-f]{64}$/);
    expect(() => readFileSync(join(userData, 'db-key'))).toThrow();
  });
});

describe('a startup problem', () => {
  it('is shown in plain words in a dialog titled "Kliniki cannot start", then the app quits', () => {
    const userData = join(work, 'broken-keystore');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'db-key.safe'), 'not something the keystore wrapped');
    const { status, report } = runMain(userData);
    expect(status).toBe(1);
    expect(report.dialogs).toHaveLength(1);
    expect(report.dialogs[0]?.title).toBe('Kliniki cannot start');
    expect(report.dialogs[0]?.content).toMatch(/password store/);
    expect(report.dialogs[0]?.content).not.toMatch(/\n\s+at |Error:/);
  });
});
