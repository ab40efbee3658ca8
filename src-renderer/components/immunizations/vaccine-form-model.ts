/** What the nurse chose for one due vaccine in the visit form, and the dose it becomes. */
import type { DoseEntry, InjectionSite, NotGivenReason, Route } from '../../../src-shared/domain/immunization';

export type Outcome = 'skip' | 'given' | 'not-given';

export interface DoseChoice {
  outcome: Outcome;
  lotNumber: string;
  site: InjectionSite | '';
  route: Route | '';
  reason: NotGivenReason | '';
  note: string;
}

export function blankChoice(route: Route): DoseChoice {
  return { outcome: 'skip', lotNumber: '', site: '', route, reason: '', note: '' };
}

/** The dose to save, or null when the vaccine is left for later. */
export function toEntry(seriesId: string, choice: DoseChoice): DoseEntry | null {
  if (choice.outcome === 'given') {
    return {
      seriesId,
      outcome: 'given',
      lotNumber: choice.lotNumber,
      route: choice.route,
      site: choice.route === 'PO' ? '' : choice.site,
      note: choice.note,
    };
  }
  if (choice.outcome === 'not-given')
    return { seriesId, outcome: 'not-given', reason: choice.reason, note: choice.note };
  return null;
}
