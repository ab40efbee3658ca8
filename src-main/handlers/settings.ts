import type { Settings } from '../../src-shared/domain/session';
import { AppError } from '../../src-shared/errors';
import { isLanguage } from '../../src-shared/i18n/languages';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';
import type { CoreDeps, Handlers } from '../ipc/handler-types';

export const DEFAULT_SETTINGS: Settings = { clinicName: '', idleLockMinutes: 10, language: 'en' };

export function readSettings(sqlite: Sqlite): Settings {
  const language = readSetting<string>(sqlite, 'ui.language');
  return {
    clinicName: readSetting<string>(sqlite, 'clinic.name') ?? DEFAULT_SETTINGS.clinicName,
    idleLockMinutes: readSetting<number>(sqlite, 'session.idle-lock-minutes') ?? DEFAULT_SETTINGS.idleLockMinutes,
    language: isLanguage(language) ? language : DEFAULT_SETTINGS.language,
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
      // The language is the one setting anyone signed in may change: it alters no record and no
      // protection, and a nurse who cannot read the screen must not have to wait for an administrator.
      const onlyLanguage = Object.keys(input).every((key) => key === 'language');
      if (user.role !== 'admin' && !onlyLanguage) {
        throw new AppError('FORBIDDEN', 'Only an administrator can change the settings.');
      }
      store.sqlite.transaction(() => {
        if (input.clinicName !== undefined) writeSetting(store.sqlite, 'clinic.name', input.clinicName.trim());
        if (input.idleLockMinutes !== undefined)
          writeSetting(store.sqlite, 'session.idle-lock-minutes', input.idleLockMinutes);
        if (input.language !== undefined) writeSetting(store.sqlite, 'ui.language', input.language);
      })();
      return readSettings(store.sqlite);
    },
  };
}
