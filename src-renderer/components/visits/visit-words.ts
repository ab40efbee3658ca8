import type { VisitStatus } from '../../../src-shared/domain/visit';

export const STATUS_LABELS: Record<VisitStatus, string> = {
  arrived: 'Checked in',
  'in-progress': 'In progress',
  finished: 'Finished',
};
