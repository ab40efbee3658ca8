/**
 * What stands between an IPC message and the core. Pure (no electron import) so every refusal
 * is unit-tested; ipc.ts only supplies the sender verdict and the core.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../src-shared/errors';
import { MAX_MESSAGE_BYTES } from '../../src-shared/ipc/contract';
import { errorFields, type Logger } from './log';

export interface InvokeTarget {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

export const FORBIDDEN_ANSWER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Kliniki window and was refused.' },
};

/**
 * The size a message would have on the loopback bridge. Electron's IPC has no such limit, so the
 * same ceiling is applied here: both bindings refuse the same oversized input.
 */
export function messageBytes(channel: unknown, input: unknown): number | null {
  try {
    const text = JSON.stringify({ channel, input });
    return Buffer.byteLength(text ?? '', 'utf8');
  } catch {
    return null; // cyclic or otherwise not plain data: the core could not accept it either
  }
}

export async function guardedInvoke(
  core: InvokeTarget,
  trusted: boolean,
  channel: unknown,
  input: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!trusted) {
    log.warn('shell.ipc-forbidden', { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel });
    return FORBIDDEN_ANSWER;
  }
  const bytes = messageBytes(channel, input);
  if (bytes === null || bytes > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      error: { code: 'VALIDATION', message: 'The request was too large or not plain data, so it was refused.' },
    };
  }
  try {
    // The core validates the channel name and the input itself and never throws by contract;
    // the catch below is for the day it breaks that promise.
    return await core.invoke(channel as string, input);
  } catch (error) {
    const requestId = randomUUID();
    log.error('shell.ipc-threw', { requestId, channel: String(channel).slice(0, 64), ...errorFields(error) });
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Something went wrong inside Kliniki. Please try again; if it keeps happening, tell your administrator.',
        details: { requestId },
      },
    };
  }
}
