/**
 * The loopback binding of the core: the same `invoke` and events as Electron's IPC, over a
 * WebSocket, so the UI runs in an ordinary browser for tests and development. It listens on
 * 127.0.0.1 only, demands a random per-run token, and accepts pages from its own origin only:
 * another web page open in the same browser cannot reach patient data.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { EVENT_NAMES, MAX_MESSAGE_BYTES } from '../../src-shared/ipc/contract';
import type { Core } from '../core';
import { readStatic } from './static-files';

export interface BridgeOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** Built renderer to serve over HTTP; without it only the WebSocket is offered. */
  staticDir?: string;
}

export interface Bridge {
  port: number;
  token: string;
  /** The address to open in a browser, token included. */
  url: string;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function allowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** A frame's text, whichever of its three shapes ws hands over. */
export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const server: Server = createServer((req, res) => {
    void (async () => {
      const file =
        options.staticDir && req.method === 'GET' ? await readStatic(options.staticDir, req.url ?? '/') : null;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res
        .writeHead(200, {
          'content-type': file.type,
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        })
        .end(file.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const wss = new WebSocketServer({
    server,
    path: '/ipc',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }: { req: IncomingMessage }) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return allowedOrigin(req.headers.origin, port) && sameToken(url.searchParams.get('token'), token);
    },
  });

  wss.on('connection', (socket: WebSocket) => {
    const unsubscribe = EVENT_NAMES.map((event) =>
      options.core.on(event, (payload) => socket.send(JSON.stringify({ event, payload }))),
    );
    socket.on('close', () => unsubscribe.forEach((off) => off()));
    // An oversized or malformed frame closes that connection only; unhandled, it would end the process.
    socket.on('error', () => socket.terminate());
    socket.on('message', (data) => {
      void (async () => {
        let message: { id?: unknown; channel?: unknown; input?: unknown };
        try {
          message = JSON.parse(rawText(data)) as typeof message;
        } catch {
          return socket.send(
            JSON.stringify({
              id: null,
              result: { ok: false, error: { code: 'VALIDATION', message: 'The request could not be read.' } },
            }),
          );
        }
        const id = typeof message.id === 'number' ? message.id : null;
        const result = await options.core.invoke(message.channel, message.input);
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, result }));
      })();
    });
  });

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  };
}
