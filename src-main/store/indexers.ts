/**
 * Derived index rows for a resource, rebuilt in the writer's transaction so that lists and
 * search never disagree with the stored JSON.
 */
import type { FhirResource, Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from './client';
import { stmt } from './statements';
import { indexPatient } from '../patients/patient-indexer';
import { indexForDueList } from '../immunization/due-indexer';

const REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/;
const MAX_REFERENCES = 500;

/** Every literal `Type/id` reference in the resource, with the element path it sits at. */
export function collectReferences(resource: FhirResource): { path: string; type: string; id: string }[] {
  const found: { path: string; type: string; id: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (found.length >= MAX_REFERENCES) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'reference' && typeof child === 'string') {
          const match = REFERENCE.exec(child);
          if (match) found.push({ path, type: match[1]!, id: match[2]! });
        } else if (key !== 'contained') {
          walk(child, path === '' ? key : `${path}.${key}`);
        }
      }
    }
  };
  walk(resource, '');
  return found;
}

/** `fresh`: the row was just inserted, so there are no old index rows to remove. */
export function indexResource(sqlite: Sqlite, pk: number, resource: FhirResource, fresh = false): void {
  if (!fresh) stmt(sqlite, 'DELETE FROM resource_references WHERE resource_pk = ?').run(pk);
  const insert = stmt(
    sqlite,
    'INSERT OR IGNORE INTO resource_references (resource_pk, path, target_type, target_id) VALUES (?, ?, ?, ?)',
  );
  for (const ref of collectReferences(resource)) insert.run(pk, ref.path, ref.type, ref.id);
  if (resource.resourceType === 'Patient') indexPatient(sqlite, pk, resource as Patient, fresh);
  indexForDueList(sqlite, pk, resource, fresh);
}
