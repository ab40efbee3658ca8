import type { CoreDeps, Handlers } from '../ipc/handler-types';
import {
  listPatientVisits,
  listVisitsOfDay,
  readVisit,
  recordVitals,
  setVisitStatus,
  startVisit,
} from '../visits/visit-records';

type VisitHandlers = Pick<
  Handlers,
  | 'visits:start'
  | 'visits:get'
  | 'visits:set-status'
  | 'visits:record-vitals'
  | 'visits:finish'
  | 'visits:list-today'
  | 'visits:list-for-patient'
>;

/** The laptop's own day: the clinic works in the time zone its laptop is set to. */
function today(now: Date): { start: Date; end: Date } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start, end };
}

export function visitHandlers(deps: CoreDeps): VisitHandlers {
  const { store, sessions } = deps;
  const ctx = () => ({ userId: sessions.require().id, now: deps.now() });
  const changed = (visitId: string, observationIds: string[] = []) => {
    deps.emit('db:changed', { resourceType: 'Encounter', ids: [visitId] });
    if (observationIds.length > 0) deps.emit('db:changed', { resourceType: 'Observation', ids: observationIds });
    deps.sync.localWrite();
  };
  return {
    'visits:start': (input) => {
      const visit = startVisit(store.sqlite, input, ctx());
      changed(visit.id);
      return visit;
    },
    'visits:get': (input) => readVisit(store.sqlite, input.id, ctx()),
    'visits:set-status': (input) => {
      const visit = setVisitStatus(store.sqlite, input.id, input.status, ctx());
      changed(visit.id);
      return visit;
    },
    'visits:record-vitals': (input) => {
      const result = recordVitals(store.sqlite, input.id, input.vitals, ctx());
      changed(
        result.visit.id,
        result.visit.vitals.map((v) => v.id),
      );
      return result;
    },
    'visits:finish': (input) => {
      const visit = setVisitStatus(store.sqlite, input.id, 'finished', ctx());
      changed(visit.id);
      return visit;
    },
    'visits:list-today': () => {
      sessions.require();
      const day = today(deps.now());
      return listVisitsOfDay(store.sqlite, day.start, day.end);
    },
    'visits:list-for-patient': (input) => listPatientVisits(store.sqlite, input.patientId, ctx()),
  };
}
