import { AppError } from '../../src-shared/errors';
import { countUsers, createUser } from '../auth/users';
import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { readSettings } from './settings';

type AuthHandlers = Pick<
  Handlers,
  'app:get-status' | 'auth:create-first-user' | 'auth:unlock' | 'auth:lock' | 'auth:keep-alive'
>;

export function authHandlers(deps: CoreDeps): AuthHandlers {
  const { store, sessions } = deps;
  return {
    'app:get-status': () => {
      sessions.lockIfIdle();
      const settings = readSettings(store.sqlite);
      return {
        setupRequired: countUsers(store.db) === 0,
        session: sessions.session(),
        clinicName: settings.clinicName,
        appVersion: deps.appVersion,
        language: settings.language,
      };
    },
    'auth:create-first-user': async (input) => {
      if (countUsers(store.db) > 0) {
        throw new AppError(
          'FORBIDDEN',
          'This laptop already has an account. Unlock with it, or ask an administrator to add yours.',
        );
      }
      // The very first account must be able to manage the others.
      const user = await createUser(store.db, { ...input, role: 'admin' }, deps.now());
      return sessions.start(user);
    },
    'auth:unlock': (input) => sessions.unlock(input.username, input.password),
    'auth:lock': () => {
      sessions.lock('manual');
      return null;
    },
    'auth:keep-alive': () => {
      sessions.require();
      sessions.touch();
      return null;
    },
  };
}
