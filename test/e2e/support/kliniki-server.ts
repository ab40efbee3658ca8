/**
 * Starts the real core behind the loopback bridge (src-main/bridge/serve-web.ts) with a fresh
 * encrypted database in a temporary folder, and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READY = /Kliniki is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const START_TIMEOUT_MS = 30_000;

export interface KlinikiServer {
  /** Page address with the bridge token. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startKliniki(): Promise<KlinikiServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kliniki-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/bridge/serve-web.ts'], {
    cwd: ROOT,
    env: { ...process.env, KLINIKI_DATA_DIR: dataDir, KLINIKI_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await waitForUrl(child);
    return { url, dataDir, stop: () => stop(child, dataDir) };
  } catch (error) {
    await stop(child, dataDir);
    throw error;
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`Kliniki did not start within ${START_TIMEOUT_MS} ms.\n${stdout}\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kliniki exited with code ${code} before it was ready.\n${stdout}\n${stderr}`));
    });
  });
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(dataDir, { recursive: true, force: true });
}
