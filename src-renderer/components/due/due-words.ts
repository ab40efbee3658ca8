import type { DueItem, DueList, DueStatus } from '../../../src-shared/domain/due-list';
import { t, tm } from '../../lib/i18n.svelte';
import { formatDate, formatDays } from '../../lib/format';
import type { AgeBand, DueFilters } from '../../stores/due-list.svelte';

export function statusLabel(status: DueStatus): string {
  return status === 'overdue' ? t('Overdue') : status === 'due' ? t('Due now') : t('Upcoming');
}

export function ageBandLabel(band: AgeBand): string {
  switch (band) {
    case 'all':
      return t('All ages (0–59 months)');
    case 'infant':
      return t('Under 12 months');
    case 'second':
      return t('12–23 months');
    case 'older':
      return t('2–4 years');
  }
}

/** "Due 40 days ago (12 Oct 2026)", "Due today", "Due in 5 days (30 Nov 2026)". */
export function whenDue(item: DueItem): string {
  const date = formatDate(item.dueDate);
  if (item.daysSinceDue === 0) return t('Due today');
  if (item.daysSinceDue > 0) return t('Due {days} ago ({date})', { days: formatDays(item.daysSinceDue), date });
  return t('Due in {days} ({date})', { days: formatDays(-item.daysSinceDue), date });
}

/** The dose as the schedule names it ("Pentavalent 2"), with the series when it adds something. */
export function doseName(item: DueItem): { dose: string; series: string | null } {
  const dose = tm(item.doseTitle);
  const series = tm(item.seriesTitle);
  // "Rotavirus 1" says it all; "OPV 1" is clearer with "Oral polio (bOPV)" beneath.
  return { dose, series: dose.toLowerCase().startsWith(series.toLowerCase()) ? null : series };
}

/** The filters in one sentence, for the printed list and the screen reader. */
export function filtersInWords(filters: DueFilters, list: DueList | null): string {
  const parts: string[] = [];
  parts.push(
    filters.status === 'due-or-overdue'
      ? t('Due now or overdue')
      : filters.status === 'upcoming'
        ? t('Upcoming in the next {days}', { days: formatDays(filters.upcomingDays) })
        : statusLabel(filters.status),
  );
  const series = list?.series.find((s) => s.id === filters.seriesId);
  parts.push(series ? t('Vaccine: {name}', { name: tm(series.title) }) : t('All vaccines'));
  parts.push(ageBandLabel(filters.ageBand));
  if (filters.village !== '') parts.push(t('Village: {name}', { name: filters.village }));
  if (filters.text.trim() !== '') parts.push(t('Name or number: {text}', { text: filters.text.trim() }));
  return parts.join(' · ');
}
