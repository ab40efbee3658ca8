/** WHO's words for growth results and the charts' labels, in the nurse's language. */
import type { GrowthChart, GrowthClass, GrowthIndicator } from '../../../src-shared/domain/growth';
import { formatDays, formatMonths } from '../../lib/format';
import { intlLocale, t } from '../../lib/i18n.svelte';

export function classWords(c: GrowthClass): string {
  switch (c) {
    case 'severely-underweight':
      return t('Severely underweight');
    case 'underweight':
      return t('Underweight');
    case 'possible-growth-problem':
      return t('Possible growth problem: check weight-for-length');
    case 'severely-stunted':
      return t('Severely stunted');
    case 'stunted':
      return t('Stunted');
    case 'very-tall':
      return t('Very tall');
    case 'severely-wasted':
      return t('Severely wasted');
    case 'wasted':
      return t('Wasted');
    case 'possible-risk-of-overweight':
      return t('Possible risk of overweight');
    case 'overweight':
      return t('Overweight');
    case 'obese':
      return t('Obese');
    case 'normal':
      return t('Normal');
  }
}

export function chartTitle(chart: GrowthChart): string {
  const titles: Record<GrowthIndicator, () => string> = {
    'weight-for-age': () => t('Weight-for-age'),
    'length-height-for-age': () => t('Length/height-for-age'),
    'weight-for-length-height': () =>
      chart.table === 'weight-for-height' ? t('Weight-for-height') : t('Weight-for-length'),
  };
  return titles[chart.indicator]();
}

export function xAxisLabel(chart: GrowthChart): string {
  if (chart.xAxis === 'age-months') return t('Age (months)');
  return chart.xAxis === 'height-cm' ? t('Height (cm)') : t('Length (cm)');
}

export function yAxisLabel(chart: GrowthChart): string {
  return chart.yUnit === 'kg' ? t('Weight (kg)') : t('Length or height (cm)');
}

/** "−2.0", "+1.3": one decimal always, a true minus sign, the language's decimal comma, and a plus for positive values. */
export function formatZ(z: number, decimals = 1): string {
  const rounded = Math.round(z * 10 ** decimals) / 10 ** decimals;
  const text = new Intl.NumberFormat(intlLocale(), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Math.abs(rounded));
  // The sign of what is shown: 0.01 reads "0.0", never "+0.0".
  if (rounded > 0) return `+${text}`;
  return rounded < 0 ? `\u2212${text}` : text;
}

export function formatAgeDays(ageDays: number): string {
  return ageDays < 61 ? formatDays(ageDays) : formatMonths(Math.floor(ageDays / 30.4375));
}
