/** Sync's state, progress and record kinds in words a nurse reads; no FHIR codes on the screen. */
import type { SyncProgress, SyncStatus } from '../../src-shared/domain/sync';
import { formatCount, formatTimeAgo, plural } from './format';

/** What kind of records a FHIR resource type holds, as a plural a person says. */
const RECORD_WORDS: Record<string, string> = {
  Patient: 'patients',
  Encounter: 'visits',
  Observation: 'measurements and test results',
  Immunization: 'vaccinations',
  Condition: 'diagnoses',
  Organization: 'clinics and organisations',
  Practitioner: 'health workers',
  PractitionerRole: 'health workers’ roles',
  Location: 'places',
  MedicationRequest: 'prescriptions',
  MedicationStatement: 'medicines taken',
  Medication: 'medicines',
  AllergyIntolerance: 'allergies',
  Procedure: 'procedures',
  CarePlan: 'care plans',
  Appointment: 'appointments',
  DiagnosticReport: 'test reports',
  ValueSet: 'code lists',
  CodeSystem: 'code lists',
  ConceptMap: 'code translations',
  Questionnaire: 'forms',
  QuestionnaireResponse: 'filled-in forms',
  PlanDefinition: 'clinical rules',
  Library: 'clinical rules',
  ActivityDefinition: 'clinical rules',
};

export function recordWords(resourceType: string | null): string {
  if (!resourceType) return 'records';
  return RECORD_WORDS[resourceType] ?? 'other records';
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
  if (status.conflicts > 0) parts.push(plural(status.conflicts, 'conflict'));
  if (status.rejected > 0) parts.push(`${formatCount(status.rejected)} refused`);
  return parts.join(', ');
}

function lastSync(status: SyncStatus, now: number): string {
  return status.lastSuccessAt ? `Last sync ${formatTimeAgo(status.lastSuccessAt, now)}` : 'Never synced';
}

/** The one-glance summary the top bar shows and the live region reads out. */
export function syncHeadline(status: SyncStatus, now: number): SyncHeadline {
  if (status.state === 'not-configured') {
    return { tone: 'off', label: 'Not connected', detail: 'Sync is not set up' };
  }
  if (status.state === 'syncing') {
    return { tone: 'busy', label: 'Syncing', detail: status.progress ? shortProgress(status.progress) : 'Starting' };
  }
  if (status.conflicts > 0 || status.rejected > 0) {
    return { tone: 'attention', label: 'Needs attention', detail: problemCount(status) };
  }
  if (status.state === 'error') {
    return { tone: 'attention', label: 'Needs attention', detail: 'Last sync did not finish' };
  }
  if (status.state === 'offline') return { tone: 'offline', label: 'Offline', detail: lastSync(status, now) };
  if (status.waitingToSend > 0) {
    return { tone: 'ok', label: 'Online', detail: `${formatCount(status.waitingToSend)} waiting to send` };
  }
  if (!status.lastSuccessAt) return { tone: 'ok', label: 'Online', detail: 'Not synced yet' };
  return { tone: 'ok', label: 'Up to date', detail: `Synced ${formatTimeAgo(status.lastSuccessAt, now)}` };
}

/** What sync is doing now, as a sentence. */
export function phaseWords(progress: SyncProgress): string {
  switch (progress.phase) {
    case 'connect':
      return 'Connecting to the central registry';
    case 'push':
      return 'Sending your changes';
    case 'pull':
      return `Receiving ${recordWords(progress.resourceType)}`;
    case 'reconcile':
      return 'Checking for records deleted centrally';
  }
}

/** "4,200 of 120,000 records"; empty where the phase has nothing to count. */
export function progressCounts(progress: SyncProgress): string {
  if (progress.phase !== 'push' && progress.phase !== 'pull') return '';
  const noun = progress.phase === 'push' ? 'changes' : 'records';
  if (progress.total !== null && progress.total > 0) {
    return `${formatCount(progress.done)} of ${formatCount(progress.total)} ${noun}`;
  }
  return progress.done > 0 ? `${formatCount(progress.done)} ${noun} so far` : '';
}

function shortProgress(progress: SyncProgress): string {
  if (progress.phase === 'push' || progress.phase === 'pull') {
    const verb = progress.phase === 'push' ? 'Sending' : 'Receiving';
    if (progress.total !== null && progress.total > 0) {
      return `${verb} ${formatCount(progress.done)} of ${formatCount(progress.total)}`;
    }
    return progress.done > 0 ? `${verb}, ${formatCount(progress.done)} so far` : verb;
  }
  return progress.phase === 'connect' ? 'Connecting' : 'Checking deletions';
}

/** "About 3 minutes left"; empty until the core has a pace to estimate from. */
export function etaWords(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return 'Less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${plural(minutes, 'minute')} left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `About ${plural(hours, 'hour')}${rest > 0 ? ` ${plural(rest, 'minute')}` : ''} left`;
}

/** Fraction done for a progress bar, or null when the total is not known. */
export function progressFraction(progress: SyncProgress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}
