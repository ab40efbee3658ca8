import { createContext } from 'svelte';
import type { AppError } from '../../src-shared/errors';
import type { NewUser, Settings, UserSummary } from '../../src-shared/domain/session';
import { invoke } from '../lib/api';
import { toAppError } from '../lib/errors';

/** Clinic settings and the people who may unlock this laptop. */
export class SettingsStore {
  settings = $state<Settings | null>(null);
  users = $state<UserSummary[] | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  usersError = $state<AppError | null>(null);
  saving = $state(false);
  saveError = $state<AppError | null>(null);
  addingUser = $state(false);
  addUserError = $state<AppError | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    const [settings, users] = await Promise.allSettled([invoke('settings:get', {}), invoke('users:list', {})]);
    if (settings.status === 'fulfilled') {
      this.settings = settings.value;
      this.error = null;
    } else {
      this.error = toAppError(settings.reason);
    }
    if (users.status === 'fulfilled') {
      this.users = users.value;
      this.usersError = null;
    } else {
      this.users = null;
      this.usersError = toAppError(users.reason);
    }
    this.loading = false;
  }

  async update(changes: Partial<Settings>): Promise<Settings | null> {
    if (this.saving) return null;
    this.saving = true;
    this.saveError = null;
    try {
      this.settings = await invoke('settings:update', changes);
      return this.settings;
    } catch (cause) {
      this.saveError = toAppError(cause);
      return null;
    } finally {
      this.saving = false;
    }
  }

  async addUser(user: NewUser): Promise<UserSummary | null> {
    if (this.addingUser) return null;
    this.addingUser = true;
    this.addUserError = null;
    try {
      const created = await invoke('users:create', user);
      this.users = [...(this.users ?? []), created];
      return created;
    } catch (cause) {
      this.addUserError = toAppError(cause);
      return null;
    } finally {
      this.addingUser = false;
    }
  }

  reset(): void {
    this.settings = null;
    this.users = null;
    this.error = null;
    this.usersError = null;
    this.saveError = null;
    this.addUserError = null;
  }
}

export const [getSettings, setSettings] = createContext<SettingsStore>();
