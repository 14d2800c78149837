import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { SlotAlternativeDto } from '@sportello/contracts';
import { normalizeFiscalCode } from '@sportello/domain';
import { ApiFailure, failureMessage, isNetworkFailure } from '../../core/api/api-error';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { appointmentWhen, formatEuroCents, formatInstantDate, formatTime } from '../../core/format';
import { contactsOf, OfficeContacts } from '../../layout/office-contacts';
import { CLOCK } from '../../core/clock';
import { I18n } from '../../core/i18n/i18n';
import { BookingText } from './booking-text';
import { mapServerErrors } from './applicant-form';
import { BookingSteps } from './booking-steps';
import { BookingStore } from './booking-store';
import { HoldTimer } from './hold-timer';
import { SlotAlternatives } from './slot-alternatives';
import { ProofOfWorkWidget } from './proof-of-work-widget';

/**
 * Step "Riepilogo": everything chosen and typed, to check before "Conferma prenotazione"
 * (POST /api/appointments). Failures are explained here, except the api's field errors,
 * which are shown on the form they belong to.
 */
@Component({
  selector: 'sp-summary-step',
  imports: [RouterLink, BookingSteps, HoldTimer, SlotAlternatives, OfficeContacts, ProofOfWorkWidget],
  templateUrl: './summary-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryStep {
  protected readonly store = inject(BookingStore);
  /** Signed in with SPID/CIE: the api needs no proof of work. */
  private readonly citizens = inject(CitizenAuth);
  protected readonly signedIn = computed(() => this.citizens.citizen() !== null);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(BookingText);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly clock = inject(CLOCK);

  protected readonly busy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  private readonly problem = viewChild<ElementRef<HTMLElement>>('problem');

  protected readonly when = computed(() => {
    const hold = this.store.hold();
    return hold ? appointmentWhen(hold.start, hold.end, this.i18n.locale(), this.store.timeZone()) : null;
  });
  protected readonly fee = computed(() => {
    const cents = this.store.context()?.service.feeCents ?? null;
    return cents === null ? this.i18n.t('service.free') : formatEuroCents(cents, this.i18n.locale());
  });
  protected readonly feeNote = computed(() => this.i18n.pick(this.store.context()?.service.feeNote, ''));
  protected readonly contacts = computed(() => {
    const office = this.store.context()?.office;
    return office ? contactsOf(office) : null;
  });
  /** The last moment to change or cancel online: CANCEL_CUTOFF_HOURS before the start. */
  private readonly changeableUntil = computed(() => {
    const hold = this.store.hold();
    const hours = this.store.context()?.office.cancelCutoffHours;
    return hold && hours !== undefined ? new Date(Date.parse(hold.start) - hours * 3_600_000) : null;
  });
  /** Booked now, this time could not be changed online at all. */
  protected readonly insideCutoff = computed(() => {
    const until = this.changeableUntil();
    return until !== null && until.getTime() <= this.clock().getTime();
  });
  protected readonly cutoffText = computed(() => {
    const until = this.changeableUntil();
    if (!until) return '';
    const hours = this.store.context()?.office.cancelCutoffHours ?? 0;
    if (this.insideCutoff()) return this.text.plural('summary.cutoffInside', hours);
    const locale = this.i18n.locale();
    const zone = this.store.timeZone();
    const at = until.toISOString();
    return this.text.t('summary.cutoffUntil', { until: `${formatInstantDate(at, locale, zone)}, ${formatTime(at, locale, zone)}` });
  });
  protected readonly applicant = computed(() => {
    const form = this.store.applicant();
    return {
      name: `${form.firstName.trim()} ${form.lastName.trim()}`,
      fiscalCode: normalizeFiscalCode(form.fiscalCode),
      email: form.email.trim(),
      phone: form.phone.trim(),
      notes: form.notes.trim(),
    };
  });

  protected readonly problemText = computed(() => {
    const failure = this.failure();
    if (!failure) return '';
    switch (failure.code) {
      case 'SLOT_UNAVAILABLE':
        return this.i18n.t('booking.unavailable');
      case 'LIMIT_REACHED':
        return this.i18n.t('summary.limitReached', { service: this.store.serviceName() });
      case 'VALIDATION_FAILED': {
        const other = mapServerErrors(failure.fieldErrors).other;
        return other.length ? other.join(' ') : failureMessage(failure, (key) => this.i18n.t(key));
      }
      default:
        return isNetworkFailure(failure) ? this.i18n.t('summary.network') : failureMessage(failure, (key) => this.i18n.t(key));
    }
  });
  protected readonly canRetry = computed(() => {
    const failure = this.failure();
    return failure !== null && isNetworkFailure(failure);
  });

  protected async confirm(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    const result = await this.store.submit();
    this.busy.set(false);
    if (result.ok) {
      await this.router.navigate(this.store.pathTo('confirm'));
      return;
    }
    const failure = result.failure;
    if (failure.code === 'VALIDATION_FAILED' && Object.keys(this.store.serverErrors()).length > 0) {
      // The form shows these next to their fields, with the error summary.
      await this.router.navigate(this.store.pathTo('applicant'));
      return;
    }
    this.showProblem(failure);
  }

  /** An alternative time: hold it, then stay here to confirm with the new time. */
  protected async takeAlternative(slot: SlotAlternativeDto): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    const result = await this.store.holdSlot(slot);
    this.busy.set(false);
    if (result.ok) {
      this.failure.set(null);
      afterNextRender(() => this.focusById('summary-when'), { injector: this.injector });
      return;
    }
    this.showProblem(result.failure);
  }

  private showProblem(failure: ApiFailure): void {
    this.failure.set(failure);
    afterNextRender(() => this.problem()?.nativeElement.focus(), { injector: this.injector });
  }

  private focusById(id: string): void {
    const target = this.document.getElementById(id);
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.focus();
  }
}
