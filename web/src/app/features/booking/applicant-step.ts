import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NOTES_MAX_LENGTH } from '@sportello/contracts';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { formatInstantDate, formatTime } from '../../core/format';
import { I18n, MessageKey, PluralKey } from '../../core/i18n/i18n';
import { BookingText } from './booking-text';
import { APPLICANT_FIELDS, ApplicantField, FieldProblem } from './applicant-form';
import { BookingSteps } from './booking-steps';
import { BookingStore } from './booking-store';
import { HoldTimer } from './hold-timer';
import { PrivacyConsent } from './privacy-consent';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';

type TextField = Exclude<ApplicantField, 'notes' | 'privacyAccepted'>;

interface TextFieldConfig {
  name: TextField;
  label: MessageKey;
  hint: MessageKey | null;
  type: 'text' | 'email' | 'tel';
  autocomplete: string;
  required: boolean;
  /** Codice fiscale: no spell check, capitals on phone keyboards. */
  code: boolean;
}

const TEXT_FIELDS: readonly TextFieldConfig[] = [
  { name: 'firstName', label: 'applicant.firstName', hint: null, type: 'text', autocomplete: 'given-name', required: true, code: false },
  { name: 'lastName', label: 'applicant.lastName', hint: null, type: 'text', autocomplete: 'family-name', required: true, code: false },
  { name: 'fiscalCode', label: 'applicant.fiscalCode', hint: 'applicant.fiscalCodeHint', type: 'text', autocomplete: 'off', required: true, code: true },
  { name: 'email', label: 'applicant.email', hint: 'applicant.emailHint', type: 'email', autocomplete: 'email', required: true, code: false },
  { name: 'phone', label: 'applicant.phone', hint: 'applicant.phoneHint', type: 'tel', autocomplete: 'tel', required: false, code: false },
];

/** What a citizen signed in with SPID/CIE cannot change: the api takes it from the identity. */
const IDENTITY_FIELDS: ReadonlySet<ApplicantField> = new Set(['firstName', 'lastName', 'fiscalCode']);

/** The id of a field's control, its hint and its error message. */
export function fieldId(field: ApplicantField): string {
  return `applicant-${field}`;
}

/**
 * Step "Richiedente": who the appointment is for. Values live in the BookingStore, so
 * they survive going back and forth. Errors are shown after "Continua": listed in a
 * summary at the top (which gets the focus, with links to the fields) and next to each
 * field (aria-invalid, aria-describedby). The api's own field errors come back here too.
 */
@Component({
  selector: 'sp-applicant-step',
  imports: [RouterLink, BookingSteps, HoldTimer, ErrorSummary, PrivacyConsent, FORM_KIT],
  templateUrl: './applicant-step.html',
  styleUrls: ['./step.scss', './applicant-step.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicantStep {
  protected readonly store = inject(BookingStore);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(BookingText);
  /** How long the office keeps the data (its settings; RETENTION_DAYS' default until known), for the privacy notice. */
  protected readonly retentionDays = computed(() => this.store.context()?.office.retentionDays ?? 90);
  private readonly router = inject(Router);
  /** Signed in with SPID/CIE: names and codice fiscale filled in from the identity, read-only. */
  protected readonly identity = inject(CitizenAuth).citizen;
  /** The api offers App IO (GET /api/config): the opt-in shows, checked by default. */
  protected readonly ioAvailable = inject(CitizenAuth).ioAvailable;

  protected readonly textFields = TEXT_FIELDS;
  protected readonly notesMax = NOTES_MAX_LENGTH;
  protected readonly fieldId = fieldId;
  /** Set by the first "Continua": from then on the browser's checks are shown, live. */
  protected readonly submitted = signal(false);

  protected readonly recap = computed(() => {
    const hold = this.store.hold();
    if (!hold) return '';
    const locale = this.i18n.locale();
    return this.i18n.t('applicant.recap', {
      service: this.store.serviceName(),
      date: formatInstantDate(hold.start, locale, this.store.timeZone()),
      time: formatTime(hold.start, locale, this.store.timeZone()),
    });
  });

  /** The message shown for each field now: the api's, else the browser's after a submit. */
  protected readonly errors = computed(() => {
    const server = this.store.serverErrors();
    const problems = this.submitted() ? this.store.applicantProblems() : {};
    const errors: Partial<Record<ApplicantField, string>> = {};
    for (const field of APPLICANT_FIELDS) {
      const problem = problems[field];
      const text = server[field] ?? (problem ? this.problemText(problem) : undefined);
      if (text) errors[field] = text;
    }
    return errors;
  });

  /** The summary at the top and the messages next to the fields (ids `applicant-<field>`). */
  protected readonly form = new FormState('applicant', { errors: () => this.errors(), hintFirst: true });

  protected readonly notesLength = computed(() => [...this.store.applicant().notes.trim()].length);
  protected readonly notesCounter = computed(() => {
    const left = NOTES_MAX_LENGTH - this.notesLength();
    return left >= 0
      ? this.i18n.plural('applicant.notesLeft', left, { max: NOTES_MAX_LENGTH })
      : this.i18n.plural('applicant.notesOver', -left, { max: NOTES_MAX_LENGTH });
  });

  constructor() {
    // The identity's data, once known (also after a reload); the e-mail only where none was typed.
    effect(() => {
      const citizen = this.identity();
      if (!citizen) return;
      untracked(() =>
        this.store.updateApplicant({
          firstName: citizen.firstName,
          lastName: citizen.lastName,
          fiscalCode: citizen.fiscalCode,
          ...(this.store.applicant().email.trim() ? {} : { email: citizen.email ?? '' }),
        }),
      );
    });
    // Back from "Riepilogo" because the api refused some data: show why, at once.
    if (Object.keys(this.store.serverErrors()).length > 0) {
      this.submitted.set(true);
      this.focusSummary();
    }
  }

  private problemText(problem: FieldProblem): string {
    return problem.plural
      ? this.i18n.plural(problem.key as PluralKey, Number(problem.params?.['count'] ?? 0), problem.params)
      : this.i18n.t(problem.key as MessageKey, problem.params);
  }

  protected locked(field: ApplicantField): boolean {
    return this.identity() !== null && IDENTITY_FIELDS.has(field);
  }

  protected value(field: TextField | 'notes'): string {
    return this.store.applicant()[field];
  }

  protected onInput(field: TextField | 'notes', event: Event): void {
    if (this.locked(field)) return;
    this.store.updateApplicant({ [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  protected onPrivacy(accepted: boolean): void {
    this.store.updateApplicant({ privacyAccepted: accepted });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    if (!this.store.applicantValid()) {
      this.focusSummary();
      return;
    }
    void this.router.navigate(this.store.pathTo('summary'));
  }

  /** The summary takes the focus (after it is drawn). */
  private focusSummary(): void {
    this.form.attempt.update((n) => n + 1);
  }
}
