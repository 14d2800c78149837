/**
 * What goes into an audit row's `details`, as plain functions (unit-tested): the changed
 * fields of a configuration change, and a last line of defence that keeps codici fiscali
 * and e-mail addresses out of the log whatever a caller passes.
 */

/** A codice fiscale (omocodia letters included) anywhere in a text. */
const FISCAL_CODE = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/gi;
const EMAIL = /[^\s<>()[\]@,;:"']+@[^\s<>()[\]@,;:"']+\.[^\s<>()[\]@,;:"']+/g;
export const REDACTED = '[redacted]';

/** The details with every codice fiscale and e-mail address in any string replaced. */
export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(FISCAL_CODE, REDACTED).replace(EMAIL, REDACTED) as T;
  if (Array.isArray(value)) return value.map((v) => redact(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v)])) as T;
  }
  return value;
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * The fields whose value differs between `before` and `after` (compared as JSON), with both
 * values; fields in `ignore` are left out (e.g. updatedAt).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = []): Changes {
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key)) continue;
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
