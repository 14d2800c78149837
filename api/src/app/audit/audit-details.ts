/**
 * What goes into an audit row's `details`, as plain functions (unit-tested): the changed
 * fields of a configuration change, and a last line of defence that keeps codici fiscali
 * and e-mail addresses out of the log whatever a caller passes.
 */
import { EMAIL_IN_TEXT, FISCAL_CODE_IN_TEXT } from '../common/personal-data';

export const REDACTED = '[redacted]';

/** The details with every codice fiscale and e-mail address in any string replaced. */
export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(FISCAL_CODE_IN_TEXT, REDACTED).replace(EMAIL_IN_TEXT, REDACTED) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => redact(v)) as T;
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
