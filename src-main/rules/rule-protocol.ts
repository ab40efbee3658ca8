/**
 * Messages between the core and the rule worker. Replies travel on a MessagePort the core reads
 * synchronously (receiveMessageOnPort) after waiting on shared memory, so a save can check its
 * records inside its SQLite transaction and still give up on a rule that runs too long.
 */

/** Slots of the shared Int32Array. */
export const SLOT = {
  /** Sequence number of the last request the worker finished. */
  done: 0,
  /** 1 once the worker has loaded the FHIRPath engine. */
  ready: 1,
  /** Position (in request order) of the rule being evaluated: names the culprit of a timeout. */
  position: 2,
} as const;
export const SLOT_COUNT = 3;

export interface WorkerRule {
  id: string;
  /** Element below the resource the rule applies to ('' for the whole record), e.g. `telecom`. */
  subPath: string;
  expression: string;
  resourceType: string;
}

export interface EvalItem {
  resource: unknown;
  /** The patient the record is about, for %patient; null when there is none or it is unknown. */
  patient: unknown;
  ruleIds: string[];
}

/** `now`: the core's clock (ms), which today() and now() in rules read. */
export type RuleRequest = { type: 'load'; rules: WorkerRule[] } | { type: 'eval'; items: EvalItem[]; now: number };
export type ToRuleWorker = RuleRequest & { seq: number };

/** pass: true or empty; fail: false; broken: the rule could not be evaluated (why, in words). */
export type RuleOutcome = { kind: 'pass' } | { kind: 'fail' } | { kind: 'broken'; reason: string };

export type FromRuleWorker =
  | { type: 'loaded'; seq: number; broken: Record<string, string> }
  | { type: 'evaluated'; seq: number; results: Record<string, RuleOutcome>[] };
