/**
 * Builds the FHIR R4 Immunization for one dose the nurse entered, after checking it in words.
 * Kept apart from the transaction so that business rules can look at the built resources before
 * anything is written.
 */
import type { DoseEntry, InjectionSite, NotGivenReason, Route } from '../../src-shared/domain/immunization';
import { LOT_NUMBER_MAX, NOTE_MAX } from '../../src-shared/domain/immunization';
import type { FieldErrors } from '../../src-shared/errors';
import type { Immunization } from './fhir-immunization';
import { isIsoDate } from './iso-date';
import type { SeriesDefinition, VaccineCode } from './schedule-model';

export const ACT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const ACT_SITE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
export const ROUTE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
export const PERFORMER_FUNCTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0443';
export const ORIGIN_SYSTEM = 'http://terminology.hl7.org/CodeSystem/immunization-origin';
/** The Kliniki user who gave the dose, beside the name shown to people. */
export const USER_ID_SYSTEM = 'https://kliniki.org/fhir/sid/user-id';

export const REASON_DISPLAY: Record<NotGivenReason, string> = {
  OSTOCK: 'product out of stock',
  MEDPREC: 'medical precaution',
  PATOBJ: 'patient objection',
  IMMUNE: 'immunity',
};
export const SITE_DISPLAY: Record<InjectionSite, string> = {
  LA: 'left arm',
  RA: 'right arm',
  LT: 'left thigh',
  RT: 'right thigh',
};
export const ROUTE_DISPLAY: Record<Route, string> = {
  PO: 'Swallow, oral',
  IDINJ: 'Injection, intradermal',
  IM: 'Injection, intramuscular',
  SQ: 'Injection, subcutaneous',
};

const CVX = 'http://hl7.org/fhir/sid/cvx';
/** CVX codes of vaccines not given intramuscularly (OPV and rotavirus by mouth, BCG in the skin, MR under it). */
const ROUTE_BY_CVX: Record<string, Route> = {
  '02': 'PO',
  '178': 'PO',
  '182': 'PO',
  '119': 'PO',
  '122': 'PO',
  '19': 'IDINJ',
  '03': 'SQ',
  '04': 'SQ',
  '94': 'SQ',
};

/** How a series' vaccine is usually given; intramuscular unless its codes say otherwise. */
export function usualRoute(series: SeriesDefinition): Route {
  for (const code of series.vaccineCodes) {
    const route = code.system === CVX ? ROUTE_BY_CVX[code.code] : undefined;
    if (route) return route;
  }
  return 'IM';
}

/** Letters, digits and the separators printed on vials; at least one digit. */
const LOT_NUMBER = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 ./-]*$/;

export interface DoseContext {
  patientId: string;
  birthDate: string | null;
  today: string;
  now: Date;
  visitId: string | undefined;
  user: { id: string; fullName: string };
}

export interface CheckedDose {
  entry: DoseEntry;
  series: SeriesDefinition;
  vaccine: VaccineCode;
  date: string;
}

/** The dose checked field by field; problems go into `fields` under `doses.<index>.<field>`. */
export function checkDose(
  entry: DoseEntry,
  index: number,
  seriesById: ReadonlyMap<string, SeriesDefinition>,
  ctx: DoseContext,
  fields: FieldErrors,
): CheckedDose | null {
  const at = (field: string, message: string) => (fields[`doses.${index}.${field}`] = message);
  const series = seriesById.get(entry.seriesId);
  if (!series) {
    at('seriesId', 'This vaccine is not in the immunization schedule in force.');
    return null;
  }
  let vaccine = series.vaccineCodes[0];
  if (entry.vaccine !== undefined && entry.vaccine !== '') {
    vaccine = series.vaccineCodes.find((c) => `${c.system}|${c.code}` === entry.vaccine);
    if (!vaccine) at('vaccine', 'Choose a vaccine product that the schedule lists for this vaccine.');
  }
  const date = entry.date === undefined || entry.date.trim() === '' ? ctx.today : entry.date.trim();
  if (!isIsoDate(date)) at('date', 'Enter the date as a full date: day, month and year.');
  else if (date > ctx.today) at('date', 'This date is in the future; record a dose only once it is given.');
  else if (ctx.birthDate !== null && isIsoDate(ctx.birthDate) && date < ctx.birthDate) {
    at('date', 'This date is before the date of birth.');
  }
  if (entry.outcome === 'not-given') {
    if (!entry.reason) at('reason', 'Choose why the vaccine was not given.');
    if (entry.fromRecord) at('outcome', 'A dose copied from a card can only be recorded as given.');
  }
  const lot = entry.lotNumber?.trim() ?? '';
  if (entry.outcome === 'given' && lot !== '' && (lot.length > LOT_NUMBER_MAX || !LOT_NUMBER.test(lot))) {
    at(
      'lotNumber',
      `This lot number does not look right: copy the letters and numbers printed on the vial (at most ${LOT_NUMBER_MAX}).`,
    );
  }
  if ((entry.note?.trim().length ?? 0) > NOTE_MAX) at('note', `Keep the note under ${NOTE_MAX} characters.`);
  if (!vaccine) return null;
  return { entry, series, vaccine, date };
}

function coded(system: string, code: string, display: string) {
  return { coding: [{ system, code, display }] };
}

/** The dose's place in its series: FHIR wants a positive number, so a birth dose is written in words. */
function doseNumber(n: number | undefined): { doseNumberPositiveInt: number } | { doseNumberString: string } {
  if (n === undefined) return { doseNumberString: 'unknown' };
  return n >= 1 ? { doseNumberPositiveInt: n } : { doseNumberString: 'birth dose' };
}

export function buildImmunization(dose: CheckedDose, intendedDose: number | undefined, ctx: DoseContext): Immunization {
  const { entry, series, vaccine, date } = dose;
  const given = entry.outcome === 'given';
  const fromRecord = given && entry.fromRecord === true;
  const resource: Immunization = {
    resourceType: 'Immunization',
    status: given ? 'completed' : 'not-done',
    vaccineCode: {
      coding: [
        { system: vaccine.system, code: vaccine.code, ...(vaccine.display ? { display: vaccine.display } : {}) },
      ],
      text: series.vaccineText || series.title,
    },
    patient: { reference: `Patient/${ctx.patientId}` },
    // Date precision: the day the clinic saw, never shifted by a time zone.
    occurrenceDateTime: date,
    recorded: ctx.now.toISOString(),
    primarySource: !fromRecord,
    protocolApplied: [{ series: series.title, ...doseNumber(intendedDose) }],
  };
  if (ctx.visitId !== undefined && !fromRecord) resource.encounter = { reference: `Encounter/${ctx.visitId}` };
  const note = entry.note?.trim() ?? '';
  if (given) {
    const lot = entry.lotNumber?.trim() ?? '';
    if (lot !== '') resource.lotNumber = lot;
    const route = entry.route || undefined;
    if (route) resource.route = coded(ROUTE_SYSTEM, route, ROUTE_DISPLAY[route]);
    // A dose by mouth has no injection site, whatever the form still held.
    if (entry.site && route !== 'PO') resource.site = coded(ACT_SITE_SYSTEM, entry.site, SITE_DISPLAY[entry.site]);
    if (fromRecord) {
      resource.reportOrigin = { ...coded(ORIGIN_SYSTEM, 'record', 'Written Record'), text: 'Copied from the card' };
      const by = entry.givenElsewhereBy?.trim() ?? '';
      if (by !== '') resource.performer = [{ actor: { display: by } }];
    } else {
      resource.performer = [
        {
          function: coded(PERFORMER_FUNCTION_SYSTEM, 'AP', 'Administering Provider'),
          actor: { display: ctx.user.fullName, identifier: { system: USER_ID_SYSTEM, value: ctx.user.id } },
        },
      ];
    }
    if (note !== '') resource.note = [{ text: note }];
  } else {
    const reason = entry.reason as NotGivenReason;
    resource.statusReason = {
      ...coded(ACT_REASON_SYSTEM, reason, REASON_DISPLAY[reason]),
      text: note !== '' ? note : REASON_DISPLAY[reason],
    };
  }
  return resource;
}
