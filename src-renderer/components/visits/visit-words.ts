import type { VisitStatus } from '../../../src-shared/domain/visit';
import { t } from '../../lib/i18n.svelte';

/* Getters, so `STATUS_LABELS[status]` in a template is translated at each read. */
export const STATUS_LABELS: Record<VisitStatus, string> = {
  get arrived() {
    return t('Checked in');
  },
  get 'in-progress'() {
    return t('In progress');
  },
  get finished() {
    return t('Finished');
  },
};
