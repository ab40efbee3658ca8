import { join } from 'node:path';
import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { loadGrowthTables, type GrowthTables } from '../vitals/growth-tables';
import { observationGrowth, patientGrowth } from '../vitals/growth-records';

type GrowthHandlers = Pick<Handlers, 'growth:for-patient' | 'growth:for-observations'>;

export function growthHandlers(deps: CoreDeps): GrowthHandlers {
  // The tables are large and never change while the app runs: read once, when first needed.
  let tables: GrowthTables | null = null;
  const load = (): GrowthTables => (tables ??= loadGrowthTables(join(deps.resourcesDir, 'growth-standards')));
  return {
    'growth:for-patient': (input) => {
      deps.sessions.require();
      return patientGrowth(deps.store.sqlite, load(), input.patientId, deps.now());
    },
    'growth:for-observations': (input) => {
      deps.sessions.require();
      return observationGrowth(deps.store.sqlite, load(), input.observationIds, deps.now());
    },
  };
}
