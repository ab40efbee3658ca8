import type { FhirResource } from './types';

/**
 * The resource without meta.versionId and meta.lastUpdated: those belong to the iCDR. A client
 * timestamp sent up would, on some servers, be kept and hide the resource from _lastUpdated
 * polling; the rest of meta (profiles, tags, security labels) is the resource's own.
 */
export function withoutServerMeta<T extends FhirResource>(resource: T): T {
  if (!resource.meta) return resource;
  const copy = { ...resource };
  const meta = { ...copy.meta };
  delete meta.versionId;
  delete meta.lastUpdated;
  if (Object.keys(meta).length > 0) copy.meta = meta;
  else delete copy.meta;
  return copy;
}
