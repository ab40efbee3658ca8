/**
 * Reads an immunization schedule published as FHIR R4 resources: one PlanDefinition per antigen
 * series, one action per dose, each action pointing (definitionCanonical) at an ActivityDefinition
 * whose productCodeableConcept lists the vaccine codes that count. Recommended age is the action's
 * timingAge, the minimum interval its relatedAction offset, and minimum/maximum age and dose number
 * are Kliniki extensions (R4 has no element for them).
 *
 * The schedule comes from the iCDR, so it is untrusted: its size is bounded, every field is checked,
 * and a series with any problem is reported in words and left out rather than half-used. Nothing
 * here throws for a bad schedule.
 */
import {
  approximateDays,
  type DoseRule,
  type ParsedSchedule,
  type ScheduleProblem,
  type SeriesDefinition,
  type Span,
  type SpanUnit,
  type VaccineCode,
} from './schedule-model';

export const EXTENSION_BASE = 'https://kliniki.org/fhir/StructureDefinition/';
export const DOSE_NUMBER_URL = `${EXTENSION_BASE}immunization-dose-number`;
export const MINIMUM_AGE_URL = `${EXTENSION_BASE}immunization-minimum-age`;
export const MAXIMUM_AGE_URL = `${EXTENSION_BASE}immunization-maximum-age`;

export const MAX_SCHEDULE_CHARS = 1_000_000;
export const MAX_ENTRIES = 400;
const MAX_DOSES = 12;
const MAX_CODES = 40;
const MAX_TEXT = 500;
const MAX_AGE_DAYS = 120 * 365.25;
const UCUM = 'http://unitsofmeasure.org';
const UNITS: readonly SpanUnit[] = ['d', 'wk', 'mo', 'a'];
const INTERVAL_RELATIONSHIPS = new Set(['after-end', 'after', 'after-start']);

type Json = Record<string, unknown>;

class EntryProblem extends Error {}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(obj: Json, key: string, label: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') throw new EntryProblem(`${label} is missing.`);
  if (value.length > MAX_TEXT) throw new EntryProblem(`${label} is longer than ${MAX_TEXT} characters.`);
  return value.trim();
}

function optionalText(obj: Json, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT ? value.trim() : undefined;
}

function list(obj: Json, key: string, label: string, max: number): unknown[] {
  const value = obj[key] ?? [];
  if (!Array.isArray(value)) throw new EntryProblem(`${label} is not a list.`);
  if (value.length > max) throw new EntryProblem(`${label} has ${value.length} items; at most ${max} are allowed.`);
  return value;
}

function span(value: unknown, label: string): Span {
  if (!isObject(value)) throw new EntryProblem(`${label} is missing.`);
  const amount = value.value;
  const unit = value.code;
  if (value.system !== undefined && value.system !== UCUM) {
    throw new EntryProblem(`${label} must use UCUM units (${UCUM}).`);
  }
  if (typeof unit !== 'string' || !UNITS.includes(unit as SpanUnit)) {
    throw new EntryProblem(`${label} must be in days (d), weeks (wk), months (mo) or years (a).`);
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
    throw new EntryProblem(`${label} must be a whole number of at least 0.`);
  }
  const result: Span = { value: amount, unit: unit as SpanUnit };
  if (approximateDays(result) > MAX_AGE_DAYS) throw new EntryProblem(`${label} is longer than 120 years.`);
  return result;
}

function extension(action: Json, url: string): Json | undefined {
  const extensions = list(action, 'extension', 'The extensions', 20);
  const matches = extensions.filter((e): e is Json => isObject(e) && e.url === url);
  if (matches.length > 1) throw new EntryProblem(`The extension ${url} appears more than once.`);
  return matches[0];
}

function stripVersion(canonical: string): string {
  const bar = canonical.indexOf('|');
  return bar === -1 ? canonical : canonical.slice(0, bar);
}

function readVaccineCodes(activity: Json): { codes: VaccineCode[]; text: string } {
  if (activity.status !== 'active') throw new EntryProblem(`Its status is "${String(activity.status)}", not active.`);
  const product = activity.productCodeableConcept;
  if (!isObject(product)) throw new EntryProblem('It names no vaccine (productCodeableConcept).');
  const codes = list(product, 'coding', 'The vaccine codes', MAX_CODES).map((coding, i) => {
    if (!isObject(coding)) throw new EntryProblem(`Vaccine code ${i + 1} is not a coding.`);
    const code: VaccineCode = {
      system: text(coding, 'system', `The system of vaccine code ${i + 1}`),
      code: text(coding, 'code', `Vaccine code ${i + 1}`),
    };
    const display = optionalText(coding, 'display');
    if (display !== undefined) code.display = display;
    return code;
  });
  if (codes.length === 0) throw new EntryProblem('It lists no vaccine codes.');
  return { codes, text: optionalText(product, 'text') ?? codes[0]?.display ?? codes[0]?.code ?? '' };
}

type Activities = Map<string, { codes: VaccineCode[]; text: string }>;

function readDose(action: unknown, index: number, previous: DoseRule | undefined): DoseRule {
  const label = `Dose ${index + 1}`;
  if (!isObject(action)) throw new EntryProblem(`${label} is not an action.`);
  const id = text(action, 'id', `The id of ${label.toLowerCase()}`);
  const numberExt = extension(action, DOSE_NUMBER_URL);
  const doseNumber = numberExt?.valuePositiveInt ?? numberExt?.valueUnsignedInt ?? numberExt?.valueInteger;
  if (typeof doseNumber !== 'number' || !Number.isInteger(doseNumber) || doseNumber < 0 || doseNumber > 99) {
    throw new EntryProblem(`${label} (${id}) has no dose number.`);
  }
  if (previous && doseNumber <= previous.doseNumber) {
    throw new EntryProblem(`${label} (${id}) has dose number ${doseNumber}, not after ${previous.doseNumber}.`);
  }
  const rule: DoseRule = {
    id,
    doseNumber,
    title: optionalText(action, 'title') ?? `Dose ${doseNumber}`,
    recommendedAge: span(action.timingAge, `The recommended age (timingAge) of ${id}`),
    minimumAge: span(extension(action, MINIMUM_AGE_URL)?.valueAge, `The minimum age of ${id}`),
  };
  const maxExt = extension(action, MAXIMUM_AGE_URL);
  if (maxExt) rule.maximumAge = span(maxExt.valueAge, `The maximum age of ${id}`);
  if (approximateDays(rule.minimumAge) > approximateDays(rule.recommendedAge)) {
    throw new EntryProblem(`The minimum age of ${id} is after its recommended age.`);
  }
  if (rule.maximumAge && approximateDays(rule.maximumAge) <= approximateDays(rule.recommendedAge)) {
    throw new EntryProblem(`The maximum age of ${id} is not after its recommended age.`);
  }
  const related = list(action, 'relatedAction', `The related actions of ${id}`, 4);
  for (const link of related) {
    if (!isObject(link) || typeof link.relationship !== 'string' || !INTERVAL_RELATIONSHIPS.has(link.relationship)) {
      throw new EntryProblem(`The interval of ${id} must be a relatedAction "after-end" the previous dose.`);
    }
    if (!previous || link.actionId !== previous.id) {
      throw new EntryProblem(`The interval of ${id} must refer to the previous dose of the same series.`);
    }
    rule.minimumInterval = span(link.offsetDuration, `The minimum interval of ${id}`);
  }
  return rule;
}

function readSeries(plan: Json, activities: Activities): SeriesDefinition {
  if (plan.status !== 'active') throw new EntryProblem(`Its status is "${String(plan.status)}", not active.`);
  const actions = list(plan, 'action', 'The doses (action)', MAX_DOSES);
  if (actions.length === 0) throw new EntryProblem('It has no doses (action).');
  const doses: DoseRule[] = [];
  const codes = new Map<string, VaccineCode>();
  let vaccineText: string | undefined;
  for (const [i, action] of actions.entries()) {
    const dose = readDose(action, i, doses.at(-1));
    const canonical = isObject(action) ? action.definitionCanonical : undefined;
    if (typeof canonical !== 'string')
      throw new EntryProblem(`Dose ${dose.id} names no vaccine (definitionCanonical).`);
    const activity = activities.get(stripVersion(canonical));
    if (!activity) throw new EntryProblem(`Dose ${dose.id} refers to ${canonical}, which is not in the schedule.`);
    for (const code of activity.codes) codes.set(`${code.system}|${code.code}`, code);
    vaccineText ??= activity.text;
    doses.push(dose);
  }
  const series: SeriesDefinition = {
    id: text(plan, 'id', 'The id'),
    url: text(plan, 'url', 'The url'),
    title: text(plan, 'title', 'The title'),
    vaccineText: vaccineText ?? '',
    vaccineCodes: [...codes.values()],
    doses,
  };
  const version = optionalText(plan, 'version');
  if (version !== undefined) series.version = version;
  return series;
}

function resourcesOf(input: unknown, problems: ScheduleProblem[]): unknown[] {
  if (Array.isArray(input)) return input;
  if (isObject(input) && input.resourceType === 'Bundle') {
    if (!Array.isArray(input.entry)) return [];
    return input.entry.map((entry: unknown) => (isObject(entry) ? entry.resource : entry));
  }
  if (isObject(input) && typeof input.resourceType === 'string') return [input];
  problems.push({ where: 'schedule', message: 'The schedule is not a FHIR Bundle or list of resources.' });
  return [];
}

function describe(resource: unknown, index: number): string {
  const id = isObject(resource) && typeof resource.id === 'string' ? ` (${resource.id.slice(0, 64)})` : '';
  const type = isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'entry';
  return `entry ${index + 1}: ${type.slice(0, 40)}${id}`;
}

function message(error: unknown): string {
  if (error instanceof EntryProblem) return error.message;
  return 'It could not be read.';
}

/** Reads already-parsed resources: a Bundle, a list of resources, or a single resource. */
export function parseSchedule(input: unknown): ParsedSchedule {
  const problems: ScheduleProblem[] = [];
  const resources = resourcesOf(input, problems);
  if (resources.length > MAX_ENTRIES) {
    problems.push({
      where: 'schedule',
      message: `The schedule has ${resources.length} entries; at most ${MAX_ENTRIES} are accepted, so none was used.`,
    });
    return { schedule: { series: [] }, problems };
  }
  const activities: Activities = new Map();
  resources.forEach((resource, i) => {
    if (!isObject(resource) || resource.resourceType !== 'ActivityDefinition') return;
    try {
      const url = text(resource, 'url', 'The url');
      if (activities.has(url)) throw new EntryProblem(`Another vaccine definition already has the url ${url}.`);
      activities.set(url, readVaccineCodes(resource));
    } catch (error) {
      problems.push({ where: describe(resource, i), message: `${message(error)} It was skipped.` });
    }
  });
  const series: SeriesDefinition[] = [];
  resources.forEach((resource, i) => {
    if (isObject(resource) && resource.resourceType === 'ActivityDefinition') return;
    if (!isObject(resource) || resource.resourceType !== 'PlanDefinition') {
      problems.push({ where: describe(resource, i), message: 'It is not part of a schedule and was ignored.' });
      return;
    }
    try {
      const parsed = readSeries(resource, activities);
      if (series.some((s) => s.url === parsed.url || s.id === parsed.id)) {
        throw new EntryProblem(`Another series already has the id ${parsed.id} or url ${parsed.url}.`);
      }
      series.push(parsed);
    } catch (error) {
      problems.push({ where: describe(resource, i), message: `${message(error)} This series was skipped.` });
    }
  });
  return { schedule: { series }, problems };
}

/** Reads a schedule from JSON text, refusing oversized input before parsing it. */
export function parseScheduleText(json: string): ParsedSchedule {
  if (json.length > MAX_SCHEDULE_CHARS) {
    const problem = `The schedule is ${json.length} characters long; at most ${MAX_SCHEDULE_CHARS} are accepted.`;
    return { schedule: { series: [] }, problems: [{ where: 'schedule', message: problem }] };
  }
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    return { schedule: { series: [] }, problems: [{ where: 'schedule', message: 'The schedule is not valid JSON.' }] };
  }
  return parseSchedule(input);
}
