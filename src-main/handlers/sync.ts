import type { ConnectionTest } from '../../src-shared/domain/sync';
import { AppError } from '../../src-shared/errors';
import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { SyncHttpError } from '../sync/fhir-http';
import { makeHttp } from '../sync/sync-engine';
import { discoverServer } from '../sync/server-profile';
import {
  isConfigured,
  mergeSyncSettings,
  readSyncConfig,
  toSettingsView,
  writeSyncConfig,
  type SyncConfig,
} from '../sync/sync-config';
import { listProblems, resolveConflict, retryRejected } from '../sync/sync-problems';

type SyncHandlers = Pick<
  Handlers,
  | 'sync:get-status'
  | 'sync:run-now'
  | 'sync:get-settings'
  | 'sync:save-settings'
  | 'sync:test-connection'
  | 'sync:list-problems'
  | 'sync:resolve-conflict'
  | 'sync:retry-rejected'
>;

function requireAdmin(deps: CoreDeps): void {
  if (deps.sessions.require().role !== 'admin') {
    throw new AppError(
      'FORBIDDEN',
      'Only an administrator can change how this laptop connects to the central registry.',
    );
  }
}

async function testConnection(config: SyncConfig, now: () => Date): Promise<ConnectionTest> {
  try {
    const profile = await discoverServer(makeHttp(config, { now }));
    const strategy = [
      profile.typeHistory.size > 0 || profile.systemHistory
        ? 'Changes come down through the server’s history, deletions included.'
        : `Changes come down by search${profile.modifiedParam ? ` on ${profile.modifiedParam}` : ' (the server cannot filter by date, so each sync reads everything)'}; deletions are found by comparing records.`,
      profile.updateCreate.size > 0
        ? 'New records go up under the ids this laptop gives them.'
        : 'New records go up as conditional creates; the server gives them their ids.',
    ];
    return { fhirVersion: profile.fhirVersion, strategy };
  } catch (error) {
    if (error instanceof SyncHttpError) {
      if (error.kind === 'offline')
        throw new AppError('OFFLINE', error.message, { fields: { baseUrl: error.message } });
      throw new AppError('FHIR_REJECTED', error.message, {
        fields: error.kind === 'unauthorised' ? { clientSecret: error.message } : { baseUrl: error.message },
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION', message, { fields: { baseUrl: message } });
  }
}

export function syncHandlers(deps: CoreDeps): SyncHandlers {
  const { store, sessions } = deps;
  const ctx = () => ({ userId: sessions.require().id, now: deps.now() });
  return {
    'sync:get-status': () => {
      sessions.require();
      return deps.sync.status();
    },
    'sync:run-now': () => {
      sessions.require();
      if (!isConfigured(readSyncConfig(store.sqlite))) {
        throw new AppError(
          'VALIDATION',
          'This laptop is not connected to a central registry yet. An administrator can set it up in Settings.',
        );
      }
      void deps.sync.runNow();
      return deps.sync.status();
    },
    'sync:get-settings': () => {
      sessions.require();
      return toSettingsView(readSyncConfig(store.sqlite));
    },
    'sync:save-settings': (input) => {
      requireAdmin(deps);
      const next = mergeSyncSettings(readSyncConfig(store.sqlite), input);
      writeSyncConfig(store.sqlite, next);
      deps.sync.reconfigured();
      return toSettingsView(next);
    },
    'sync:test-connection': async (input) => {
      requireAdmin(deps);
      const current = readSyncConfig(store.sqlite);
      const config = mergeSyncSettings(current, {
        ...input,
        subscriptions: current.subscriptions,
        intervalMinutes: current.intervalMinutes,
      });
      const fields: Record<string, string> = {};
      if (config.baseUrl === '') fields.baseUrl = 'Enter the address of the central registry.';
      if (config.tokenUrl === '') fields.tokenUrl = 'Enter the address of its sign-in (token) service.';
      if (config.clientId === '') fields.clientId = 'Enter the device ID this laptop was registered with.';
      if (config.clientSecret === '') fields.clientSecret = 'Enter the device secret.';
      if (Object.keys(fields).length > 0)
        throw new AppError('VALIDATION', 'Fill in the connection details first.', { fields });
      return testConnection(config, deps.now);
    },
    'sync:list-problems': () => {
      sessions.require();
      return listProblems(store.sqlite);
    },
    'sync:resolve-conflict': (input) => {
      resolveConflict(store.sqlite, input.resourceType, input.resourceId, input.choices, ctx());
      deps.emit('db:changed', { resourceType: input.resourceType, ids: [input.resourceId] });
      deps.sync.localWrite();
      return null;
    },
    'sync:retry-rejected': (input) => {
      sessions.require();
      retryRejected(store.sqlite, input.resourceType, input.resourceId);
      deps.sync.localWrite();
      return null;
    },
  };
}
