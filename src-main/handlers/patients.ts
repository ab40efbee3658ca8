import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { readPatient, registerPatient, updatePatient } from '../patients/patient-records';
import { searchPatients } from '../patients/search';

type PatientHandlers = Pick<Handlers, 'patients:search' | 'patients:get' | 'patients:register' | 'patients:update'>;

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
      const record = registerPatient(store.sqlite, input.draft, ctx());
      deps.emit('db:changed', { resourceType: 'Patient', ids: [record.summary.id] });
      deps.sync.localWrite();
      return record;
    },
    'patients:update': (input) => {
      const record = updatePatient(store.sqlite, input.id, input.rev, input.draft, ctx());
      deps.emit('db:changed', { resourceType: 'Patient', ids: [record.summary.id] });
      deps.sync.localWrite();
      return record;
    },
  };
}
