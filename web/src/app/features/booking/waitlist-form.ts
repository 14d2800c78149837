import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, failureMessage, toApiFailure } from '../../core/api/api-error';
import { formatInstantDate } from '../../core/format';
import { I18n, MessageKey } from '../../core/i18n/i18n';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { emailProblem } from './applicant-form';
import { PrivacyConsent } from './privacy-consent';
import { ProofOfWorkWidget } from './proof-of-work-widget';

type WaitlistField = 'email' | 'privacyAccepted';

/** The browser's checks: a dictionary key per field in trouble. */
export function waitlistProblems(email: string, privacyAccepted: boolean): Partial<Record<WaitlistField, MessageKey>> {
  const problems: Partial<Record<WaitlistField, MessageKey>> = {};
  // The api's own rule for the address, so the form never sends what it refuses.
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue === 'EMPTY' ? 'waitlist.error.email.empty' : 'waitlist.error.email';
  if (!privacyAccepted) problems.privacyAccepted = 'waitlist.error.privacy';
  return problems;
}

let nextId = 0;

/**
 * "Lista d'attesa": shown instead of the calendar when the service has no free time in
 * the booking horizon. The citizen leaves an e-mail address (and agrees to the privacy
 * notice); when places free up, the first ones in the list get one e-mail each. Errors
 * appear next to the fields after the first attempt; the first field in error gets the
 * focus; the outcome is announced.
 */
@Component({
  selector: 'sp-waitlist-form',
  imports: [ProofOfWorkWidget, PrivacyConsent, FORM_KIT],
  templateUrl: './waitlist-form.html',
  styleUrls: ['./step.scss', './applicant-step.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitlistForm {
  readonly officeId = input.required<string>();
  readonly serviceId = input.required<string>();
  readonly serviceName = input.required<string>();
  /** The service has free times after all (409 SLOTS_AVAILABLE): the page should show them. */
  readonly showTimes = output<void>();

  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  protected readonly id = `waitlist-${nextId++}`;
  protected readonly email = signal('');
  protected readonly privacyAccepted = signal(false);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  /** The api's messages for fields it refused; each goes away when its field is edited. */
  protected readonly serverErrors = signal<Partial<Record<WaitlistField, string>>>({});
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly joined = signal<{ email: string; expiresAt: string } | null>(null);
  private readonly doneBox = viewChild<ElementRef<HTMLElement>>('doneBox');
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  protected readonly errors = computed(() => {
    const server = this.serverErrors();
    const problems = this.submitted() ? waitlistProblems(this.email(), this.privacyAccepted()) : {};
    const errors: Partial<Record<WaitlistField, string>> = {};
    for (const field of ['email', 'privacyAccepted'] as const) {
      const key = problems[field];
      const text = server[field] ?? (key ? this.i18n.t(key) : undefined);
      if (text) errors[field] = text;
    }
    return errors;
  });

  /** The messages next to the fields (ids `waitlist-N-<field>`). */
  protected readonly form = new FormState(this.id, { errors: () => this.errors(), hintFirst: true });

  protected readonly slotsAvailable = computed(() => this.failure()?.code === 'SLOTS_AVAILABLE');
  protected readonly problemText = computed(() => {
    const failure = this.failure();
    if (!failure || failure.code === 'SLOTS_AVAILABLE') return '';
    // Field errors are shown next to their fields.
    if (failure.code === 'VALIDATION_FAILED' && Object.keys(this.serverErrors()).length > 0) return '';
    return failureMessage(failure, (key) => this.i18n.t(key));
  });

  protected readonly doneText = computed(() => {
    const joined = this.joined();
    if (!joined) return '';
    return this.i18n.t('waitlist.done', { email: joined.email, date: formatInstantDate(joined.expiresAt, this.i18n.locale()) });
  });

  protected onEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
    this.clearServerError('email');
  }

  protected onPrivacy(accepted: boolean): void {
    this.privacyAccepted.set(accepted);
    this.clearServerError('privacyAccepted');
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.submitted.set(true);
    this.failure.set(null);
    const problems = waitlistProblems(this.email(), this.privacyAccepted());
    const first = (['email', 'privacyAccepted'] as const).find((field) => problems[field] || this.serverErrors()[field]);
    if (first) {
      this.focusField(first);
      return;
    }
    this.busy.set(true);
    const email = this.email().trim();
    try {
      const created = await this.api.joinWaitlist({
        officeId: this.officeId(),
        serviceId: this.serviceId(),
        email,
        language: this.i18n.lang(),
        privacyAccepted: true,
      });
      this.joined.set({ email, expiresAt: created.expiresAt });
      afterNextRender(() => this.doneBox()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      this.failure.set(failure);
      const fields: Partial<Record<WaitlistField, string>> = {};
      for (const problem of failure.fieldErrors) {
        if (problem.field === 'email' || problem.field === 'privacyAccepted') fields[problem.field] ??= problem.message;
      }
      this.serverErrors.set(fields);
      const field = (['email', 'privacyAccepted'] as const).find((f) => fields[f]);
      if (field) this.focusField(field);
      else afterNextRender(() => this.problemBox()?.nativeElement.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }

  private clearServerError(field: WaitlistField): void {
    if (this.serverErrors()[field] === undefined) return;
    this.serverErrors.update((errors) => {
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  }

  private focusField(field: WaitlistField): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-${field}`)?.focus(), { injector: this.injector });
  }
}
