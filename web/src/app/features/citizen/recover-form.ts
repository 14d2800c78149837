import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { normalizeFiscalCode } from '@sportello/domain';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, failureMessage, toApiFailure } from '../../core/api/api-error';
import { I18n, MessageKey, PluralKey } from '../../core/i18n/i18n';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { emailProblem, FieldProblem, fiscalCodeProblem } from '../booking/applicant-form';
import { ProofOfWorkWidget } from '../booking/proof-of-work-widget';

export type RecoverField = 'fiscalCode' | 'email';

const FIELDS: readonly RecoverField[] = ['fiscalCode', 'email'];

const EMAIL_KEYS: Record<'EMPTY' | 'INVALID', MessageKey> = {
  EMPTY: 'applicant.error.email.empty',
  INVALID: 'applicant.error.email',
};

/**
 * The browser's checks, the api's own rules (the booking form's codice fiscale check and
 * the contract's e-mail field): a problem per field in trouble.
 */
export function recoverProblems(fiscalCode: string, email: string): Partial<Record<RecoverField, FieldProblem>> {
  const problems: Partial<Record<RecoverField, FieldProblem>> = {};
  const fiscal = fiscalCodeProblem(fiscalCode);
  if (fiscal) problems.fiscalCode = fiscal;
  const address = emailProblem(email);
  if (address) problems.email = { key: EMAIL_KEYS[address] };
  return problems;
}

let nextId = 0;

/**
 * "Hai perso l'e-mail?": the citizen who booked without signing in and lost the e-mail with
 * the manage link gives the codice fiscale and the address of the booking; when a future
 * booking matches both, the api e-mails the link again to that address. The api answers
 * the same either way (nothing tells whether a booking exists), and the form shows its
 * message. Errors appear next to the fields after the first attempt; the first field in
 * error gets the focus; the outcome is announced.
 */
@Component({
  selector: 'sp-recover-form',
  imports: [ProofOfWorkWidget, FORM_KIT],
  templateUrl: './recover-form.html',
  styles: `
    @use 'forms' with (
      $form-width: 40rem,
      $summary-width: 40rem
    );
    @use 'notices';

    .sp-code {
      text-transform: uppercase;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoverForm {
  /** The level of the section's heading (2 on the home page). */
  readonly headingLevel = input<2 | 3 | 4>(2);

  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  protected readonly id = `recover-${nextId++}`;
  protected readonly fiscalCode = signal('');
  protected readonly email = signal('');
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  /** The api's messages for fields it refused; each goes away when its field is edited. */
  protected readonly serverErrors = signal<Partial<Record<RecoverField, string>>>({});
  protected readonly failure = signal<ApiFailure | null>(null);
  /** The api's answer (the same whether or not a booking matched): once here, the form is gone. */
  protected readonly accepted = signal<string | null>(null);
  private readonly doneBox = viewChild<ElementRef<HTMLElement>>('doneBox');
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  protected readonly errors = computed(() => {
    const server = this.serverErrors();
    const problems = this.submitted() ? recoverProblems(this.fiscalCode(), this.email()) : {};
    const errors: Partial<Record<RecoverField, string>> = {};
    for (const field of FIELDS) {
      const text = server[field] ?? this.problemText(problems[field]);
      if (text) errors[field] = text;
    }
    return errors;
  });

  /** The messages next to the fields (ids `recover-N-<field>`). */
  protected readonly form = new FormState(this.id, { errors: () => this.errors(), hintFirst: true });

  protected readonly failureText = computed(() => {
    const failure = this.failure();
    if (!failure) return '';
    // Field errors are shown next to their fields.
    if (failure.code === 'VALIDATION_FAILED' && Object.keys(this.serverErrors()).length > 0) return '';
    return failureMessage(failure, (key) => this.i18n.t(key));
  });

  protected onInput(field: RecoverField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (field === 'fiscalCode' ? this.fiscalCode : this.email).set(value);
    if (this.serverErrors()[field] === undefined) return;
    this.serverErrors.update((errors) => {
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy() || this.accepted() !== null) return;
    this.submitted.set(true);
    this.failure.set(null);
    const problems = recoverProblems(this.fiscalCode(), this.email());
    const first = FIELDS.find((field) => problems[field] || this.serverErrors()[field]);
    if (first) {
      this.focusField(first);
      return;
    }
    this.busy.set(true);
    try {
      const answer = await this.api.recover({ fiscalCode: normalizeFiscalCode(this.fiscalCode()), email: this.email().trim() });
      this.accepted.set(answer.message);
      afterNextRender(() => this.doneBox()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      this.failure.set(failure);
      const fields: Partial<Record<RecoverField, string>> = {};
      for (const problem of failure.fieldErrors) {
        if (problem.field === 'fiscalCode' || problem.field === 'email') fields[problem.field] ??= problem.message;
      }
      this.serverErrors.set(fields);
      const field = FIELDS.find((f) => fields[f]);
      if (field) this.focusField(field);
      else afterNextRender(() => this.problemBox()?.nativeElement.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }

  private problemText(problem: FieldProblem | undefined): string | undefined {
    if (!problem) return undefined;
    return problem.plural
      ? this.i18n.plural(problem.key as PluralKey, Number(problem.params?.['count'] ?? 0), problem.params)
      : this.i18n.t(problem.key as MessageKey, problem.params);
  }

  private focusField(field: RecoverField): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-${field}`)?.focus(), { injector: this.injector });
  }
}
