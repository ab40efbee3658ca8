/**
 * Structured logs as JSON lines in the data folder. Ids, counts and durations only: callers
 * never pass patient data, and nothing here formats records.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function fileLogger(folder: string, minLevel: Level = 'info'): Logger {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'kliniki.log');
  const write = (level: Level, event: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    try {
      appendFileSync(file, `${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
    } catch {
      // A full disk must not take the clinic down with it; the log is not the record.
    }
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
