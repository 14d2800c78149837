import { EARLIEST_DATE, isValidLocalDate, LATEST_DATE } from '@sportello/domain';
import { ApiError, FieldProblem } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads query parameters and collects every problem at once, so the client gets all
 * field-level messages in one 400 rather than one at a time.
 */
export class QueryReader {
  private readonly problems: FieldProblem[] = [];

  constructor(private readonly query: Record<string, unknown>) {}

  uuid(field: string): string {
    const value = this.single(field);
    if (value !== undefined && !UUID.test(value)) this.problems.push({ field, key: 'field.uuid' });
    return value?.toLowerCase() ?? '';
  }

  /** YYYY-MM-DD from EARLIEST_DATE to LATEST_DATE. */
  localDate(field: string): string {
    const value = this.single(field);
    if (value === undefined) return '';
    const problem = localDateProblem(value);
    if (problem) this.problems.push({ field, ...problem });
    return value;
  }

  /** YYYY-MM-DD, or undefined when absent. */
  optionalDate(field: string): string | undefined {
    return this.query[field] === undefined ? undefined : this.localDate(field);
  }

  /** Trimmed text of at most `max` characters, or undefined when absent or blank. */
  optionalText(field: string, max: number): string | undefined {
    const raw = this.query[field];
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
    const value = this.single(field);
    if (value !== undefined && [...value].length > max) {
      this.problems.push({ field, key: 'field.tooLong', params: { max } });
      return undefined;
    }
    return value;
  }

  /** A whole number in [min, max], or undefined when absent. */
  optionalInt(field: string, min: number, max: number): number | undefined {
    if (this.query[field] === undefined || this.query[field] === '') return undefined;
    const value = this.single(field);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      this.problems.push({ field, key: 'field.integer', params: { min, max } });
      return undefined;
    }
    return n;
  }

  /** One of the allowed values, or undefined when absent. */
  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    if (this.query[field] === undefined || this.query[field] === '') return undefined;
    const value = this.single(field);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      this.problems.push({ field, key: 'field.oneOf', params: { allowed: allowed.join(', ') } });
      return undefined;
    }
    return value as T;
  }

  problem(problem: FieldProblem): void {
    this.problems.push(problem);
  }

  hasProblem(field: string): boolean {
    return this.problems.some((p) => p.field === field);
  }

  /** Throws a 400 with every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw ApiError.validation(this.problems);
  }

  private single(field: string): string | undefined {
    const raw = this.query[field];
    if (Array.isArray(raw)) {
      this.problems.push({ field, key: 'field.single' });
      return undefined;
    }
    if (typeof raw !== 'string' || raw.trim() === '') {
      this.problems.push({ field, key: 'field.required' });
      return undefined;
    }
    return raw.trim();
  }
}

/** Why a "YYYY-MM-DD" is refused (its form, or outside EARLIEST_DATE … LATEST_DATE), or null. */
export function localDateProblem(value: string): Omit<FieldProblem, 'field'> | null {
  if (!isValidLocalDate(value)) return { key: 'field.date' };
  if (value < EARLIEST_DATE || value > LATEST_DATE) return { key: 'field.dateRange', params: { min: EARLIEST_DATE, max: LATEST_DATE } };
  return null;
}

/** A route parameter that must be a UUID: lower-cased, or a 400 naming the field. */
export function uuidParam(value: string, field: string): string {
  if (!isUuid(value)) throw ApiError.validation([{ field, key: 'field.uuid' }]);
  return value.toLowerCase();
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
