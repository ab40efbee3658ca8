import { OBSERVATION_GROWTH_MAX, type ObservationGrowth } from '../../../src-shared/domain/growth';
import { invoke } from '../../lib/api';

/**
 * WHO growth results for the weights and lengths shown in a list of recorded values, fetched in
 * one call; an answer for an older list is dropped. Without results (an adult) nothing shows.
 */
export class GrowthNotes {
  byId = $state<Readonly<Record<string, ObservationGrowth>>>({});
  #request = 0;

  async load(observationIds: string[]): Promise<void> {
    const request = ++this.#request;
    const ids = observationIds.slice(0, OBSERVATION_GROWTH_MAX);
    if (ids.length === 0) {
      this.byId = {};
      return;
    }
    try {
      const notes = await invoke('growth:for-observations', { observationIds: ids });
      if (request === this.#request) this.byId = Object.fromEntries(notes.map((n) => [n.observationId, n]));
    } catch {
      // A growth note is extra information: the recorded values stay readable without it.
      if (request === this.#request) this.byId = {};
    }
  }
}

export const GROWTH_KINDS: readonly string[] = ['weight', 'length', 'height'];
