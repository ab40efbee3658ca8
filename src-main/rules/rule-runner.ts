/**
 * Runs rules in the worker thread and waits for the answer synchronously, with a deadline.
 * Saves check their records inside their SQLite transaction, which cannot await; blocking on
 * shared memory for at most a few hundred milliseconds keeps that simple and still bounds a
 * runaway rule: past the deadline the worker is terminated (a fresh one starts on next use) and
 * the caller learns which rule was running.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SLOT, SLOT_COUNT, type FromRuleWorker, type RuleRequest, type ToRuleWorker } from './rule-protocol';

export interface RunnerLimits {
  /** How long the worker may take to start (loading the FHIRPath engine and R4 model). */
  startMs: number;
  /**
   * Budget for compiling a set of rules and trying each on an empty record: once per pack
   * change, and the first one also warms the engine up, so it gets room on a busy laptop.
   */
  loadMs: number;
  /** Budget for checking the records of one save: the longest a save can be held up. */
  requestMs: number;
  /** Heap of the worker: a rule building huge collections ends the worker, not the app. */
  heapMb: number;
}

/** After a failed start, saves go unchecked (and say so in Settings) this long before a retry. */
const START_RETRY_MS = 5 * 60_000;

export const DEFAULT_LIMITS: RunnerLimits = { startMs: 20_000, loadMs: 5_000, requestMs: 1_000, heapMb: 96 };

export type RunResult =
  | { ok: true; reply: FromRuleWorker }
  /** `position`: the rule (in request order) that was running; null if the worker never started. */
  | { ok: false; position: number | null };

interface Live {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
}

function spawn(limits: RunnerLimits): Live {
  const shared = new SharedArrayBuffer(SLOT_COUNT * Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  const data = { port: port2, shared };
  const options = {
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  };
  // From sources (tests, `npm run web`) the worker is TypeScript; bundled, it is plain JS.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(new URL('../sync/dev-worker-boot.mjs', import.meta.url), {
        ...options,
        workerData: { ...data, entry: new URL('./rule-worker.ts', import.meta.url).href },
      })
    : new Worker(new URL('./rule-worker.js', import.meta.url), { ...options, workerData: data });
  worker.unref();
  // A worker that dies (heap limit) is noticed by the deadline; the event only must not crash us.
  worker.on('error', () => undefined);
  return { worker, port: port1, state: new Int32Array(shared) };
}

export class RuleRunner {
  private live: Live | null = null;
  private seq = 0;
  /** The rule set the worker holds compiled (whoever loaded last); a shared worker serves several. */
  loadedBy: object | null = null;
  /** When a worker last failed to start: saves must not each wait for another failing start. */
  private failedStartAt: number | null = null;

  constructor(private readonly limits: RunnerLimits = DEFAULT_LIMITS) {}

  /** True when a worker is up (a fresh one may be started and waited for). */
  private ensure(): Live | null {
    if (this.live) return this.live;
    if (this.failedStartAt !== null && performance.now() - this.failedStartAt < START_RETRY_MS) return null;
    const live = spawn(this.limits);
    if (Atomics.wait(live.state, SLOT.ready, 0, this.limits.startMs) === 'timed-out') {
      void live.worker.terminate();
      this.failedStartAt = performance.now();
      return null;
    }
    this.failedStartAt = null;
    this.live = live;
    return live;
  }

  /** Whether the worker is running: a new one must be given the rules again before evaluating. */
  get fresh(): boolean {
    return this.live === null;
  }

  request(message: RuleRequest): RunResult {
    const live = this.ensure();
    if (!live) return { ok: false, position: null };
    const seq = ++this.seq;
    Atomics.store(live.state, SLOT.position, -1);
    live.port.postMessage({ ...message, seq } satisfies ToRuleWorker);
    const deadline = performance.now() + (message.type === 'load' ? this.limits.loadMs : this.limits.requestMs);
    for (;;) {
      const done = Atomics.load(live.state, SLOT.done);
      if (done === seq) break;
      const left = deadline - performance.now();
      if (left <= 0) {
        const at = Atomics.load(live.state, SLOT.position);
        const position = at < 0 ? null : at;
        this.stop();
        return { ok: false, position };
      }
      Atomics.wait(live.state, SLOT.done, done, left);
    }
    const received = receiveMessageOnPort(live.port);
    if (!received) {
      this.stop();
      return { ok: false, position: null };
    }
    return { ok: true, reply: received.message as FromRuleWorker };
  }

  stop(): void {
    this.loadedBy = null;
    if (!this.live) return;
    void this.live.worker.terminate();
    this.live.port.close();
    this.live = null;
  }
}
