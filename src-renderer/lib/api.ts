/**
 * Typed access to the core. Every call goes through `invoke`, which turns a `{ ok: false }`
 * answer into a thrown AppError so that UI code can branch on `error.code`.
 */
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../src-shared/ipc/contract';
import { AppError, isAppError, type Result } from '../../src-shared/errors';
import type { KlinikiBridge } from '../env';
import { SocketTransport, takeBridgeToken, type ConnectionState } from './socket-transport';

let transport: KlinikiBridge | null = null;
let socket: SocketTransport | null = null;

function current(): KlinikiBridge {
  if (transport) return transport;
  if (window.kliniki) return (transport = window.kliniki);
  const token = takeBridgeToken();
  if (!token) {
    throw new AppError(
      'INTERNAL',
      'This page was opened without its access key. Open Kliniki from the link it printed when it started.',
    );
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new SocketTransport(`${scheme}://${window.location.host}/ipc?token=${encodeURIComponent(token)}`);
  return (transport = socket);
}

/** Channels where UNAUTHENTICATED means "wrong credentials", not "the session has ended". */
const SIGN_IN_CHANNELS: ReadonlySet<Channel> = new Set(['auth:unlock', 'auth:create-first-user']);
const sessionEndedListeners = new Set<() => void>();

/** Called when any call is refused because the session is locked. */
export function onSessionEnded(cb: () => void): () => void {
  sessionEndedListeners.add(cb);
  return () => sessionEndedListeners.delete(cb);
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  // Captured before the await so the thrown error points at the caller, not at the transport.
  const callSite = new Error();
  let result: Result<unknown>;
  try {
    result = await current().invoke(channel, input);
  } catch (cause) {
    const error = isAppError(cause)
      ? cause
      : new AppError('INTERNAL', 'Kliniki could not reach its core. Please try again.');
    throw withStack(error, callSite);
  }
  if (result.ok) return result.value as ChannelOutput<C>;
  const error = withStack(AppError.fromWire(result.error), callSite);
  if (error.code === 'UNAUTHENTICATED' && !SIGN_IN_CHANNELS.has(channel)) {
    for (const cb of sessionEndedListeners) cb();
  }
  throw error;
}

function withStack(error: AppError, callSite: Error): AppError {
  const frames = callSite.stack?.split('\n').slice(1).join('\n');
  if (frames) error.stack = `${error.name}: ${error.message}\n${frames}`;
  return error;
}

export function on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  try {
    return current().on(event, (payload) => cb(payload as EventPayload<E>));
  } catch {
    return () => {};
  }
}

/** Only the browser bridge can drop; the Electron preload reports nothing here. */
export function onConnectionState(cb: (state: ConnectionState) => void): () => void {
  try {
    current();
  } catch {
    return () => {};
  }
  return socket ? socket.onStateChange(cb) : () => {};
}
