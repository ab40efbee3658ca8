/** Words shown to people for the codes the core uses, and dates and ages as people read them. */
import type { GuardianRelationship, Sex } from '../../src-shared/domain/patient';
import type { Role } from '../../src-shared/domain/session';

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};
export const SEX_OPTIONS = Object.keys(SEX_LABELS) as Sex[];

export const ROLE_LABELS: Record<Role, string> = {
  nurse: 'Nurse',
  'clinical-officer': 'Clinical officer',
  admin: 'Administrator',
};
export const ROLE_OPTIONS = Object.keys(ROLE_LABELS) as Role[];

export const RELATIONSHIP_LABELS: Record<GuardianRelationship, string> = {
  mother: 'Mother',
  father: 'Father',
  guardian: 'Guardian',
  other: 'Other relative',
};
export const RELATIONSHIP_OPTIONS = Object.keys(RELATIONSHIP_LABELS) as GuardianRelationship[];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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

/** "14 Mar 2019": month in words so 03/04 is never read the wrong way round. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const p = parseIsoDate(iso);
  return p ? `${p.d} ${MONTHS[p.m - 1] ?? ''} ${p.y}` : iso;
}

export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.getDate()} ${MONTHS[at.getMonth()] ?? ''} ${at.getFullYear()}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
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

const COUNT = new Intl.NumberFormat('en-GB');

/** "120,000": thousands grouped so large counts read at a glance. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago"; the exact time goes in a title. */
export function formatTimeAgo(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
}

/** "34 years", "8 months", "12 days"; "about 34 years" when the birth date was estimated. */
export function formatAge(birthIso: string | null, estimated: boolean, now = new Date()): string {
  if (!birthIso) return '';
  const age = ageParts(birthIso, now);
  if (!age) return '';
  let text: string;
  if (age.years >= 2) text = plural(age.years, 'year');
  else if (age.years * 12 + age.months >= 1) text = plural(age.years * 12 + age.months, 'month');
  else text = plural(age.days, 'day');
  return estimated ? `about ${text}` : text;
}
