// The CapabilityStatement, built from the current behaviour profile so that it tells the truth about
// what the server does (except where a family is known to advertise more than it does: SanteDB
// lists `_lastUpdated` and ignores it, so clients must probe).
import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
  ResourceType,
} from '@medplum/fhirtypes';
import type { BehaviourProfile } from './behaviours';

/** Types a clinic portal meets; the server accepts every R4 type, these are listed even when empty. */
export const LISTED_TYPES = [
  'AllergyIntolerance',
  'AuditEvent',
  'CarePlan',
  'CareTeam',
  'Claim',
  'CodeSystem',
  'Condition',
  'DiagnosticReport',
  'Encounter',
  'ExplanationOfBenefit',
  'Immunization',
  'ImmunizationRecommendation',
  'Library',
  'Location',
  'Medication',
  'MedicationRequest',
  'Observation',
  'Organization',
  'Patient',
  'PlanDefinition',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'Questionnaire',
  'QuestionnaireResponse',
  'RelatedPerson',
  'ValueSet',
];

function searchParams(type: string, profile: BehaviourProfile): CapabilityStatementRestResourceSearchParam[] {
  const out: CapabilityStatementRestResourceSearchParam[] = [
    { name: '_id', type: 'token', documentation: 'Logical id' },
  ];
  if (profile.lastUpdatedSearch || profile.advertiseIgnoredLastUpdated) {
    out.push({ name: '_lastUpdated', type: 'date', documentation: 'When the resource version last changed' });
  }
  if (profile.lastModifiedSearch) {
    out.push({ name: '_lastModified', type: 'date', documentation: 'When the resource version last changed' });
  }
  for (const [code, param] of Object.entries(getSearchParameters(type) ?? {})) {
    if (code.startsWith('_')) continue;
    out.push({ name: code, type: param.type ?? 'string', definition: param.url });
  }
  return out;
}

function resource(type: string, profile: BehaviourProfile): CapabilityStatementRestResource {
  const interaction: CapabilityStatementRestResource['interaction'] = [
    { code: 'read' },
    { code: 'vread' },
    { code: 'update' },
    { code: 'delete' },
    { code: 'history-instance' },
    { code: 'create' },
    { code: 'search-type' },
  ];
  if (profile.historyType) interaction.push({ code: 'history-type' });
  return {
    type: type as ResourceType,
    interaction,
    versioning: profile.enforceIfMatch ? 'versioned-update' : 'versioned',
    readHistory: true,
    updateCreate: profile.updateCreate,
    conditionalCreate: profile.conditionalCreate,
    conditionalRead: 'not-supported',
    conditionalUpdate: profile.conditionalUpdate,
    conditionalDelete: profile.conditionalUpdate ? 'single' : 'not-supported',
    searchParam: searchParams(type, profile),
  };
}

export function capabilityStatement(
  profile: BehaviourProfile,
  base: string,
  tokenUrl: string | undefined,
  storedTypes: readonly string[],
  date: string,
): CapabilityStatement {
  const types = [...new Set([...LISTED_TYPES, ...storedTypes])].sort();
  const interaction: { code: 'transaction' | 'batch' | 'search-system' | 'history-system' }[] = [];
  if (profile.transactionAtBase || profile.transactionAtBundleEndpoint) interaction.push({ code: 'transaction' });
  if (profile.batch) interaction.push({ code: 'batch' });
  interaction.push({ code: 'search-system' });
  if (profile.historySystem) interaction.push({ code: 'history-system' });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: `Kliniki test iCDR (${profile.name}-like)`, version: '1.0.0' },
    implementation: { description: `Kliniki test iCDR behaving like ${profile.name}`, url: base },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        ...(profile.transactionAtBundleEndpoint && !profile.transactionAtBase
          ? { documentation: 'Transactions are accepted at POST [base]/Bundle only.' }
          : {}),
        security: {
          cors: false,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
            },
          ],
          ...(tokenUrl
            ? {
                extension: [
                  {
                    url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                    extension: [{ url: 'token', valueUri: tokenUrl }],
                  },
                ],
              }
            : {}),
        },
        resource: types.map((t) => resource(t, profile)),
        interaction,
      },
    ],
  };
}
