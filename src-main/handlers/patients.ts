import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { readPatient, registerPatient, updatePatient } from '../patients/patient-records';
import { searchPatients } from '../patients/search';
import { draftToProbe, findDuplicateCandidates } from '../patients/duplicates';
import { linkPatients, unlinkPatients } from '../patients/patient-links';
import { findPatientsByIdentifier } from '../patients/find-by-identifier';
import { checkedWrite } from '../rules/checked-write';

type PatientHandlers = Pick<
  Handlers,
  | 'patients:search'
  | 'patients:get'
  | 'patients:register'
  | 'patients:update'
  | 'patients:find-duplicates'
  | 'patients:link'
  | 'patients:unlink'
  | 'patients:find-by-identifier'
>;

export function patientHandlers(deps: CoreDeps): PatientHandlers {
  const { store, sessions } = deps;
  const ctx = () => ({ userId: sessions.require().id, now: deps.now() });
  return {
    'patients:search': (input) => {
      sessions.require();
      return searchPatients(store.sqlite, input);
    },
    'patients:get': (input) => readPatient(store.sqlite, input.id, ctx()),
    'patients:register': (input) => {
      const c = ctx();
      const record = checkedWrite({ sqlite: store.sqlite, rules: deps.rules }, c, input.confirmWarnings, () =>
        registerPatient(store.sqlite, input.draft, c),
      );
      deps.emit('db:changed', { resourceType: 'Patient', ids: [record.summary.id] });
      deps.sync.localWrite();
      return record;
    },
    'patients:update': (input) => {
      const c = ctx();
      const record = checkedWrite({ sqlite: store.sqlite, rules: deps.rules }, c, input.confirmWarnings, () =>
        updatePatient(store.sqlite, input.id, input.rev, input.draft, c),
      );
      deps.emit('db:changed', { resourceType: 'Patient', ids: [record.summary.id] });
      deps.sync.localWrite();
      return record;
    },
    'patients:find-duplicates': (input) => {
      sessions.require();
      return findDuplicateCandidates(store.sqlite, draftToProbe(input.draft, deps.now()), {
        excludeId: input.excludeId ?? null,
        limit: input.limit,
      });
    },
    'patients:link': (input) => {
      linkPatients(store.sqlite, input.id, input.otherId, ctx());
      deps.emit('db:changed', { resourceType: 'Patient', ids: [input.id, input.otherId] });
      deps.sync.localWrite();
      return readPatient(store.sqlite, input.id, ctx());
    },
    'patients:unlink': (input) => {
      unlinkPatients(store.sqlite, input.id, input.otherId, ctx());
      deps.emit('db:changed', { resourceType: 'Patient', ids: [input.id, input.otherId] });
      deps.sync.localWrite();
      return readPatient(store.sqlite, input.id, ctx());
    },
    'patients:find-by-identifier': (input) => {
      sessions.require();
      return findPatientsByIdentifier(store.sqlite, input.kind, input.value);
    },
  };
}
