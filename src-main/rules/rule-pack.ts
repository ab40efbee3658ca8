/**
 * Reads one rule pack: a FHIR R4 StructureDefinition (derivation constraint) whose differential
 * elements carry `constraint[]` — FHIR's own way of writing invariants. Packs come from the iCDR,
 * so they are untrusted input: sizes are bounded and every defect is reported and skipped, never
 * thrown. Expressions are kept as text here; they are compiled only in the rule worker.
 */
import type { RuleMessages, RuleProblem, RuleSeverity, RuleSource } from '../../src-shared/domain/rules';

export const RULES_TAG = {
  system: 'https://kliniki.org/fhir/CodeSystem/content-kind',
  code: 'validation-rules',
} as const;

const TRANSLATION_URL = 'http://hl7.org/fhir/StructureDefinition/translation';

/** Bounds on what one pack may hold; beyond them the pack or rule is skipped and reported. */
export const LIMITS = {
  packChars: 200_000,
  rulesPerPack: 100,
  packs: 50,
  expressionChars: 1_000,
  messageChars: 500,
} as const;

export interface Rule {
  /** `packUrl|key`: unique across packs, stable across versions of a pack. */
  id: string;
  key: string;
  packUrl: string;
  packVersion: string;
  packTitle: string;
  source: RuleSource;
  receivedAt: string | null;
  resourceType: string;
  /** Element the constraint sits on: `Patient` (the whole record) or e.g. `Patient.telecom`. */
  path: string;
  severity: RuleSeverity;
  expression: string;
  messages: RuleMessages;
}

export interface RulePack {
  url: string;
  version: string;
  title: string;
  source: RuleSource;
  receivedAt: string | null;
  rules: Rule[];
}

export interface ParsedPack {
  pack: RulePack | null;
  problems: RuleProblem[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function isRulePack(resource: unknown): boolean {
  if (!isObject(resource) || resource.resourceType !== 'StructureDefinition') return false;
  const tags = isObject(resource.meta) ? resource.meta.tag : undefined;
  return (
    Array.isArray(tags) &&
    tags.some((t: unknown) => isObject(t) && t.system === RULES_TAG.system && t.code === RULES_TAG.code)
  );
}

function translations(human: unknown): Omit<RuleMessages, 'en'> {
  const out: Omit<RuleMessages, 'en'> = {};
  const extensions = isObject(human) && Array.isArray(human.extension) ? human.extension : [];
  for (const ext of extensions.slice(0, 20)) {
    if (!isObject(ext) || ext.url !== TRANSLATION_URL || !Array.isArray(ext.extension)) continue;
    const parts = ext.extension.filter(isObject);
    const lang = parts.find((p) => p.url === 'lang')?.valueCode;
    const content = text(parts.find((p) => p.url === 'content')?.valueString);
    if (!content || content.length > LIMITS.messageChars) continue;
    // A regional tag (fr-CD, sw-TZ) still reads well for the nurse who chose the language.
    const base = typeof lang === 'string' ? lang.toLowerCase().split('-')[0] : '';
    if (base === 'fr' || base === 'sw') out[base] ??= content;
  }
  return out;
}

interface Origin {
  source: RuleSource;
  receivedAt: string | null;
  /** Shown when the pack has no title: the file name or the record id. */
  where: string;
}

function readConstraint(
  raw: unknown,
  path: string,
  resourceType: string,
  pack: Omit<RulePack, 'rules'>,
  problems: RuleProblem[],
): Rule | null {
  const problem = (key: string | null, message: string) => {
    problems.push({ source: pack.source, packTitle: pack.title, key, message });
    return null;
  };
  if (!isObject(raw)) return problem(null, 'A rule in this pack is not written as a rule and was skipped.');
  const key = text(raw.key);
  if (!key || key.length > 64) return problem(null, 'A rule in this pack has no usable name (key) and was skipped.');
  const severity = raw.severity;
  if (severity !== 'error' && severity !== 'warning') {
    return problem(key, 'This rule says neither “error” nor “warning”, so it was skipped.');
  }
  const human = text(raw.human);
  if (!human) return problem(key, 'This rule has no message for the nurse, so it was skipped.');
  if (human.length > LIMITS.messageChars)
    return problem(key, 'The message of this rule is too long, so it was skipped.');
  const expression = text(raw.expression);
  if (!expression) return problem(key, 'This rule has no check written in it, so it was skipped.');
  if (expression.length > LIMITS.expressionChars) {
    return problem(key, 'The check of this rule is too long to be run safely, so it was skipped.');
  }
  return {
    id: `${pack.url}|${key}`,
    key,
    packUrl: pack.url,
    packVersion: pack.version,
    packTitle: pack.title,
    source: pack.source,
    receivedAt: pack.receivedAt,
    resourceType,
    path,
    severity,
    expression,
    messages: { en: human, ...translations(raw._human) },
  };
}

export function parseRulePack(resource: unknown, origin: Origin): ParsedPack {
  const problems: RuleProblem[] = [];
  const fail = (message: string, title = origin.where): ParsedPack => ({
    pack: null,
    problems: [{ source: origin.source, packTitle: title, key: null, message }],
  });
  if (!isObject(resource) || resource.resourceType !== 'StructureDefinition') {
    return fail('This is not a rule pack (StructureDefinition), so it was skipped.');
  }
  if (JSON.stringify(resource).length > LIMITS.packChars) {
    return fail('This rule pack is too large to be used safely, so it was skipped.');
  }
  const title = text(resource.title) ?? text(resource.name) ?? origin.where;
  const url = text(resource.url);
  if (!url) return fail('This rule pack has no web address (url) to tell it apart, so it was skipped.', title);
  const type = text(resource.type);
  if (!type || !/^[A-Z][A-Za-z]{1,63}$/.test(type)) {
    return fail('This rule pack does not say which kind of record it checks, so it was skipped.', title);
  }
  const elements =
    isObject(resource.differential) && Array.isArray(resource.differential.element)
      ? resource.differential.element
      : [];
  const pack = {
    url,
    version: text(resource.version) ?? '0',
    title,
    source: origin.source,
    receivedAt: origin.receivedAt,
  };
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    if (!isObject(element) || !Array.isArray(element.constraint)) continue;
    const path = text(element.path);
    if (!path || !(path === type || path.startsWith(`${type}.`)) || !/^[A-Za-z.]{1,200}$/.test(path)) {
      problems.push({
        source: origin.source,
        packTitle: title,
        key: null,
        message: `Rules placed on “${String(element.path)}” do not belong to a ${type} record and were skipped.`,
      });
      continue;
    }
    for (const raw of element.constraint) {
      if (rules.length >= LIMITS.rulesPerPack) {
        problems.push({
          source: origin.source,
          packTitle: title,
          key: null,
          message: `This pack has more than ${LIMITS.rulesPerPack} rules; the rest were skipped.`,
        });
        return { pack: { ...pack, rules }, problems };
      }
      const rule = readConstraint(raw, path, type, pack, problems);
      if (!rule) continue;
      if (seen.has(rule.key)) {
        problems.push({
          source: origin.source,
          packTitle: title,
          key: rule.key,
          message: 'Two rules in this pack have the same name; the second was skipped.',
        });
        continue;
      }
      seen.add(rule.key);
      rules.push(rule);
    }
  }
  return { pack: { ...pack, rules }, problems };
}

/** Compares FHIR versions written as dotted numbers ("2026.2" > "2026.10" is false). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const diff = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
