import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiFailure, failureMessage } from '../../core/api/api-error';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { SignInButtons } from '../../shared/sign-in-buttons';
import { formatInstantDate, formatLongDate, formatTime } from '../../core/format';
import { contactsOf, OfficeContacts } from '../../layout/office-contacts';
import { I18n } from '../../core/i18n/i18n';
import { BookingText } from './booking-text';
import { BookingSteps } from './booking-steps';
import { BookingStore, ChosenSlot } from './booking-store';
import { SlotAlternatives } from './slot-alternatives';
import { SlotPicker } from './slot-picker';
import { ProofOfWorkWidget } from './proof-of-work-widget';
import { WaitlistForm } from './waitlist-form';

/**
 * Step "Data e orario": the citizen picks a free day and a time; "Continua" reserves it
 * (a hold) and goes on to "Richiedente". With no free time at all, the waiting list.
 */
@Component({
  selector: 'sp-datetime-step',
  imports: [RouterLink, BookingSteps, SlotPicker, SlotAlternatives, WaitlistForm, OfficeContacts, ProofOfWorkWidget, SignInButtons],
  templateUrl: './datetime-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DatetimeStep {
  protected readonly store = inject(BookingStore);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(BookingText);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly busy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  private readonly problem = viewChild<ElementRef<HTMLElement>>('problem');

  protected readonly context = computed(() => this.store.context());
  protected readonly auth = inject(CitizenAuth);
  /** The office books this service only for citizens signed in with SPID/CIE, and nobody is. */
  protected readonly signInNeeded = computed(() => this.context()?.service.signInRequired === true && !this.auth.citizen() && this.auth.status() !== 'unknown');
  /** Back here after the sign-in. */
  protected readonly here = computed(() => this.router.serializeUrl(this.router.createUrlTree(this.store.pathTo('datetime'))));
  protected readonly hasFreeDays = computed(() => (this.context()?.availability.days ?? []).some((day) => day.slots.some((slot) => slot.remaining > 0)));

  protected readonly choice = computed(() => {
    const slot = this.store.selectedSlot();
    const date = this.store.selectedDate();
    if (!slot || !date) return null;
    return this.i18n.t('booking.choice', {
      date: formatLongDate(date, this.i18n.locale()),
      time: formatTime(slot.start, this.i18n.locale(), this.store.timeZone()),
      service: this.store.serviceName(),
    });
  });

  protected readonly contacts = computed(() => {
    const office = this.context()?.office;
    return office ? contactsOf(office) : null;
  });
  protected readonly suspendedUntil = computed(() => {
    const date = this.context()?.service.suspension?.lastClosedDate;
    return date ? formatLongDate(date, this.i18n.locale()) : '';
  });
  /** This browser's other held times, in words. */
  protected readonly heldTimes = computed(() => {
    const locale = this.i18n.locale();
    const zone = this.store.timeZone();
    return this.store.otherHolds().map((held) => ({
      holdId: held.holdId,
      text: this.text.t('holdLimit.held', {
        service: held.serviceName,
        date: formatInstantDate(held.start, locale, zone),
        time: formatTime(held.start, locale, zone),
        until: formatTime(held.expiresAt, locale, zone),
      }),
    }));
  });
  protected readonly retryTime = computed(() => {
    const retryAt = this.failure()?.retryAt;
    return retryAt ? formatTime(retryAt, this.i18n.locale(), this.store.timeZone()) : '';
  });

  protected readonly problemText = computed(() => {
    const failure = this.failure();
    if (!failure) return '';
    if (failure.code === 'SLOT_UNAVAILABLE') return this.i18n.t('booking.unavailable');
    if (failure.code === 'HOLD_LIMIT_REACHED') return this.text.t('holdLimit.title');
    return failureMessage(failure, (key) => this.i18n.t(key));
  });

  protected selectDate(date: string | null): void {
    if (date) this.store.chooseDate(date);
  }

  protected selectSlot(slot: ChosenSlot): void {
    this.failure.set(null);
    this.store.chooseSlot(slot);
  }

  protected continue(): void {
    const slot = this.store.selectedSlot();
    if (slot) void this.take(slot);
  }

  /** Gives back one of this browser's other held times; once none is left, goes on. */
  protected async releaseHeld(holdId: string): Promise<void> {
    await this.store.releaseOtherHold(holdId);
    if (this.store.otherHolds().length === 0) this.continue();
  }

  protected async releaseAllAndContinue(): Promise<void> {
    for (const held of this.store.otherHolds()) await this.store.releaseOtherHold(held.holdId);
    this.continue();
  }

  /** Reserves the slot, then goes on to the applicant's data. */
  protected async take(slot: ChosenSlot): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    const result = await this.store.holdSlot(slot);
    this.busy.set(false);
    if (result.ok) {
      await this.router.navigate(this.store.pathTo('applicant'));
      return;
    }
    this.failure.set(result.failure);
    afterNextRender(() => this.problem()?.nativeElement.focus(), { injector: this.injector });
  }
}
