import { EARLIEST_DATE, isPlainEmailAddress, LATEST_DATE } from '@sportello/domain';
import addressparser from 'nodemailer/lib/addressparser';
import { ApiError, FieldProblem } from './api-error';
import type { MessageKey } from './messages';
import { isUuid, localDateProblem } from './query';
/** An instant with its offset: 2027-03-29T08:30:00+02:00 or …Z. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST_INSTANT = new Date(`${EARLIEST_DATE}T00:00:00Z`);
const AFTER_LATEST_INSTANT = new Date(`${Number(LATEST_DATE.slice(0, 4)) + 1}-01-01T00:00:00Z`);

/**
 * Reads a JSON body and collects every problem at once (field paths like
 * `citizen.fiscalCode`), so the client gets all messages in one 400. Required readers
 * return a placeholder after a problem; `done()` throws before anyone uses it.
 */
export class BodyReader {
  private readonly body: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly prefix = '',
    private readonly problems: FieldProblem[] = [],
  ) {
    this.body = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  /** A reader for a nested object; its problems are reported with this one's. */
  object(field: string): BodyReader {
    const value = this.body[field];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.add(field, 'field.object');
    return new BodyReader(value, this.path(field) + '.', this.problems);
  }

  uuid(field: string): string {
    return this.optionalUuid(field, true) ?? '';
  }

  optionalUuid(field: string, required = false): string | undefined {
    const value = this.string(field, required);
    if (value !== undefined && !isUuid(value)) return this.add(field, 'field.uuid');
    return value?.toLowerCase();
  }

  /** An ISO 8601 instant with its offset, in the years EARLIEST_DATE … LATEST_DATE. */
  instant(field: string): Date {
    const value = this.string(field, true);
    const date = new Date(value ?? NaN);
    if (value === undefined) return date;
    if (!INSTANT.test(value) || Number.isNaN(date.getTime())) this.add(field, 'field.instant');
    else if (date < EARLIEST_INSTANT || date >= AFTER_LATEST_INSTANT) this.add(field, 'field.dateRange', { min: EARLIEST_DATE, max: LATEST_DATE });
    return date;
  }

  /** A required local date "YYYY-MM-DD" from EARLIEST_DATE to LATEST_DATE. */
  localDate(field: string): string {
    return this.optionalLocalDate(field, true) ?? '';
  }

  /** A local date "YYYY-MM-DD" from EARLIEST_DATE to LATEST_DATE, or undefined when absent. */
  optionalLocalDate(field: string, required = false): string | undefined {
    const value = this.string(field, required);
    if (value === undefined) return undefined;
    const problem = localDateProblem(value);
    if (problem) return this.add(field, problem.key, problem.params);
    return value;
  }

  /** Trimmed text of 1..max characters. */
  text(field: string, max: number): string {
    return this.optionalText(field, max, true) ?? '';
  }

  /** Trimmed text of 1..max characters, or undefined when absent or blank. */
  optionalText(field: string, max: number, required = false): string | undefined {
    const value = this.string(field, required);
    if (value === undefined) return undefined;
    if ([...value].length > max) return this.add(field, 'field.tooLong', { max });
    return value;
  }

  /** A secret (password) of 1..max characters, exactly as typed: never trimmed. */
  secret(field: string, max: number): string {
    const raw = this.body[field];
    if (raw === undefined || raw === null || raw === '') return this.add(field, 'field.required') ?? '';
    if (typeof raw !== 'string') return this.add(field, 'field.text') ?? '';
    if ([...raw].length > max) return this.add(field, 'field.tooLong', { max }) ?? '';
    return raw;
  }

  /**
   * A required e-mail address of at most 254 characters, in lower case: the plain form
   * only (no quotes, comments or display names), and only what nodemailer reads back as
   * that same single address, so the address stored is the address mailed.
   */
  email(field: string): string {
    const value = this.text(field, 254).toLowerCase();
    if (value && !isMailedAsIs(value)) this.add(field, 'field.email');
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly [T, ...T[]], key: MessageKey): T {
    const value = this.body[field];
    if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
    this.add(field, value === undefined ? 'field.required' : key);
    return allowed[0];
  }

  isTrue(field: string, key: MessageKey): void {
    if (this.body[field] !== true) this.add(field, key);
  }

  /** true or false; undefined when absent (a problem when required). */
  optionalBoolean(field: string, required = false): boolean | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return required ? this.add(field, 'field.required') : undefined;
    if (typeof value !== 'boolean') return this.add(field, 'field.boolean');
    return value;
  }

  /** Whether the body has the field at all (null counts as present). */
  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  /** A required whole number in [min, max]. */
  integer(field: string, min: number, max: number): number {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') return this.add(field, 'field.required') ?? min;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return this.add(field, 'field.integer', { min, max }) ?? min;
    return value;
  }

  /** A whole number in [min, max], or null when absent or null. */
  nullableInteger(field: string, min: number, max: number): number | null {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return this.add(field, 'field.integer', { min, max }) ?? null;
    return value;
  }

  /** A number (decimals allowed) in [min, max], or null when absent or null. */
  nullableNumber(field: string, min: number, max: number): number | null {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return this.add(field, 'field.number', { min, max }) ?? null;
    return value;
  }

  /** Trimmed text of at most `max` characters, or null when absent, null or blank. */
  nullableText(field: string, max: number): string | null {
    return this.optionalText(field, max) ?? null;
  }

  /** A YYYY-MM-DD date, or null when absent or null. */
  nullableDate(field: string): string | null {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') return null;
    return this.optionalLocalDate(field) ?? null;
  }

  /** A list of non-blank texts (each trimmed, at most `maxLength`), at most `maxItems`; absent = empty. */
  texts(field: string, maxItems: number, maxLength: number): string[] {
    const value = this.body[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.add(field, 'field.array') ?? [];
    if (value.length > maxItems) return this.add(field, 'field.tooMany', { max: maxItems }) ?? [];
    const texts: string[] = [];
    value.forEach((item, index) => {
      const path = `${field}[${index}]`;
      if (typeof item !== 'string' || item.trim() === '') this.add(path, typeof item === 'string' ? 'field.required' : 'field.text');
      else if ([...item.trim()].length > maxLength) this.add(path, 'field.tooLong', { max: maxLength });
      else texts.push(item.trim());
    });
    return texts;
  }

  /** A list of ids (lower case, without repeats), at most `maxItems`; absent = empty. */
  uuids(field: string, maxItems: number): string[] {
    const value = this.body[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.add(field, 'field.array') ?? [];
    if (value.length > maxItems) return this.add(field, 'field.tooMany', { max: maxItems }) ?? [];
    const ids: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string' || !isUuid(item)) this.add(`${field}[${index}]`, 'field.uuid');
      else if (!ids.includes(item.toLowerCase())) ids.push(item.toLowerCase());
    });
    return ids;
  }

  /** Readers for a list of objects (`field[0].name` …), at most `maxItems`; absent = empty. */
  list(field: string, maxItems: number, required = false): BodyReader[] {
    const value = this.body[field];
    if (value === undefined || value === null) return required ? (this.add(field, 'field.required') ?? []) : [];
    if (!Array.isArray(value)) return this.add(field, 'field.array') ?? [];
    if (value.length > maxItems) return this.add(field, 'field.tooMany', { max: maxItems }) ?? [];
    return value.map((item, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) this.add(`${field}[${index}]`, 'field.object');
      return new BodyReader(item, `${this.path(field)}[${index}].`, this.problems);
    });
  }

  /** The raw value of a field (for checks done elsewhere). */
  raw(field: string): unknown {
    return this.body[field];
  }

  /** Whether a problem was already found for this field (path relative to this reader). */
  hasProblem(field: string): boolean {
    const path = this.path(field);
    return this.problems.some((p) => p.field === path || p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`));
  }

  add(field: string, key: MessageKey, params?: Record<string, string | number>): undefined {
    this.problems.push({ field: this.path(field), key, params });
    return undefined;
  }

  /** Throws a 400 with every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw ApiError.validation(this.problems);
  }

  private string(field: string, required: boolean): string | undefined {
    const raw = this.body[field];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      return required ? this.add(field, 'field.required') : undefined;
    }
    if (typeof raw !== 'string') return this.add(field, 'field.text');
    return raw.trim();
  }

  private path(field: string): string {
    return `${this.prefix}${field}`;
  }
}

function isMailedAsIs(address: string): boolean {
  if (!isPlainEmailAddress(address)) return false;
  const parsed = addressparser(address, { flatten: true });
  return parsed.length === 1 && parsed[0].address === address && parsed[0].name === '';
}
