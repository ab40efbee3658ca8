/** Words for the codes the immunization screens show, in the chosen language. */
import type {
  AgeSpan,
  InjectionSite,
  NotGivenReason,
  Route,
  SeriesDueView,
} from '../../../src-shared/domain/immunization';
import { byCount, formatCount, formatDate, formatMonths, formatYears, formatDays } from '../../lib/format';
import { t } from '../../lib/i18n.svelte';

export function reasonLabel(code: NotGivenReason): string {
  switch (code) {
    case 'OSTOCK':
      return t('Vaccine out of stock');
    case 'MEDPREC':
      return t('Medical reason (contraindication)');
    case 'PATOBJ':
      return t('Caregiver refused');
    case 'IMMUNE':
      return t('Already immune');
  }
}

export function siteLabel(code: InjectionSite): string {
  switch (code) {
    case 'LA':
      return t('Left arm');
    case 'RA':
      return t('Right arm');
    case 'LT':
      return t('Left thigh');
    case 'RT':
      return t('Right thigh');
  }
}

export function routeLabel(code: Route): string {
  switch (code) {
    case 'PO':
      return t('By mouth (drops)');
    case 'IDINJ':
      return t('Into the skin (intradermal)');
    case 'IM':
      return t('Into the muscle (intramuscular)');
    case 'SQ':
      return t('Under the skin (subcutaneous)');
  }
}

/** A stored code in words, or the stored text when it is not one of Kliniki's codes. */
export function codeWords<T extends string>(code: string | null, known: readonly T[], label: (c: T) => string): string {
  if (code === null) return '';
  return (known as readonly string[]).includes(code) ? label(code as T) : code;
}

export function formatWeeks(n: number): string {
  const count = formatCount(n);
  return byCount(n, { one: t('{count} week', { count }), other: t('{count} weeks', { count }) });
}

export function spanWords(span: AgeSpan): string {
  switch (span.unit) {
    case 'd':
      return span.value === 0 ? t('at birth') : formatDays(span.value);
    case 'wk':
      return formatWeeks(span.value);
    case 'mo':
      return formatMonths(span.value);
    case 'a':
      return formatYears(span.value);
  }
}

export type StatusTone = 'ok' | 'info' | 'due' | 'overdue' | 'closed';

/** The series' state in words, with an icon and a tone so that colour is never the only sign. */
export function statusOf(series: SeriesDueView): { icon: string; text: string; tone: StatusTone } {
  switch (series.status) {
    case 'complete':
      return { icon: '✓', text: t('Complete'), tone: 'ok' };
    case 'upcoming':
      return series.dosesCounted > 0
        ? { icon: '✓', text: t('Up to date'), tone: 'ok' }
        : {
            icon: '◷',
            text: t('Upcoming on {date}', { date: formatDate(series.next?.dueDate ?? null) }),
            tone: 'info',
          };
    case 'due':
      return { icon: '!', text: t('Due'), tone: 'due' };
    case 'overdue':
      return { icon: '!!', text: t('Overdue'), tone: 'overdue' };
    case 'too-late':
      return { icon: '–', text: t('Too late'), tone: 'closed' };
  }
}
