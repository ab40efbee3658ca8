/**
 * Talks to the running core over the bridge from the test itself, the way a second window would:
 * to prepare many records quickly or to change data behind the page's back.
 */
import WebSocket from 'ws';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/ipc/contract';
import type { Result } from '../../../src-shared/errors';

export interface CoreClient {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): void;
}

export async function connectCore(pageUrl: string): Promise<CoreClient> {
  const page = new URL(pageUrl);
  const socket = new WebSocket(`ws://${page.host}/ipc?token=${page.searchParams.get('token') ?? ''}`, {
    origin: page.origin,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse((data as Buffer).toString('utf8')) as { id?: number; result?: Result<unknown> };
    if (typeof frame.id === 'number' && frame.result) pending.get(frame.id)?.(frame.result);
  });
  return {
    async invoke(channel, input) {
      const id = nextId++;
      const result = await new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, input }));
      });
      pending.delete(id);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    close: () => socket.close(),
  };
}
