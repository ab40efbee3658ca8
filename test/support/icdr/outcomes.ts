// OperationOutcome helpers. Medplum's outcomes carry their HTTP status in `id`; ours use `icdr-<status>`
// so that statuses medplum does not know (405, 501, 502, 503...) survive its router unchanged.
import { getStatus, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { STATUS_CODES } from 'node:http';

export function outcome(
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
  expression?: string,
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id: `icdr-${status}`,
    issue: [
      {
        severity: status >= 400 ? 'error' : 'information',
        code,
        details: { text },
        ...(expression ? { expression: [expression] } : {}),
      },
    ],
  };
}

export function fail(status: number, code: OperationOutcomeIssue['code'], text: string, expression?: string): never {
  throw new OperationOutcomeError(outcome(status, code, text, expression));
}

export function statusOf(o: OperationOutcome): number {
  const match = /^icdr-(\d{3})$/.exec(o.id ?? '');
  return match ? Number(match[1]) : getStatus(o);
}

/** "201 Created", as Bundle.entry.response.status wants it. */
export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

export function errorOutcome(err: unknown): OperationOutcome {
  if (err instanceof OperationOutcomeError) return err.outcome;
  const message = err instanceof Error ? err.message : String(err);
  return outcome(500, 'exception', `Internal error in the test iCDR: ${message}`);
}
