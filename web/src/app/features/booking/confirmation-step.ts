import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { appointmentWhen, formatEuroCents, formatInstantDate, formatTime } from '../../core/format';
import { CLOCK } from '../../core/clock';
import { contactsOf, OfficeContacts } from '../../layout/office-contacts';
import { I18n } from '../../core/i18n/i18n';
import { BookingText } from './booking-text';
import { BookingSteps } from './booking-steps';
import { BookingStore } from './booking-store';
import { googleCalendarUrl, icsUrl, managePath, manageToken } from './calendar-links';
import { BookingQr } from '../../shared/booking-qr';

/**
 * Step "Conferma": the booking is made. The code (large, and as a QR code for the
 * kiosk), when and where, what to bring, add to calendar, print, and the manage link.
 */
@Component({
  selector: 'sp-confirmation-step',
  imports: [RouterLink, BookingSteps, OfficeContacts, BookingQr],
  templateUrl: './confirmation-step.html',
  styleUrls: ['./step.scss', './confirmation-step.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationStep {
  protected readonly store = inject(BookingStore);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(BookingText);
  private readonly document = inject(DOCUMENT);
  private readonly clock = inject(CLOCK);

  protected readonly fee = computed(() => {
    const cents = this.store.context()?.service.feeCents ?? null;
    return cents === null ? this.i18n.t('service.free') : formatEuroCents(cents, this.i18n.locale());
  });
  protected readonly feeNote = computed(() => this.i18n.pick(this.store.context()?.service.feeNote, ''));
  protected readonly contacts = computed(() => {
    const office = this.store.context()?.office;
    return office ? contactsOf(office) : null;
  });
  /** The exact last moment for changes online, or that there is none (booked inside the cutoff). */
  protected readonly cutoffText = computed(() => {
    const booking = this.booking();
    if (!booking) return '';
    if (Date.parse(booking.changeableUntil) <= this.clock().getTime()) {
      return this.text.plural('manage.closedFromStart', this.store.context()?.office.cancelCutoffHours ?? 0);
    }
    const locale = this.i18n.locale();
    const zone = this.store.timeZone();
    return this.i18n.t('manage.changeUntil', {
      until: `${formatInstantDate(booking.changeableUntil, locale, zone)}, ${formatTime(booking.changeableUntil, locale, zone)}`,
    });
  });

  protected readonly booking = computed(() => this.store.booking());
  protected readonly token = computed(() => {
    const booking = this.booking();
    return booking ? manageToken(booking.manageUrl) : null;
  });
  protected readonly managePath = computed(() => {
    const token = this.token();
    return token ? managePath(token) : null;
  });
  protected readonly icsUrl = computed(() => {
    const token = this.token();
    return token ? icsUrl({ token }) : null;
  });

  protected readonly when = computed(() => {
    const booking = this.booking();
    return booking ? appointmentWhen(booking.start, booking.end, this.i18n.locale(), this.store.timeZone()) : null;
  });

  protected readonly address = computed(() => {
    const office = this.store.context()?.office;
    return office ? `${office.name}, ${office.address}, ${office.city}` : '';
  });

  protected readonly googleUrl = computed(() => {
    const booking = this.booking();
    if (!booking) return null;
    const details = [
      `${this.i18n.t('confirm.code')}: ${booking.code}`,
      ...this.store.documents().map((document) => `- ${document}`),
      `${this.i18n.t('confirm.manage')}: ${booking.manageUrl}`,
    ].join('\n');
    return googleCalendarUrl({
      title: `${this.store.serviceName()} – ${this.store.context()?.office.name ?? ''}`,
      start: booking.start,
      end: booking.end,
      details,
      location: this.address(),
    });
  });

  protected print(): void {
    this.document.defaultView?.print();
  }
}
