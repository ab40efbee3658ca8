import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawText, startBridge, type Bridge } from '../../src-main/bridge/ws-bridge';
import { resolveStaticPath } from '../../src-main/bridge/static-files';
import { childDraft, startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore;
let bridge: Bridge;
const site = tempDir('kliniki-site-');

beforeAll(async () => {
  t = await startTestCore();
  mkdirSync(join(site.path, 'assets'));
  writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>Kliniki</title>');
  bridge = await startBridge({ core: t.core, staticDir: site.path });
});
afterAll(async () => {
  await bridge.close();
  t.close();
  site.remove();
});

function connect(token: string, origin = `http://127.0.0.1:${bridge.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/ipc?token=${encodeURIComponent(token)}`, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function request(
  socket: WebSocket,
  id: number,
  channel: string,
  input: unknown,
): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(rawText(data)) as { id?: number };
      if (message.id === id) {
        socket.off('message', onMessage);
        resolve(message as never);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, channel, input }));
  });
}

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 and serves the UI with a strict CSP', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const response = await fetch(`http://127.0.0.1:${bridge.port}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`http://127.0.0.1:${bridge.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses a connection without the right token', async () => {
    await expect(connect('wrong-token')).rejects.toThrow(/401/);
    await expect(connect('')).rejects.toThrow(/401/);
  });

  it('refuses a page from another origin, even with the token', async () => {
    await expect(connect(bridge.token, 'http://evil.example')).rejects.toThrow(/401/);
  });

  it('answers calls and pushes events to the page', async () => {
    const socket = await connect(bridge.token);
    const events: unknown[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(rawText(data)) as { event?: string };
      if (message.event) events.push(message);
    });
    const status = await request(socket, 1, 'app:get-status', {});
    expect(status.result.ok).toBe(true);
    const saved = await request(socket, 2, 'patients:register', { draft: childDraft() });
    expect(saved.result.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toContainEqual(expect.objectContaining({ event: 'db:changed' }));
    const unknown = await request(socket, 3, 'fs:read-file', { path: '/etc/passwd' });
    expect(unknown.result.error?.code).toBe('VALIDATION');
    socket.close();
  });

  it('drops a connection that sends an oversized frame, and stays up', async () => {
    const socket = await connect(bridge.token);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ id: 1, channel: 'patients:search', input: { text: 'x'.repeat(1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const again = await connect(bridge.token);
    expect((await request(again, 1, 'app:get-status', {})).result.ok).toBe(true);
    again.close();
  });

  it('resolves static paths inside the UI folder only', () => {
    expect(resolveStaticPath('/srv/ui', '/')).toBe('/srv/ui/index.html');
    expect(resolveStaticPath('/srv/ui', '/assets/app.js?v=1')).toBe('/srv/ui/assets/app.js');
    expect(resolveStaticPath('/srv/ui', '/../secret')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/%2e%2e/secret')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/%E0%A4%A')).toBeNull();
  });
});
