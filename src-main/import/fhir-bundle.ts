/**
 * Imports FHIR R4 Bundles (batch, transaction or collection, as Synthea writes them) into the
 * dCDR as central data: nothing is queued for the iCDR, which is where the data came from.
 *
 * A bundle is all or nothing: it is checked whole, then written in one transaction, so a bad
 * file leaves the database exactly as it was. Every resource type is kept (a Claim the portal
 * never shows still goes back to the iCDR whole); Organizations, Practitioners and Locations
 * repeated in every patient file are stored once and referenced by the first copy's id.
 */
import { randomUUID } from 'node:crypto';
import { statSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { FhirResource, Identifier, Patient } from '../../src-shared/fhir/types';
import { CLINIC_NUMBER_SYSTEM } from '../../src-shared/fhir/systems';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { getResource, putCentralResource } from '../store/resource-repo';
import { nextClinicNumber } from '../patients/clinic-number';
import {
  findStoredByIdentifier,
  identifiersOf,
  IdentifierMap,
  parseIdentifierSearch,
  queryKey,
  type IdentifierQuery,
} from './identifiers';

/** Larger files are refused before they are read: parsing one would hold the core for long. */
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;
const IMPORTABLE_TYPES = ['batch', 'transaction', 'collection'];
/** Shared reference data that patient files repeat; de-duplicated by identifier. */
export const DEDUPLICATED_TYPES: ReadonlySet<string> = new Set(['Organization', 'Practitioner', 'Location']);
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const UUID_URN = /^urn:uuid:([0-9a-fA-F-]{1,64})$/;
const CONDITIONAL = /^([A-Z][A-Za-z]+)\?(.*)$/s;

export type ImportProblem =
  | 'too-large'
  | 'not-json'
  | 'not-bundle'
  | 'unsupported-bundle-type'
  | 'bad-entry'
  | 'unsupported-request'
  | 'unresolved-reference'
  | 'ambiguous-reference'
  | 'local-changes';

/** A file that cannot be imported; the message says why in words, and nothing was written. */
export class BundleImportError extends AppError {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem, message: string) {
    super('VALIDATION', message, { problem });
    this.name = 'BundleImportError';
    this.problem = problem;
  }
}

export interface ImportOptions {
  now?: Date;
  /** Who ran the import; null for a script. */
  userId?: string | null;
  /** Named in error messages: the file the bundle came from. */
  source?: string;
}

export interface ImportReport {
  source: string;
  bundleType: string;
  entries: number;
  /** Resources stored (new or replacing an earlier import of the same id), by type. */
  written: Record<string, number>;
  /** Entries that were a copy of a resource already present (same identifier), by type. */
  deduplicated: Record<string, number>;
  /** The imported patients and the clinic numbers they can be found by. */
  patients: { id: string; clinicNumber: string }[];
}

interface PlannedEntry {
  index: number;
  fullUrl: string | null;
  type: string;
  id: string;
  originalId: string | null;
  resource: FhirResource;
  ifNoneExist: IdentifierQuery | null;
  /** Set when the entry is a copy of a resource already stored: the id it stands for. */
  duplicateOf: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(problem: ImportProblem, where: string, message: string): never {
  throw new BundleImportError(problem, `${where}: ${message} Nothing was imported from it.`);
}

/** Reads a bundle file, refusing oversized ones before reading a byte of them. */
export function readBundleFile(path: string, source = basename(path)): unknown {
  const size = statSync(path).size;
  if (size > MAX_BUNDLE_BYTES) {
    fail(
      'too-large',
      source,
      `the file is ${(size / 1024 / 1024).toFixed(0)} MB; files up to ${MAX_BUNDLE_BYTES / 1024 / 1024} MB can be imported. Split it into smaller bundles.`,
    );
  }
  return parseBundleText(readFileSync(path, 'utf8'), source);
}

export function parseBundleText(text: string, source = 'The bundle'): unknown {
  if (Buffer.byteLength(text, 'utf8') > MAX_BUNDLE_BYTES) {
    fail('too-large', source, `it is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB. Split it into smaller bundles.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    fail(
      'not-json',
      source,
      `this is not a FHIR JSON file (${error instanceof Error ? error.message : 'it cannot be read as JSON'}).`,
    );
  }
}

/** Checks the bundle's structure and decides each entry's id; reads nothing from the database. */
function planEntries(bundle: unknown, source: string): { bundleType: string; planned: PlannedEntry[] } {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    const what =
      isObject(bundle) && typeof bundle.resourceType === 'string' ? `a ${bundle.resourceType}` : 'not a FHIR resource';
    fail('not-bundle', source, `this is ${what}, not a FHIR Bundle.`);
  }
  const bundleType = typeof bundle.type === 'string' ? bundle.type : '';
  if (!IMPORTABLE_TYPES.includes(bundleType)) {
    fail(
      'unsupported-bundle-type',
      source,
      `bundles of type "${bundleType || 'none'}" cannot be imported; only batch, transaction and collection bundles can.`,
    );
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    fail('bad-entry', source, 'its "entry" is not a list.');
  const entries = (bundle.entry ?? []) as unknown[];
  const seenUrls = new Set<string>();
  const seenIds = new Set<string>();
  const planned = entries.map((entry, index): PlannedEntry => {
    const where = `${source}, entry ${index + 1}`;
    if (!isObject(entry)) fail('bad-entry', where, 'the entry is not an object.');
    const resource = entry.resource;
    if (!isObject(resource)) fail('bad-entry', where, 'the entry has no resource.');
    const type = resource.resourceType;
    if (typeof type !== 'string' || !TYPE.test(type))
      fail('bad-entry', where, 'the resource has no valid resourceType.');
    const fullUrl = typeof entry.fullUrl === 'string' && entry.fullUrl !== '' ? entry.fullUrl : null;
    if (fullUrl !== null) {
      if (seenUrls.has(fullUrl)) fail('bad-entry', where, `the fullUrl ${fullUrl} is used by two entries.`);
      seenUrls.add(fullUrl);
    }

    let ifNoneExist: IdentifierQuery | null = null;
    const request = entry.request;
    let requestId: string | null = null;
    if (request !== undefined) {
      if (!isObject(request)) fail('bad-entry', where, 'its request is not an object.');
      const method = request.method;
      const url = typeof request.url === 'string' ? request.url : '';
      if (typeof method !== 'string' || method === '') fail('bad-entry', where, 'its request has no method.');
      if (method !== 'POST' && method !== 'PUT') {
        fail(
          'unsupported-request',
          where,
          `it asks for ${method} ${url}; only resources to create or replace (POST, PUT) can be imported.`,
        );
      }
      const [path = ''] = url.split('?');
      const [urlType, urlId] = path.split('/');
      if (urlType && urlType !== type)
        fail('bad-entry', where, `its request is for ${urlType} but the resource is a ${type}.`);
      if (method === 'PUT' && urlId && ID.test(urlId)) requestId = urlId;
      if (typeof request.ifNoneExist === 'string' && request.ifNoneExist !== '') {
        const parsed = parseIdentifierSearch(type, request.ifNoneExist);
        if (typeof parsed === 'string') fail('unsupported-request', where, `its ifNoneExist cannot be used: ${parsed}`);
        ifNoneExist = parsed;
      }
    }

    const originalId = typeof resource.id === 'string' ? resource.id : null;
    const urn = fullUrl ? UUID_URN.exec(fullUrl)?.[1] : undefined;
    const id =
      [urn, requestId, originalId].find((c): c is string => typeof c === 'string' && ID.test(c)) ?? randomUUID();
    // Two entries with one id would silently become one resource.
    if (seenIds.has(`${type}/${id}`)) fail('bad-entry', where, `a second ${type} has the id ${id}.`);
    seenIds.add(`${type}/${id}`);
    return {
      index,
      fullUrl,
      type,
      id,
      originalId,
      resource: structuredClone(resource) as FhirResource,
      ifNoneExist,
      duplicateOf: null,
    };
  });
  return { bundleType, planned };
}

function rewriteReferences(value: unknown, rewrite: (reference: string) => string): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteReferences(item, rewrite);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') value[key] = rewrite(child);
      else rewriteReferences(child, rewrite);
    }
  }
}

function bump(counts: Record<string, number>, type: string): void {
  counts[type] = (counts[type] ?? 0) + 1;
}

/**
 * Imports one parsed bundle in one transaction. Throws BundleImportError (nothing written)
 * when the bundle is malformed or a reference cannot be resolved.
 */
export function importBundle(sqlite: Sqlite, bundle: unknown, options: ImportOptions = {}): ImportReport {
  const source = options.source ?? 'The bundle';
  const { bundleType, planned } = planEntries(bundle, source);
  const ctx = { userId: options.userId ?? null, now: options.now ?? new Date() };

  return sqlite.transaction((): ImportReport => {
    /** Identifiers of this bundle's resources met so far (written or duplicates), to their ids. */
    const inBundle = new IdentifierMap();
    const storedLookups = new Map<string, string[]>();
    const resolve = (query: IdentifierQuery, where: string, what: string): string | null => {
      const here = inBundle.find(query);
      if (here.length > 1) fail('ambiguous-reference', where, `${what} matches ${here.length} resources in the file.`);
      if (here[0]) return here[0];
      const key = queryKey(query);
      let stored = storedLookups.get(key);
      if (!stored) {
        stored = findStoredByIdentifier(sqlite, query);
        storedLookups.set(key, stored);
      }
      if (stored.length > 1)
        fail('ambiguous-reference', where, `${what} matches more than one ${query.type} already stored.`);
      return stored[0] ?? null;
    };

    // First pass, in file order: which entries are copies of something already known.
    for (const entry of planned) {
      const where = `${source}, entry ${entry.index + 1} (${entry.type})`;
      if (entry.ifNoneExist) {
        entry.duplicateOf = resolve(entry.ifNoneExist, where, 'its ifNoneExist');
      } else if (DEDUPLICATED_TYPES.has(entry.type)) {
        // Only identifiers with a system identify: a bare value may mean anything.
        for (const query of identifiersOf(entry.resource).filter((q) => q.system !== null)) {
          const existing = resolve(query, where, 'its identifier');
          if (existing) {
            entry.duplicateOf = existing;
            break;
          }
        }
      }
      inBundle.remember(entry.resource, entry.duplicateOf ?? entry.id);
    }

    const byUrl = new Map<string, string>();
    const renamed = new Map<string, string>();
    for (const entry of planned) {
      const target = `${entry.type}/${entry.duplicateOf ?? entry.id}`;
      if (entry.fullUrl) byUrl.set(entry.fullUrl, target);
      if (entry.originalId && `${entry.type}/${entry.originalId}` !== target)
        renamed.set(`${entry.type}/${entry.originalId}`, target);
    }

    const report: ImportReport = {
      source,
      bundleType,
      entries: planned.length,
      written: {},
      deduplicated: {},
      patients: [],
    };
    for (const entry of planned) {
      if (entry.duplicateOf) {
        bump(report.deduplicated, entry.type);
        continue;
      }
      const where = `${source}, entry ${entry.index + 1} (${entry.type})`;
      const resource = { ...entry.resource, id: entry.id };
      rewriteReferences(resource, (reference) => {
        const mapped = byUrl.get(reference);
        if (mapped) return mapped;
        if (reference.startsWith('urn:'))
          fail('unresolved-reference', where, `it refers to ${reference}, which is not in the file.`);
        const conditional = CONDITIONAL.exec(reference);
        if (conditional) {
          const query = parseIdentifierSearch(conditional[1]!, conditional[2]!);
          if (typeof query === 'string')
            fail('unresolved-reference', where, `the reference ${reference} cannot be resolved: ${query}`);
          const id = resolve(query, where, `the reference ${reference}`);
          if (!id) {
            fail(
              'unresolved-reference',
              where,
              `it refers to ${reference}, which is neither in the file nor already imported. Import the file that holds it first (for Synthea: the hospital and practitioner files).`,
            );
          }
          return `${query.type}/${id}`;
        }
        return renamed.get(reference) ?? reference;
      });
      const pending = stmt(sqlite, 'SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ? LIMIT 1').get(
        entry.type,
        entry.id,
      );
      if (pending)
        fail(
          'local-changes',
          where,
          `the ${entry.type} ${entry.id} has changes made on this laptop that are not yet sent; importing would overwrite them.`,
        );
      if (entry.type === 'Patient')
        report.patients.push({
          id: entry.id,
          clinicNumber: giveClinicNumber(sqlite, resource as Patient & { id: string }),
        });
      putCentralResource(sqlite, resource, ctx);
      bump(report.written, entry.type);
    }
    return report;
  })();
}

/**
 * Synthea patients come without a clinic number; the portal shows and searches by one. A
 * re-import keeps the number given the first time: it may already be written on a card.
 */
function giveClinicNumber(sqlite: Sqlite, patient: Patient & { id: string }): string {
  const own = patient.identifier?.find((i) => i.system === CLINIC_NUMBER_SYSTEM)?.value;
  if (own) return own;
  const stored = getResource(sqlite, 'Patient', patient.id)?.resource as Patient | undefined;
  const clinicNumber =
    stored?.identifier?.find((i) => i.system === CLINIC_NUMBER_SYSTEM)?.value ?? nextClinicNumber(sqlite);
  const identifier: Identifier = { use: 'usual', system: CLINIC_NUMBER_SYSTEM, value: clinicNumber };
  patient.identifier = [...(patient.identifier ?? []), identifier];
  return clinicNumber;
}

export function importBundleFile(sqlite: Sqlite, path: string, options: ImportOptions = {}): ImportReport {
  const source = options.source ?? basename(path);
  return importBundle(sqlite, readBundleFile(path, source), { ...options, source });
}
