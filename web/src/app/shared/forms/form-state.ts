import { HttpErrorResponse } from '@angular/common/http';
import { computed, linkedSignal, signal, WritableSignal } from '@angular/core';
import type { AffectedItemDto } from '@sportello/contracts';
import { failureMessage, toApiFailure } from '../../core/api/api-error';

export interface FieldMessage {
  field: string;
  message: string;
}

/** The items a 409 CONFIRMATION_REQUIRED lists (a closure's have no `kind`: appointments). */
export function affectedOf(error: unknown): AffectedItemDto[] | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = error.error as { code?: string; affected?: unknown } | null;
  if (body?.code !== 'CONFIRMATION_REQUIRED' || !Array.isArray(body.affected)) return null;
  return body.affected
    .filter(
      (a): a is Partial<AffectedItemDto> & { id: string; code: string } =>
        typeof a === 'object' && a !== null && typeof (a as AffectedItemDto).code === 'string',
    )
    .map((a) => ({
      kind: a.kind ?? 'APPOINTMENT',
      id: a.id,
      code: a.code,
      start: a.start ?? '',
      serviceId: a.serviceId ?? '',
      serviceName: a.serviceName ?? '',
    }));
}

/**
 * The state of one form, staff or citizen: the field errors (shown in the summary and next
 * to each field, by the api's field path: `names.it`, `intervals[2].start`), a general
 * failure, a success notice, a change waiting for confirmation, and whether it is busy.
 * `sp-field`, `sp-field-error` and `sp-error-summary` read it.
 */
export class FormState {
  /**
   * The message for each field in trouble. With a `source` (a form that checks itself as
   * the citizen types) it follows the source, and `set` overrides it until the source changes.
   */
  readonly errors: WritableSignal<Record<string, string>>;
  readonly failure = signal<string | null>(null);
  readonly success = signal<string | null>(null);
  readonly busy = signal(false);
  /** What a change would strand, until confirmed or cancelled. */
  readonly affected = signal<AffectedItemDto[] | null>(null);
  /** Bumped on every failed submit, so the summary takes the focus again. */
  readonly attempt = signal(0);
  readonly summary = computed<FieldMessage[]>(() => Object.entries(this.errors()).map(([field, message]) => ({ field, message })));

  /**
   * @param prefix of the controls' ids
   * @param options.alias the control that shows a field's error, when it is not the field's
   *   own (e.g. `documents.it[2]` belongs to the `documents.it` text area)
   * @param options.errors the errors, when the form computes them (the browser's checks and the api's answer)
   * @param options.hintFirst aria-describedby reads the hint before the error (the citizen
   *   forms); the staff forms read the error first
   */
  constructor(
    readonly prefix: string,
    options: { alias?: (field: string) => string; errors?: () => Record<string, string>; hintFirst?: boolean } = {},
  ) {
    this.alias = options.alias ?? ((field) => field);
    this.hintFirst = options.hintFirst ?? false;
    this.errors = options.errors ? linkedSignal(options.errors) : signal<Record<string, string>>({});
  }

  private readonly alias: (field: string) => string;
  private readonly hintFirst: boolean;

  /** The id of a field's control: `service-names-it`, `hours-intervals-2-start`. */
  id(field: string): string {
    return `${this.prefix}-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
  }

  error(field: string): string | null {
    return this.errors()[field] ?? null;
  }

  /** aria-describedby for a control: its error (if any), its hint (if any) and any other ids (a counter). */
  describedBy(field: string, hint = false, ...more: string[]): string | null {
    const error = this.error(field) ? `${this.id(field)}-error` : null;
    const hintId = hint ? `${this.id(field)}-hint` : null;
    const ids = [...(this.hintFirst ? [hintId, error] : [error, hintId]), ...more].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  start(): void {
    this.errors.set({});
    this.failure.set(null);
    this.success.set(null);
    this.busy.set(true);
  }

  /** Errors found in the browser before sending anything. */
  invalid(errors: Record<string, string>): void {
    this.errors.set(errors);
    this.busy.set(false);
    this.attempt.update((n) => n + 1);
  }

  /**
   * An answer that is not a success: 409 CONFIRMATION_REQUIRED opens the confirmation, field
   * errors go to their fields, anything else becomes the general failure (the api's message).
   */
  fail(error: unknown, t: (key: 'error.network' | 'error.generic') => string): void {
    this.busy.set(false);
    const affected = affectedOf(error);
    if (affected) {
      this.affected.set(affected);
      return;
    }
    const failure = toApiFailure(error);
    if (failure.fieldErrors.length > 0) {
      const errors: Record<string, string> = {};
      for (const e of failure.fieldErrors) errors[this.alias(e.field)] ??= e.message;
      this.errors.set(errors);
    } else {
      this.failure.set(failureMessage(failure, t));
    }
    this.attempt.update((n) => n + 1);
  }

  done(message: string | null = null): void {
    this.busy.set(false);
    this.affected.set(null);
    this.success.set(message);
  }

  clear(): void {
    this.errors.set({});
    this.failure.set(null);
    this.success.set(null);
    this.affected.set(null);
    this.busy.set(false);
  }
}
