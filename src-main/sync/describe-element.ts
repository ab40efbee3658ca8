/**
 * Conflicting FHIR elements in words a nurse can compare side by side: "Phone: 0772 123 456",
 * not JSON. Unknown elements fall back to a short, readable rendering of their values.
 */
const LABELS: Record<string, string> = {
  name: 'Name',
  gender: 'Sex',
  birthDate: 'Date of birth',
  _birthDate: 'Date of birth is estimated',
  telecom: 'Phone',
  address: 'Village and address',
  identifier: 'Clinic number and IDs',
  contact: 'Guardian or next of kin',
  '(deleted)': 'Record',
  status: 'Status',
  note: 'Notes',
};

export function elementLabel(path: string): string {
  const top = path.split('.')[0] ?? path;
  const label = LABELS[top] ?? top.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
  return path.includes('.') ? `${label} (${path.split('.').slice(1).join(' ')})` : label;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

function words(value: unknown, depth = 0): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((v) => words(v, depth + 1));
  const o = value as Record<string, unknown>;
  // Prefer what a person reads over codes and systems.
  if (typeof o.text === 'string') return [o.text];
  if (o.given || o.family) return [[...strings(o.given), ...strings(o.family)].join(' ')];
  if (typeof o.value === 'string') return [o.value];
  if (o.line || o.city) return [[...strings(o.line), ...strings(o.city)].join(', ')];
  if (typeof o.display === 'string') return [o.display];
  return Object.entries(o)
    .filter(([k]) => k !== 'system' && k !== 'url' && k !== 'use')
    .flatMap(([, v]) => words(v, depth + 1));
}

export function describeValue(value: unknown): string {
  const parts = words(value).filter((w) => w !== '');
  if (parts.length === 0) return '(empty)';
  const text = parts.join('; ');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}
