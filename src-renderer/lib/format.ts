/**
 * Words shown to people for the codes the core uses, and dates, ages and numbers as people read
 * them in the chosen language. Everything here reads the language rune through t() or
 * intlLocale(), so text built from it changes when the nurse switches language.
 */
import type { GuardianRelationship, Sex } from '../../src-shared/domain/patient';
import type { Role } from '../../src-shared/domain/session';
import { intlLocale, language, t } from './i18n.svelte';

/* The label maps are getters so that `SEX_LABELS[sex]` in a template is translated at each read. */
export const SEX_LABELS: Record<Sex, string> = {
  get female() {
    return t('Female');
  },
  get male() {
    return t('Male');
  },
  get other() {
    return t('Other');
  },
  get unknown() {
    return t('Unknown');
  },
};
export const SEX_OPTIONS = Object.keys(SEX_LABELS) as Sex[];

export const ROLE_LABELS: Record<Role, string> = {
  get nurse() {
    return t('Nurse');
  },
  get 'clinical-officer'() {
    return t('Clinical officer');
  },
  get admin() {
    return t('Administrator');
  },
};
export const ROLE_OPTIONS = Object.keys(ROLE_LABELS) as Role[];

export const RELATIONSHIP_LABELS: Record<GuardianRelationship, string> = {
  get mother() {
    return t('Mother');
  },
  get father() {
    return t('Father');
  },
  get guardian() {
    return t('Guardian');
  },
  get other() {
    return t('Other relative');
  },
};
export const RELATIONSHIP_OPTIONS = Object.keys(RELATIONSHIP_LABELS) as GuardianRelationship[];

/** English keeps its three-letter months ("Sep", not CLDR's "Sept"): what the clinics already read. */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today as YYYY-MM-DD in the laptop's own time zone (what a date input expects). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseIsoDate(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${intlLocale()}|${key}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(), options);
    formatters.set(id, format);
  }
  return format;
}

/** "14 Mar 2019", "14 mars 2019", "14 Mac 2019": month in words so 03/04 is never read the wrong way round. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const p = parseIsoDate(iso);
  if (!p) return iso;
  if (language() === 'en') return `${p.d} ${EN_MONTHS[p.m - 1] ?? ''} ${p.y}`;
  // A calendar date has no time zone: format it as UTC so no offset can move it a day.
  const format = dateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }, 'date');
  return format.format(new Date(Date.UTC(p.y, p.m - 1, p.d)));
}

/** "14 Mar 2019, 09:05" in the laptop's time zone, 24-hour clock in every language. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  if (language() === 'en') {
    return `${at.getDate()} ${EN_MONTHS[at.getMonth()] ?? ''} ${at.getFullYear()}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }
  const format = dateFormat(
    { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    'datetime',
  );
  return format.format(at);
}

/** Whole years and months between a birth date and today. */
export function ageParts(birthIso: string, now = new Date()): { years: number; months: number; days: number } | null {
  const b = parseIsoDate(birthIso);
  if (!b) return null;
  let months = (now.getFullYear() - b.y) * 12 + (now.getMonth() + 1 - b.m);
  if (now.getDate() < b.d) months--;
  if (months < 0) return null;
  const days = Math.floor((now.getTime() - new Date(b.y, b.m - 1, b.d).getTime()) / 86_400_000);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** "120,000" / "120 000": thousands grouped the language's way so large counts read at a glance. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** A measured value with the language's decimal separator: "36.5" in English, "36,5" in French. */
export function formatNumber(n: number, maxDecimals = 2): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: maxDecimals }).format(n);
}

/** "36,5 °C", "120/80 mmHg": a value and its unit; units are international symbols, never translated. */
export function formatMeasurement(value: number, unit: string, maxDecimals = 2): string {
  return `${formatNumber(value, maxDecimals)} ${unit}`;
}

/**
 * The form for a count, chosen by the language's plural rules (French says "1 an" and "0 an",
 * English "0 years"). Callers pass both forms already translated, so each stays a literal t() text.
 */
export function byCount(n: number, forms: { one: string; other: string }): string {
  return new Intl.PluralRules(intlLocale()).select(n) === 'one' ? forms.one : forms.other;
}

/**
 * @deprecated English only ("3 visits"), kept for callers written before translation. New code uses
 * byCount() with translated forms.
 */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

export function formatYears(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} year', { count }), other: t('{count} years', { count }) });
}

export function formatMonths(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} month', { count }), other: t('{count} months', { count }) });
}

export function formatDays(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} day', { count }), other: t('{count} days', { count }) });
}

export function formatMinutes(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} minute', { count }), other: t('{count} minutes', { count }) });
}

export function formatHours(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} hour', { count }), other: t('{count} hours', { count }) });
}

/** "just now", "12 minutes ago", "il y a 3 heures"; the exact time goes in a title. */
export function formatTimeAgo(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{time} ago', { time: formatMinutes(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('{time} ago', { time: formatHours(hours) });
  return t('{time} ago', { time: formatDays(Math.floor(hours / 24)) });
}

/** "2 years 3 months" under five (where months matter), "34 years", "8 months", "12 days". */
export function formatAgeWords(age: { years: number; months: number; days: number }): string {
  if (age.years >= 5) return formatYears(age.years);
  if (age.years >= 2) {
    return age.months > 0
      ? t('{years} {months}', { years: formatYears(age.years), months: formatMonths(age.months) })
      : formatYears(age.years);
  }
  const months = age.years * 12 + age.months;
  if (months >= 1) return formatMonths(months);
  return formatDays(age.days);
}

/** The age as words; "about 34 years" when the birth date was estimated. */
export function formatAge(birthIso: string | null, estimated: boolean, now = new Date()): string {
  if (!birthIso) return '';
  const age = ageParts(birthIso, now);
  if (!age) return '';
  const text = formatAgeWords(age);
  return estimated ? t('about {age}', { age: text }) : text;
}

export function formatRecords(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} record', { count }), other: t('{count} records', { count }) });
}

export function formatVisits(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} visit', { count }), other: t('{count} visits', { count }) });
}

/**
 * A value the core wrote as text ("37.2 °C", "120/80 mmHg") with its numbers in the chosen
 * language's style ("37,2 °C" in French). Units stay international symbols.
 */
export function formatMeasuredText(text: string): string {
  if (language() === 'en') return text;
  return text.replace(/\d+(?:\.\d+)?/g, (number) => formatNumber(Number(number), 2));
}
