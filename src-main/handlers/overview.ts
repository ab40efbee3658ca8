import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { clinicOverview } from '../overview/clinic-overview';
import { CoverageCache } from '../overview/coverage-cache';

type OverviewHandlers = Pick<Handlers, 'overview:get'>;

export function overviewHandlers(deps: CoreDeps): OverviewHandlers {
  const coverage = new CoverageCache();
  return {
    'overview:get': (input) => {
      deps.sessions.require();
      const started = performance.now();
      const overview = clinicOverview(deps.store.sqlite, deps.schedule.current(), deps.now(), coverage, input.month);
      deps.log.info('overview.computed', { ms: Math.round(performance.now() - started) });
      return overview;
    },
  };
}
