import type { CoreDeps, Handlers } from '../ipc/handler-types';
import {
  markEnteredInError,
  readPatientImmunizations,
  recordImmunizations,
  scheduleStatus,
} from '../immunization/immunization-records';
import { checkedWrite } from '../rules/checked-write';

type ImmunizationHandlers = Pick<
  Handlers,
  | 'immunizations:record'
  | 'immunizations:for-patient'
  | 'immunizations:mark-entered-in-error'
  | 'immunizations:schedule-status'
>;

export function immunizationHandlers(deps: CoreDeps): ImmunizationHandlers {
  const { store, sessions } = deps;
  const ctx = () => ({ userId: sessions.require().id, now: deps.now() });
  return {
    'immunizations:record': (input) => {
      const user = sessions.require();
      const writeCtx = { userId: user.id, fullName: user.fullName, now: deps.now() };
      // Checked against the rules in force (dates, lot number), undone if one says no.
      const result = checkedWrite({ sqlite: store.sqlite, rules: deps.rules }, writeCtx, input.confirmWarnings, () =>
        recordImmunizations(store.sqlite, deps.schedule.current(), input, writeCtx),
      );
      deps.emit('db:changed', { resourceType: 'Immunization', ids: result.saved.map((s) => s.id) });
      // Giving a vaccine begins the consultation, as recording vitals does.
      if (input.visitId !== undefined) deps.emit('db:changed', { resourceType: 'Encounter', ids: [input.visitId] });
      deps.sync.localWrite();
      return result;
    },
    'immunizations:for-patient': (input) =>
      readPatientImmunizations(store.sqlite, deps.schedule.current(), input.patientId, ctx()),
    // Not checked by the rules, on purpose: this takes a wrong record out of the count, and a
    // rule the record already breaks (or one published since) must never keep it counting.
    'immunizations:mark-entered-in-error': (input) => {
      const result = markEnteredInError(store.sqlite, deps.schedule.current(), input.id, input.reason, ctx());
      deps.emit('db:changed', { resourceType: 'Immunization', ids: [input.id] });
      deps.sync.localWrite();
      return result;
    },
    'immunizations:schedule-status': () => {
      sessions.require();
      return scheduleStatus(deps.schedule.current());
    },
  };
}
