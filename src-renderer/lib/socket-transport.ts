/**
 * The loopback WebSocket bridge: the same calls and events as the Electron preload, carried as
 * JSON frames. Used when the renderer runs in an ordinary browser (tests, UI development).
 */
import { AppError, type Result } from '../../src-shared/errors';
import type { KlinikiBridge } from '../env';

type Pending = { resolve: (r: Result<unknown>) => void; reject: (e: AppError) => void };
export type ConnectionState = 'connecting' | 'open' | 'lost';

const TOKEN_KEY = 'kliniki.bridgeToken';
const LOST_MESSAGE = 'The connection to the Kliniki core was lost.';
const BACKOFF_MS = [250, 500, 1000, 2000, 4000];

/**
 * The token arrives once in the page URL. It is kept for this tab only (so a reload works) and
 * removed from the address bar so it does not end up in screenshots or history.
 */
export function takeBridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export class SocketTransport implements KlinikiBridge {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private readonly pending = new Map<number, Pending>();
  /** Frames written while the socket was not open, sent as soon as it is. */
  private readonly queue: { id: number; frame: string }[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly url: string) {
    this.connect();
  }

  invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    const frame = JSON.stringify({ id, channel, input });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
      else this.queue.push({ id, frame });
    });
  }

  on(event: string, cb: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  onStateChange(cb: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(cb);
    return () => this.stateListeners.delete(cb);
  }

  private setState(state: ConnectionState): void {
    for (const cb of this.stateListeners) cb(state);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
      for (const { frame } of this.queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failAll();
      this.setState('lost');
      const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] ?? 4000;
      this.attempt++;
      setTimeout(() => this.connect(), delay);
    };
  }

  /** Nothing sent on a dropped connection can be known to have arrived: its caller must decide. */
  private failAll(): void {
    this.queue.length = 0;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(new AppError('INTERNAL', LOST_MESSAGE));
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const f = frame as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
    if (typeof f.id === 'number') {
      const call = this.pending.get(f.id);
      if (!call) return;
      this.pending.delete(f.id);
      call.resolve(f.result as Result<unknown>);
    } else if (typeof f.event === 'string') {
      for (const cb of this.listeners.get(f.event) ?? []) cb(f.payload);
    }
  }
}
