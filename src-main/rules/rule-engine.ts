/**
 * The rules in force and their evaluation. Rules are compiled in the worker once per set of
 * packs (re-sent when a pack changes or the worker was restarted). A rule that cannot be read,
 * throws, answers something other than yes/no, or runs past the deadline is reported (settings
 * page, log) and skipped from then on; it never stops a save.
 */
import type { RuleProblem, RulesOverview } from '../../src-shared/domain/rules';
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Logger } from '../log/logger';
import type { Sqlite } from '../store/client';
import type { Rule } from './rule-pack';
import type { EvalItem, RuleOutcome, WorkerRule } from './rule-protocol';
import { DEFAULT_LIMITS, RuleRunner, type RunnerLimits } from './rule-runner';
import { centralChangeKey, choosePacks, loadCentralPacks, loadDefaultPacks, type LoadedPacks } from './rule-sources';

export interface CheckItem {
  resource: FhirResource;
  patient: FhirResource | null;
}

export interface Failure {
  rule: Rule;
  /** Index of the checked item the rule failed on. */
  item: number;
}

/** After this many runaway rules in one save, the rest of its checks are skipped. */
const MAX_RESTARTS_PER_CHECK = 3;

const TOO_LONG = 'The check took too long to work out, so the rule was skipped.';
const NOT_STARTED = 'The checks on entries could not be started on this laptop; entries are saved without them.';

interface RuleSet {
  key: string;
  rules: Rule[];
  byId: Map<string, Rule>;
  problems: RuleProblem[];
  /** Rule id → why it is skipped; grows as rules misbehave. */
  broken: Map<string, string>;
  /** Whether the running worker holds this set compiled. */
  loaded: boolean;
}

function toWorker(rule: Rule): WorkerRule {
  return {
    id: rule.id,
    resourceType: rule.resourceType,
    subPath: rule.path === rule.resourceType ? '' : rule.path.slice(rule.resourceType.length + 1),
    expression: rule.expression,
  };
}

let shared: RuleRunner | null = null;
function sharedRunner(): RuleRunner {
  shared ??= new RuleRunner(DEFAULT_LIMITS);
  return shared;
}

export class RuleEngine {
  private readonly runner: RuleRunner;
  private readonly ownRunner: boolean;
  private defaults: LoadedPacks | null = null;
  private set: RuleSet | null = null;
  private startProblem: string | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly resourcesDir: string,
    private readonly log: Logger,
    limits?: RunnerLimits,
  ) {
    // One worker per process serves every core in it (tests start many); a core asking for
    // other limits gets its own.
    this.ownRunner = limits !== undefined;
    this.runner = limits ? new RuleRunner(limits) : sharedRunner();
  }

  private current(): RuleSet {
    const key = centralChangeKey(this.sqlite);
    if (this.set?.key === key) return this.set;
    this.defaults ??= loadDefaultPacks(this.resourcesDir);
    const central = loadCentralPacks(this.sqlite);
    const packs = choosePacks(this.defaults.packs, central.packs);
    const rules = packs.flatMap((p) => p.rules);
    this.set = {
      key,
      rules,
      byId: new Map(rules.map((r) => [r.id, r])),
      problems: [...this.defaults.problems, ...central.problems],
      broken: new Map(),
      loaded: false,
    };
    for (const problem of this.set.problems) {
      this.log.warn('rules.pack-problem', { source: problem.source, key: problem.key });
    }
    return this.set;
  }

  private skip(set: RuleSet, rule: Rule, reason: string): void {
    if (set.broken.has(rule.id)) return;
    set.broken.set(rule.id, reason);
    this.log.warn('rules.skipped', { rule: rule.id, reason });
  }

  private usable(set: RuleSet): Rule[] {
    return set.rules.filter((r) => !set.broken.has(r.id));
  }

  /** Compiles the set in the worker; false when the worker cannot be started at all. */
  private load(set: RuleSet): boolean {
    if (set.loaded && !this.runner.fresh && this.runner.loadedBy === set) return true;
    for (let attempt = 0; attempt <= MAX_RESTARTS_PER_CHECK; attempt++) {
      const rules = this.usable(set);
      const result = this.runner.request({ type: 'load', rules: rules.map(toWorker) });
      if (result.ok && result.reply.type === 'loaded') {
        for (const [id, reason] of Object.entries(result.reply.broken)) {
          const rule = set.byId.get(id);
          if (rule) this.skip(set, rule, reason);
        }
        set.loaded = true;
        this.runner.loadedBy = set;
        this.startProblem = null;
        return true;
      }
      if (result.ok || result.position === null) break;
      const culprit = rules[result.position];
      if (culprit) this.skip(set, culprit, TOO_LONG);
    }
    this.startProblem = NOT_STARTED;
    this.log.error('rules.not-started', {});
    return false;
  }

  /** The rules the records of one save fail. Never throws for a rule's sake. */
  check(items: CheckItem[], now: Date = new Date()): Failure[] {
    const set = this.current();
    if (set.rules.length === 0 || items.length === 0) return [];
    for (let attempt = 0; attempt <= MAX_RESTARTS_PER_CHECK; attempt++) {
      if (!this.load(set)) return [];
      const order: Rule[] = [];
      const evalItems: EvalItem[] = items.map(({ resource, patient }) => {
        const rules = this.usable(set).filter((r) => r.resourceType === resource.resourceType);
        order.push(...rules);
        return { resource, patient, ruleIds: rules.map((r) => r.id) };
      });
      if (order.length === 0) return [];
      const result = this.runner.request({ type: 'eval', items: evalItems, now: now.getTime() });
      if (!result.ok) {
        set.loaded = false;
        const culprit = result.position === null ? undefined : order[result.position];
        if (culprit) this.skip(set, culprit, TOO_LONG);
        continue;
      }
      if (result.reply.type !== 'evaluated') return [];
      return this.failures(set, result.reply.results);
    }
    return [];
  }

  private failures(set: RuleSet, results: Record<string, RuleOutcome>[]): Failure[] {
    const failures: Failure[] = [];
    results.forEach((outcomes, item) => {
      for (const [id, outcome] of Object.entries(outcomes)) {
        const rule = set.byId.get(id);
        if (!rule) continue;
        if (outcome.kind === 'broken') this.skip(set, rule, outcome.reason);
        else if (outcome.kind === 'fail') failures.push({ rule, item });
      }
    });
    return failures;
  }

  /** For the settings page: the rules in force and every problem met so far. */
  overview(): RulesOverview {
    const set = this.current();
    // Compiling here too lets a broken central rule show before anyone saves a record.
    this.load(set);
    const problems: RuleProblem[] = [...set.problems];
    for (const [id, reason] of set.broken) {
      const rule = set.byId.get(id);
      if (rule) problems.push({ source: rule.source, packTitle: rule.packTitle, key: rule.key, message: reason });
    }
    if (this.startProblem)
      problems.push({ source: 'default', packTitle: 'Kliniki', key: null, message: this.startProblem });
    return {
      rules: this.usable(set).map((r) => ({
        ruleId: r.id,
        key: r.key,
        severity: r.severity,
        messages: r.messages,
        resourceType: r.resourceType,
        expression: r.expression,
        source: r.source,
        packTitle: r.packTitle,
        packVersion: r.packVersion,
        receivedAt: r.receivedAt,
      })),
      problems,
    };
  }

  close(): void {
    if (this.ownRunner) this.runner.stop();
    else if (this.runner.loadedBy === this.set) this.runner.loadedBy = null;
  }
}
