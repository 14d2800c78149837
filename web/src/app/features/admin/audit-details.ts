/**
 * An audit row's details as people read them: one line per fact, "label: value", each
 * change as "field: before → after" — never raw JSON. Generic over actions and fields: a
 * field or a code this version has no words for is shown by its own name, so rows written
 * by a later version (new actions, new fields) still read.
 */
export interface AuditLine {
  label: string;
  value: string;
}

export interface AuditWords {
  /** The label of a detail's field, or null when there is none (the field's name is used). */
  key(name: string): string | null;
  /** Words for a code value (a reason, a ticket state), or null. */
  value(code: string): string | null;
  yes: string;
  no: string;
  /** "e altri 12" after the first items of a long list. */
  more(count: number): string;
  /** An instant, in local time. */
  instant(iso: string): string;
}

/** Items of a list shown before "and N more". */
export const LIST_LIMIT = 8;
/** Fields of a created or deleted object shown (the rest is in the database). */
const OBJECT_FIELDS = 8;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CODE = /^[A-Z][A-Z0-9_]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isObject(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;
}

/** "durationMinutes" → "duration minutes". */
function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

export function formatValue(value: unknown, words: AuditWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return words.instant(value);
    return CODE.test(value) ? (words.value(value) ?? value) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const shown = value.slice(0, LIST_LIMIT).map((v) => formatValue(v, words));
    return value.length > LIST_LIMIT ? `${shown.join(', ')} ${words.more(value.length - LIST_LIMIT)}` : shown.join(', ');
  }
  if (isObject(value)) {
    // A text in two languages, an interval, a small object: its parts in a row.
    if (typeof value['it'] === 'string' && typeof value['en'] === 'string' && Object.keys(value).length === 2) {
      return value['it'] === value['en'] ? value['it'] : `${value['it']} / ${value['en']}`;
    }
    if ('weekday' in value && 'start' in value && 'end' in value) return `${String(value['weekday'])} ${String(value['start'])}–${String(value['end'])}`;
    return Object.entries(value)
      .map(([k, v]) => `${words.key(k) ?? humanize(k)} ${formatValue(v, words)}`)
      .join(', ');
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
      return JSON.stringify(value) ?? '';
  }
}

function label(name: string, words: AuditWords): string {
  return words.key(name) ?? humanize(name);
}

function change(name: string, value: { from: unknown; to: unknown }, words: AuditWords): AuditLine {
  return { label: label(name, words), value: `${formatValue(value.from, words)} → ${formatValue(value.to, words)}` };
}

/** The lines of a row's details, in the order the api wrote them. */
export function auditLines(details: Record<string, unknown> | null | undefined, words: AuditWords): AuditLine[] {
  const lines: AuditLine[] = [];
  for (const [name, value] of Object.entries(details ?? {})) {
    if (name === 'changes' && isObject(value)) {
      for (const [field, diff] of Object.entries(value))
        lines.push(isChange(diff) ? change(field, diff, words) : { label: label(field, words), value: formatValue(diff, words) });
    } else if ((name === 'after' || name === 'before') && isObject(value)) {
      // A created or deleted object: what names it, not every field.
      for (const [field, v] of Object.entries(value).slice(0, OBJECT_FIELDS)) {
        if (field === 'id' || field === 'officeId') continue;
        lines.push({ label: label(field, words), value: formatValue(v, words) });
      }
    } else if (isChange(value)) {
      lines.push(change(name, value, words));
    } else {
      lines.push({ label: label(name, words), value: formatValue(value, words) });
    }
  }
  return lines;
}
