/**
 * The rule worker thread: compiles FHIRPath rules once per loaded set and evaluates them. It is
 * a separate thread because FHIRPath evaluation is synchronous: a rule written (by mistake or
 * not) to run for minutes cannot be interrupted in the thread that runs it, but this thread can
 * be terminated. Only FHIRPath is evaluated; nothing from a rule is ever run as code, and no
 * terminology or server URL is given to the engine, so a rule cannot reach the network.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import {
  SLOT,
  type EvalItem,
  type FromRuleWorker,
  type RuleOutcome,
  type ToRuleWorker,
  type WorkerRule,
} from './rule-protocol';

const { port, shared } = workerData as { port: MessagePort; shared: SharedArrayBuffer };

/**
 * today() and now() must read the core's clock, not this thread's: the core's clock is the one
 * records are dated with (and tests move it). fhirpath.js reads `new Date()` at the start of each
 * evaluation; this thread runs nothing else, so its Date is pointed at the save's time.
 */
const SystemDate = Date;
let clock: number | null = null;
class CoreClockDate extends SystemDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(clock ?? SystemDate.now());
    else super(...args);
  }
  static override now(): number {
    return clock ?? SystemDate.now();
  }
}
globalThis.Date = CoreClockDate as DateConstructor;
const state = new Int32Array(shared);

type Compiled = (resource: unknown, env: Record<string, unknown>) => unknown;
let compiled = new Map<string, { rule: WorkerRule; fn: Compiled }>();

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Not implemented/i.test(message)) {
    return 'The check uses a function Kliniki does not know, so the rule was skipped.';
  }
  if (/undefined environment variable/i.test(message)) {
    return 'The check uses a value Kliniki does not provide (only %resource and %patient exist), so the rule was skipped.';
  }
  if (/mismatched input|extraneous input|no viable alternative|token recognition|missing/i.test(message)) {
    return 'The check is not written correctly (it cannot be read as FHIRPath), so the rule was skipped.';
  }
  return 'The check could not be worked out, so the rule was skipped.';
}

/**
 * A rule on an element (Patient.telecom) holds for each occurrence of it: select() evaluates the
 * check with each occurrence as its focus, as FHIR evaluates constraints on elements.
 */
function source(rule: WorkerRule): string {
  return rule.subPath === '' ? rule.expression : `${rule.subPath}.select(${rule.expression})`;
}

function outcome(fn: Compiled, resource: unknown, patient: unknown): RuleOutcome {
  let result: unknown;
  try {
    result = fn(resource, { resource, patient: patient ?? [] });
  } catch (error) {
    return { kind: 'broken', reason: describe(error) };
  }
  const values = Array.isArray(result) ? result : [result];
  if (values.some((v) => typeof v !== 'boolean')) {
    return { kind: 'broken', reason: 'The check does not answer yes or no, so the rule was skipped.' };
  }
  return values.includes(false) ? { kind: 'fail' } : { kind: 'pass' };
}

function load(rules: WorkerRule[]): Record<string, string> {
  const broken: Record<string, string> = {};
  clock = null;
  compiled = new Map();
  rules.forEach((rule, position) => {
    Atomics.store(state, SLOT.position, position);
    let fn: Compiled;
    try {
      // The rule alone first: a syntax error must not hide behind the select() wrapper.
      fhirpath.compile(rule.expression, r4);
      fn = fhirpath.compile(source(rule), r4) as Compiled;
    } catch (error) {
      broken[rule.id] = describe(error);
      return;
    }
    // A dry run on an empty record finds unknown functions and variables before any save.
    const dry = { resourceType: rule.resourceType };
    const result = outcome(fn, dry, null);
    if (result.kind === 'broken') broken[rule.id] = result.reason;
    else compiled.set(rule.id, { rule, fn });
  });
  return broken;
}

function evaluate(items: EvalItem[], now: number): Record<string, RuleOutcome>[] {
  let position = 0;
  clock = now;
  return items.map((item) => {
    const results: Record<string, RuleOutcome> = {};
    for (const id of item.ruleIds) {
      Atomics.store(state, SLOT.position, position++);
      const entry = compiled.get(id);
      results[id] = entry ? outcome(entry.fn, item.resource, item.patient) : { kind: 'broken', reason: 'unknown' };
    }
    return results;
  });
}

function reply(message: FromRuleWorker): void {
  port.postMessage(message);
  Atomics.store(state, SLOT.done, message.seq);
  Atomics.notify(state, SLOT.done);
}

port.on('message', (message: ToRuleWorker) => {
  if (message.type === 'load') reply({ type: 'loaded', seq: message.seq, broken: load(message.rules) });
  else reply({ type: 'evaluated', seq: message.seq, results: evaluate(message.items, message.now) });
});

Atomics.store(state, SLOT.ready, 1);
Atomics.notify(state, SLOT.ready);
