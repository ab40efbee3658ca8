/** The words printed on a card, in the nurse's chosen language. */
import type { Sex } from '../../../src-shared/domain/patient';
import { intlLocale, t } from '../../lib/i18n.svelte';

/**
 * "14 March 2019": the month in words, so the family, another clinic or a school never reads
 * 03/04 the wrong way round. An estimated birth date prints as its year only, as "about".
 */
export function cardBirthDate(iso: string | null, estimated: boolean): string {
  if (!iso) return t('Not known');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]);
  if (estimated) return t('About {year}', { year });
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function cardSex(sex: Sex): string {
  switch (sex) {
    case 'female':
      return t('Female');
    case 'male':
      return t('Male');
    case 'other':
      return t('Other');
    default:
      return t('Not recorded');
  }
}
