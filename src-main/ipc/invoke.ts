/**
 * The one door into the core for every binding (Electron, loopback bridge, tests): checks the
 * channel name, validates the input against the contract, and turns every outcome into a
 * Result. Nothing is thrown across the boundary; unexpected errors are logged here with a
 * request id and reach the caller as INTERNAL with that id only.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type Result } from '../../src-shared/errors';
import { contract, isChannel, type Channel } from '../../src-shared/ipc/contract';
import type { Handlers } from './handler-types';
import type { Logger } from '../log/logger';

function describeIssues(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const path = issue.path.map(String).join('.') || '(input)';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function makeInvoke(handlers: Handlers, log: Logger) {
  return async function invoke(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'This request is not one Kliniki knows.' } };
    }
    const started = performance.now();
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      log.warn('ipc.invalid-input', { channel, issues: parsed.error.issues.length });
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Some of the information sent was not valid.',
          details: { fields: describeIssues(parsed.error) },
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      log.debug('ipc.ok', { channel, ms: Math.round(performance.now() - started) });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        log.info('ipc.refused', { channel, code: error.code });
        return { ok: false, error: error.toWire() };
      }
      const requestId = randomUUID();
      log.error('ipc.internal', {
        channel,
        requestId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Something went wrong inside Kliniki and nothing was changed. If it happens again, tell your support contact the code ${requestId.slice(0, 8)}.`,
          details: { requestId },
        },
      };
    }
  };
}

export type Invoke = ReturnType<typeof makeInvoke>;
export type { Channel };
