import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { fillPatientForm, openPortal, screen, yearsAgo } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

interface Frame {
  id?: number;
  channel?: string;
  input?: { text?: string };
}

/** Passes every bridge frame through, letting the test hold back chosen answers. */
async function relay(page: Page, holdBack: (request: Frame) => Promise<void> | null) {
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ipc\?/, (ws) => {
    sockets.push(ws);
    const core = ws.connectToServer();
    const held = new Map<number, Promise<void>>();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as Frame;
      const wait = holdBack(frame);
      if (wait && typeof frame.id === 'number') held.set(frame.id, wait);
      core.send(message);
    });
    core.onMessage((message) => {
      const frame = JSON.parse(String(message)) as Frame;
      const wait = typeof frame.id === 'number' ? held.get(frame.id) : undefined;
      if (wait) void wait.then(() => ws.send(message));
      else ws.send(message);
    });
  });
  return sockets;
}

async function register(page: Page, given: string, family: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
  await fillPatientForm(page, { given, family, sex: 'Female', birthDate: yearsAgo(25) });
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${given} ${family}` })).toBeVisible();
}

test('a slow answer to an earlier search never replaces the answer to a later one', async ({ page }) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let sawSlow = () => {};
  const slowSent = new Promise<void>((resolve) => (sawSlow = resolve));
  await relay(page, (frame) => {
    if (frame.channel !== 'patients:search' || frame.input?.text !== 'Na') return null;
    sawSlow();
    return released;
  });
  await openPortal(page, server.url);
  await register(page, 'Nakato', 'Kizza');
  await register(page, 'Nalwanga', 'Kizza');

  await page.getByRole('link', { name: 'Find patient' }).click();
  const box = page.getByLabel('Name, clinic number, phone or ID');
  await box.fill('Na');
  await slowSent;
  await box.fill('Nalwanga');
  await expect(page.getByRole('link', { name: 'Nalwanga Kizza' })).toBeVisible();

  release();
  // Give the held-back answer time to arrive; the list must still answer "Nalwanga".
  await page.waitForTimeout(500);
  await expect(page.getByRole('link', { name: 'Nalwanga Kizza' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nakato Kizza' })).toHaveCount(0);
});

test('a lost connection is reported, the call in flight fails in words, and the portal reconnects', async ({
  page,
}) => {
  // The first search for "Odongo" never gets its answer: the connection drops while it waits.
  let held = false;
  const sockets = await relay(page, (frame) => {
    if (held || frame.channel !== 'patients:search' || frame.input?.text !== 'Odongo') return null;
    held = true;
    return new Promise<void>(() => {});
  });
  await openPortal(page, server.url);
  await register(page, 'Apio', 'Odongo');
  await page.getByRole('link', { name: 'Find patient' }).click();
  await page.getByLabel('Name, clinic number, phone or ID').fill('Odongo');
  await expect.poll(() => held).toBe(true);

  await sockets.at(-1)?.close();
  await expect(page.getByRole('alert')).toContainText('The connection to the Kliniki core was lost');
  await expect(page.getByText('The connection to the Kliniki core was lost.')).toHaveCount(2);
  await screen(page, '18-connection-lost');

  // The bridge reconnects by itself; searching again works.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Apio Odongo' })).toBeVisible();
});
