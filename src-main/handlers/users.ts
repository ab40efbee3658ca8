import { AppError } from '../../src-shared/errors';
import { createUser, listUsers } from '../auth/users';
import type { CoreDeps, Handlers } from '../ipc/handler-types';

export function userHandlers(deps: CoreDeps): Pick<Handlers, 'users:list' | 'users:create'> {
  const { store, sessions } = deps;
  return {
    'users:list': () => {
      sessions.require();
      return listUsers(store.db);
    },
    'users:create': (input) => {
      const user = sessions.require();
      if (user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can add users.');
      return createUser(store.db, input, deps.now());
    },
  };
}
