import type { DueList, DueRow } from '../../src-shared/domain/due-list';
import type { Patient } from '../../src-shared/fhir/types';
import type { CoreDeps, Handlers } from '../ipc/handler-types';
import { patientToSummary, readGuardian } from '../patients/fhir-patient';
import { getResourceByPk } from '../store/resource-repo';
import {
  countWithoutBirthDate,
  evaluateClinic,
  filterClinicDue,
  localIsoDate,
  type ChildDue,
} from '../immunization/clinic-due';
import { daysBetween } from '../immunization/iso-date';
import { getFollowUp, missedFollowUps, setFollowUp } from '../visits/follow-ups';
import type { Sqlite } from '../store/client';
import type { DueStatus } from '../../src-shared/domain/due-list';

type DueListHandlers = Pick<Handlers, 'due:list' | 'visits:set-follow-up' | 'visits:get-follow-up'>;

const MISSED_SHOWN = 200;

/** Names and contacts are read from the Patient JSON for the shown page only. */
function toRow(sqlite: Sqlite, child: ChildDue & { status: DueStatus }, today: string): DueRow {
  const patient = getResourceByPk(sqlite, child.pk)?.resource as Patient | undefined;
  const summary = patient ? patientToSummary(child.id, patient) : null;
  const guardian = patient ? readGuardian(patient) : null;
  return {
    patientId: child.id,
    name: summary?.displayName ?? 'Name not recorded',
    clinicNumber: summary?.clinicNumber ?? '',
    birthDate: child.birthDate,
    ageMonths: child.ageMonths,
    ageDays: daysBetween(child.birthDate, today),
    guardianName: guardian?.name || null,
    phone: summary?.phone ?? (guardian?.phone || null),
    village: child.village,
    status: child.status,
    items: child.items,
  };
}

export function dueListHandlers(deps: CoreDeps): DueListHandlers {
  const { store, sessions } = deps;
  return {
    'due:list': (query) => {
      sessions.require();
      const sqlite = store.sqlite;
      const today = localIsoDate(deps.now());
      const { schedule } = deps.schedule.current();
      const all = evaluateClinic(sqlite, schedule, today, query.upcomingDays);
      const filtered = filterClinicDue(sqlite, all, query);
      const missed = missedFollowUps(sqlite, today, MISSED_SHOWN);
      const list: DueList = {
        today,
        children: filtered.children,
        counts: filtered.counts,
        total: filtered.matches.length,
        rows: filtered.matches.slice(query.offset, query.offset + query.limit).map((c) => toRow(sqlite, c, today)),
        withoutBirthDate: countWithoutBirthDate(sqlite, today),
        series: schedule.series.map((s) => ({ id: s.id, title: s.title })),
        villages: filtered.villages,
        missedFollowUps: missed.rows,
        missedFollowUpsTotal: missed.total,
      };
      return list;
    },
    'visits:get-follow-up': (input) => {
      sessions.require();
      return getFollowUp(store.sqlite, input.visitId);
    },
    'visits:set-follow-up': (input) => {
      const ctx = { userId: sessions.require().id, now: deps.now() };
      const result = setFollowUp(store.sqlite, input.visitId, input.date, localIsoDate(ctx.now), ctx);
      deps.emit('db:changed', { resourceType: 'Appointment', ids: result ? [result.appointmentId] : [] });
      deps.sync.localWrite();
      return result;
    },
  };
}
