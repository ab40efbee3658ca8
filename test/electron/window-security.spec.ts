/**
 * The built app, launched in real Electron: the page has no Node, no way out of app://kliniki,
 * no new windows, no network, and reaches the core only through window.kliniki.
 * Run with `npx playwright test -c playwright.electron.config.ts` after `npm run build`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectron } from './electron-binary';

const root = resolve(import.meta.dirname, '..', '..');
const found = findElectron(root);
const skipReason = found.ok ? '' : `Electron binary not available on this machine: ${found.reason}`;
if (!found.ok) console.log(`[electron tests skipped] ${skipReason}`);

interface Bridge {
  invoke(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

test.describe('Electron window security', () => {
  test.skip(!found.ok, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    const needed = ['out/main/index.js', 'out/preload/index.cjs', 'dist-renderer/index.html'];
    const missing = needed.filter((file) => !existsSync(join(root, file)));
    // Electron is here, so a missing build is a mistake to report, not a reason to skip.
    if (missing.length > 0) throw new Error(`Run "npm run build" first; missing: ${missing.join(', ')}`);
    if (!found.ok) return;

    userData = mkdtempSync(join(tmpdir(), 'kliniki-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    }
    env.KLINIKI_USER_DATA = userData;
    // basic password store: a test must never wait on a desktop keyring prompt.
    const args = ['.', '--password-store=basic'];
    if (process.platform === 'linux' && process.getuid?.() === 0) {
      // Chromium will not start as root with its OS sandbox; CI containers run as root. The
      // window's own sandbox preference (checked below) is unaffected.
      console.log('[electron tests] running as root: Chromium OS sandbox off for this run (--no-sandbox)');
      args.push('--no-sandbox');
    }
    app = await electron.launch({
      executablePath: found.executable,
      args,
      cwd: root,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern; none are wanted.
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus && page && !page.isClosed()) {
      await testInfo.attach('window', { body: await page.screenshot(), contentType: 'image/png' });
    }
  });

  test('opens one window on app://kliniki with isolation, sandbox and no Node integration', async () => {
    const state = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return {
        count: windows.length,
        url: windows[0]?.webContents.getURL(),
        // Electron has no public getter for webPreferences; main records what it passed (main.ts).
        prefs: Reflect.get(globalThis, '__klinikiWebPreferences') as Record<string, unknown> | undefined,
      };
    });
    expect(state.count).toBe(1);
    expect(state.url).toMatch(/^app:\/\/kliniki\//);
    expect(state.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  test('gives page code no require, process or module', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as Record<string, unknown>).require,
      process: typeof (window as unknown as Record<string, unknown>).process,
      module: typeof (window as unknown as Record<string, unknown>).module,
      bridge: Object.keys((window as unknown as { kliniki: Bridge }).kliniki).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      bridge: ['invoke', 'on'],
    });
  });

  test('denies window.open and opens no second window', async () => {
    const opened = await page.evaluate(() => window.open('https://example.invalid/') === null);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('stays on app://kliniki when the page tries to navigate away', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/^app:\/\/kliniki\//);
  });

  test('serves a strict CSP and refuses paths outside the renderer folder', async () => {
    const result = await page.evaluate(async () => {
      const own = await fetch('/index.html');
      const escape = await fetch('/..%2F..%2Fpackage.json');
      let network = 'allowed';
      try {
        await fetch('https://example.invalid/');
      } catch {
        network = 'blocked';
      }
      return { csp: own.headers.get('content-security-policy'), escape: escape.status, network };
    });
    expect(result.csp).toContain("default-src 'self'");
    expect(result.csp).toContain("connect-src 'self'");
    expect(result.escape).toBe(404);
    expect(result.network).toBe('blocked');
  });

  test('denies permission requests', async () => {
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  });

  test('answers a known IPC call and refuses an unknown channel', async () => {
    const answers = await page.evaluate(async () => {
      const kliniki = (window as unknown as { kliniki: Bridge }).kliniki;
      return {
        status: await kliniki.invoke('app:get-status', {}),
        unknown: await kliniki.invoke('fs:read-file', { path: '/etc/passwd' }),
        badInput: await kliniki.invoke('app:get-status', { extra: true }),
      };
    });
    expect(answers.status.ok).toBe(true);
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(answers.badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
