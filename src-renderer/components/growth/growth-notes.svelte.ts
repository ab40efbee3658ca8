import { OBSERVATION_GROWTH_MAX, type ObservationGrowth } from '../../../src-shared/domain/growth';
import { invoke } from '../../lib/api';

/**
 * WHO growth results for the weights and lengths shown in a list of recorded values (one visit's,
 * or a whole list of visits'); an answer for an older list is dropped. Without results (an adult) nothing shows.
 */
export class GrowthNotes {
  byId = $state<Readonly<Record<string, ObservationGrowth>>>({});
  #request = 0;

  /**
   * One call per OBSERVATION_GROWTH_MAX ids: a list of visits asks once for all its values, and
   * the core works out each patient's growth once per call instead of once per visit.
   */
  async load(observationIds: string[]): Promise<void> {
    const request = ++this.#request;
    const ids = observationIds.filter((id, i, all) => all.indexOf(id) === i);
    if (ids.length === 0) {
      this.byId = {};
      return;
    }
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += OBSERVATION_GROWTH_MAX) chunks.push(ids.slice(i, i + OBSERVATION_GROWTH_MAX));
    try {
      const answers = await Promise.all(
        chunks.map((chunk) => invoke('growth:for-observations', { observationIds: chunk })),
      );
      if (request === this.#request) this.byId = Object.fromEntries(answers.flat().map((n) => [n.observationId, n]));
    } catch {
      // A growth note is extra information: the recorded values stay readable without it.
      if (request === this.#request) this.byId = {};
    }
  }
}

const GROWTH_KINDS: readonly string[] = ['weight', 'length', 'height'];

/** The ids of the weights and lengths among recorded values: the ones a growth note can explain. */
export function growthObservationIds(vitals: readonly { id: string; kind: string }[]): string[] {
  return vitals.filter((v) => GROWTH_KINDS.includes(v.kind)).map((v) => v.id);
}
