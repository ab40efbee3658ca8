/**
 * The shell's log: JSON lines in the user data folder (and on stderr during development).
 * Only ids, codes, counts and durations go here — never patient data.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export function errorData(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, detail: error.message, stack: error.stack };
  return { error: String(error) };
}

export function fileLogger(file: string, options: { echo: boolean }): Logger {
  let broken = false;
  const write = (level: LogLevel, message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, scope: 'shell', message, ...data });
    if (options.echo) process.stderr.write(`${line}\n`);
    if (broken) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Synchronous on purpose: the lines that matter most are the ones written just before exit.
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full or read-only disk must not take the app down with it; stop trying.
      broken = true;
    }
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
