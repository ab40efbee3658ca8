/** Sync's state, progress and record kinds in words a nurse reads; no FHIR codes on the screen. */
import type { SyncProgress, SyncStatus } from '../../src-shared/domain/sync';
import { byCount, formatCount, formatHours, formatMinutes, formatTimeAgo } from './format';
import { t, tc } from './i18n.svelte';

/** What kind of records a FHIR resource type holds, as a plural a person says. */
/* Getters, so each read is translated into the language chosen at that moment. */
const RECORD_WORDS: Record<string, string> = {
  get Patient() {
    return t('patients');
  },
  get Encounter() {
    return t('visits');
  },
  get Observation() {
    return t('measurements and test results');
  },
  get Immunization() {
    return t('vaccinations');
  },
  get Condition() {
    return t('diagnoses');
  },
  get Organization() {
    return t('clinics and organisations');
  },
  get Practitioner() {
    return t('health workers');
  },
  get PractitionerRole() {
    return t('health workers’ roles');
  },
  get Location() {
    return t('places');
  },
  get MedicationRequest() {
    return t('prescriptions');
  },
  get MedicationStatement() {
    return t('medicines taken');
  },
  get Medication() {
    return t('medicines');
  },
  get AllergyIntolerance() {
    return t('allergies');
  },
  get Procedure() {
    return t('procedures');
  },
  get CarePlan() {
    return t('care plans');
  },
  get Appointment() {
    return t('appointments');
  },
  get DiagnosticReport() {
    return t('test reports');
  },
  get ValueSet() {
    return t('code lists');
  },
  get CodeSystem() {
    return t('code lists');
  },
  get ConceptMap() {
    return t('code translations');
  },
  get Questionnaire() {
    return t('forms');
  },
  get QuestionnaireResponse() {
    return t('filled-in forms');
  },
  get PlanDefinition() {
    return t('clinical rules');
  },
  get Library() {
    return t('clinical rules');
  },
  get ActivityDefinition() {
    return t('clinical rules');
  },
};

export function recordWords(resourceType: string | null): string {
  if (!resourceType) return t('records');
  return RECORD_WORDS[resourceType] ?? t('other records');
}

/** Resource types an administrator is offered in the subscriptions editor, with their words. */
export const KNOWN_RECORD_TYPES = Object.keys(RECORD_WORDS);

export type SyncTone = 'ok' | 'busy' | 'offline' | 'attention' | 'off';

export interface SyncHeadline {
  tone: SyncTone;
  /** One or two words: the indicator's label. */
  label: string;
  /** The detail beside it: counts, or when the last sync was. */
  detail: string;
}

export function problemCount(status: SyncStatus): string {
  const parts = [];
  if (status.conflicts > 0) {
    const count = formatCount(status.conflicts);
    parts.push(
      byCount(status.conflicts, { one: t('{count} conflict', { count }), other: t('{count} conflicts', { count }) }),
    );
  }
  if (status.rejected > 0) parts.push(t('{count} refused', { count: formatCount(status.rejected) }));
  return parts.join(', ');
}

function lastSync(status: SyncStatus, now: number): string {
  return status.lastSuccessAt
    ? t('Last sync {time}', { time: formatTimeAgo(status.lastSuccessAt, now) })
    : t('Never synced');
}

/** The one-glance summary the top bar shows and the live region reads out. */
export function syncHeadline(status: SyncStatus, now: number): SyncHeadline {
  if (status.state === 'not-configured') {
    return { tone: 'off', label: t('Not connected'), detail: t('Sync is not set up') };
  }
  if (status.state === 'syncing') {
    return {
      tone: 'busy',
      label: t('Syncing'),
      detail: status.progress ? shortProgress(status.progress) : t('Starting'),
    };
  }
  if (status.conflicts > 0 || status.rejected > 0) {
    return { tone: 'attention', label: t('Needs attention'), detail: problemCount(status) };
  }
  if (status.state === 'error') {
    return { tone: 'attention', label: t('Needs attention'), detail: t('Last sync did not finish') };
  }
  if (status.state === 'offline') return { tone: 'offline', label: t('Offline'), detail: lastSync(status, now) };
  if (status.waitingToSend > 0) {
    return {
      tone: 'ok',
      label: t('Online'),
      detail: t('{count} waiting to send', { count: formatCount(status.waitingToSend) }),
    };
  }
  if (!status.lastSuccessAt) return { tone: 'ok', label: t('Online'), detail: t('Not synced yet') };
  return {
    tone: 'ok',
    label: tc('sync', 'Up to date'),
    detail: t('Synced {time}', { time: formatTimeAgo(status.lastSuccessAt, now) }),
  };
}

/** What sync is doing now, as a sentence. */
export function phaseWords(progress: SyncProgress): string {
  switch (progress.phase) {
    case 'connect':
      return t('Connecting to the central registry');
    case 'push':
      return t('Sending your changes');
    case 'pull':
      return t('Receiving {records}', { records: recordWords(progress.resourceType) });
    case 'reconcile':
      return t('Checking for records deleted centrally');
  }
}

/** "4,200 of 120,000 records"; empty where the phase has nothing to count. */
export function progressCounts(progress: SyncProgress): string {
  if (progress.phase !== 'push' && progress.phase !== 'pull') return '';
  const done = formatCount(progress.done);
  const push = progress.phase === 'push';
  if (progress.total !== null && progress.total > 0) {
    const total = formatCount(progress.total);
    return push ? t('{done} of {total} changes', { done, total }) : t('{done} of {total} records', { done, total });
  }
  if (progress.done <= 0) return '';
  return push ? t('{done} changes so far', { done }) : t('{done} records so far', { done });
}

function shortProgress(progress: SyncProgress): string {
  if (progress.phase === 'push' || progress.phase === 'pull') {
    const push = progress.phase === 'push';
    const done = formatCount(progress.done);
    if (progress.total !== null && progress.total > 0) {
      const total = formatCount(progress.total);
      return push ? t('Sending {done} of {total}', { done, total }) : t('Receiving {done} of {total}', { done, total });
    }
    if (progress.done <= 0) return push ? t('Sending') : t('Receiving');
    return push ? t('Sending, {done} so far', { done }) : t('Receiving, {done} so far', { done });
  }
  return progress.phase === 'connect' ? t('Connecting') : t('Checking deletions');
}

/** "About 3 minutes left"; empty until the core has a pace to estimate from. */
export function etaWords(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return t('Less than a minute left');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('About {time} left', { time: formatMinutes(minutes) });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const time =
    rest > 0 ? t('{hours} {minutes}', { hours: formatHours(hours), minutes: formatMinutes(rest) }) : formatHours(hours);
  return t('About {time} left', { time });
}

/** Fraction done for a progress bar, or null when the total is not known. */
export function progressFraction(progress: SyncProgress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}
