import type { CoreDeps, Handlers } from '../ipc/handler-types';
import {
  listPatientVisits,
  listVisitsOfDay,
  readVisit,
  recordVitals,
  setVisitStatus,
  startVisit,
} from '../visits/visit-records';
import { checkedWrite } from '../rules/checked-write';

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
  // Every save is checked against the rules in force, and undone if one says no.
  const checked = <T>(confirm: string[] | undefined, write: (c: ReturnType<typeof ctx>) => T): T => {
    const c = ctx();
    return checkedWrite({ sqlite: store.sqlite, rules: deps.rules }, c, confirm, () => write(c));
  };
  const changed = (visitId: string, observationIds: string[] = []) => {
    deps.emit('db:changed', { resourceType: 'Encounter', ids: [visitId] });
    if (observationIds.length > 0) deps.emit('db:changed', { resourceType: 'Observation', ids: observationIds });
    deps.sync.localWrite();
  };
  return {
    'visits:start': (input) => {
      const visit = checked(input.confirmWarnings, (c) => startVisit(store.sqlite, input, c));
      changed(visit.id);
      return visit;
    },
    'visits:get': (input) => readVisit(store.sqlite, input.id, ctx()),
    'visits:set-status': (input) => {
      const visit = checked(input.confirmWarnings, (c) => setVisitStatus(store.sqlite, input.id, input.status, c));
      changed(visit.id);
      return visit;
    },
    'visits:record-vitals': (input) => {
      const result = checked(input.confirmWarnings, (c) => recordVitals(store.sqlite, input.id, input.vitals, c));
      changed(
        result.visit.id,
        result.visit.vitals.map((v) => v.id),
      );
      return result;
    },
    'visits:finish': (input) => {
      const visit = checked(input.confirmWarnings, (c) => setVisitStatus(store.sqlite, input.id, 'finished', c));
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
