import type { Settings } from '../../src-shared/domain/session';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';
import type { CoreDeps, Handlers } from '../ipc/handler-types';

export const DEFAULT_SETTINGS: Settings = { clinicName: '', idleLockMinutes: 10 };

export function readSettings(sqlite: Sqlite): Settings {
  return {
    clinicName: readSetting<string>(sqlite, 'clinic.name') ?? DEFAULT_SETTINGS.clinicName,
    idleLockMinutes: readSetting<number>(sqlite, 'session.idle-lock-minutes') ?? DEFAULT_SETTINGS.idleLockMinutes,
  };
}

export function settingsHandlers(deps: CoreDeps): Pick<Handlers, 'settings:get' | 'settings:update'> {
  const { store, sessions } = deps;
  return {
    'settings:get': () => {
      sessions.require();
      return readSettings(store.sqlite);
    },
    'settings:update': (input) => {
      const user = sessions.require();
      if (user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can change the settings.');
      store.sqlite.transaction(() => {
        if (input.clinicName !== undefined) writeSetting(store.sqlite, 'clinic.name', input.clinicName.trim());
        if (input.idleLockMinutes !== undefined)
          writeSetting(store.sqlite, 'session.idle-lock-minutes', input.idleLockMinutes);
      })();
      return readSettings(store.sqlite);
    },
  };
}
