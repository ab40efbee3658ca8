/**
 * The typed immunization schedule the due computation works from, read out of FHIR
 * PlanDefinition/ActivityDefinition resources by schedule.ts.
 */

/** UCUM calendar units used for ages and intervals. */
export type SpanUnit = 'd' | 'wk' | 'mo' | 'a';

export interface Span {
  value: number;
  unit: SpanUnit;
}

export interface VaccineCode {
  system: string;
  code: string;
  display?: string;
}

export interface DoseRule {
  /** The PlanDefinition.action id, for example 'dose-2'. */
  id: string;
  /** 0 for a birth dose, then 1, 2, 3 for the primary series. */
  doseNumber: number;
  title: string;
  recommendedAge: Span;
  /** A dose given younger than this is not counted. */
  minimumAge: Span;
  /** From this age on the dose is no longer given: a later dose is skipped past or the series ends. */
  maximumAge?: Span;
  /** The least time after the previous counted dose of the same series. */
  minimumInterval?: Span;
}

export interface SeriesDefinition {
  id: string;
  url: string;
  version?: string;
  title: string;
  /** The vaccine as a person names it, for lists and messages. */
  vaccineText: string;
  /** Any of these vaccine codes counts as a dose of the series. */
  vaccineCodes: VaccineCode[];
  doses: DoseRule[];
}

export interface ImmunizationSchedule {
  series: SeriesDefinition[];
}

/** A part of the published schedule that could not be used, in words, and where it was. */
export interface ScheduleProblem {
  where: string;
  message: string;
}

export interface ParsedSchedule {
  schedule: ImmunizationSchedule;
  problems: ScheduleProblem[];
}

const UNIT_WORDS: Record<SpanUnit, [string, string]> = {
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
};

export function describeSpan(span: Span): string {
  const [one, many] = UNIT_WORDS[span.unit];
  return `${span.value} ${span.value === 1 ? one : many}`;
}

/** Rough length in days, only to check that a schedule's ages are in a sensible order. */
export function approximateDays(span: Span): number {
  const perUnit: Record<SpanUnit, number> = { d: 1, wk: 7, mo: 30.4375, a: 365.25 };
  return span.value * perUnit[span.unit];
}
