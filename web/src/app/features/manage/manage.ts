import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  resource,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AvailabilityDto, ManagedAppointmentDto, SlotAlternativeDto } from '@sportello/contracts';
import { MAX_AVAILABILITY_RANGE_DAYS } from '@sportello/contracts';
import { ApiClient, ManageTarget } from '../../core/api/api-client';
import { ApiFailure, failureMessage, toApiFailure } from '../../core/api/api-error';
import { CLOCK } from '../../core/clock';
import { appointmentWhen, formatEuroCents, formatInstantDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { OfficeContacts } from '../../layout/office-contacts';
import { I18n } from '../../core/i18n/i18n';
import { BookingText } from '../booking/booking-text';
import { LoadState, loadStateOf } from '../../core/load-state';
import { icsUrl } from '../booking/calendar-links';
import { addDays, dateInTimeZone, initialMonth, IsoDate, IsoMonth } from '../booking/calendar-month';
import { SlotAlternatives } from '../booking/slot-alternatives';
import { SlotPicker } from '../booking/slot-picker';
import { ChosenSlot, freeDates } from '../booking/slots';
import { BookingQr } from '../../shared/booking-qr';
import { SignInButtons } from '../../shared/sign-in-buttons';
import { RecoverForm } from '../citizen/recover-form';
import { LoadingIndicator } from '../../layout/loading-indicator';

interface Notice {
  kind: 'success' | 'error';
  text: string;
  alternatives: SlotAlternativeDto[];
}

interface RescheduleData {
  availability: AvailabilityDto;
  from: IsoDate;
  to: IsoDate;
}

/**
 * The citizen's manage link (/gestisci/:token): the booking, and — until the cut-off —
 * cancel it (after a confirmation dialog) or move it with the same calendar as the
 * booking. Where the office asks for it, the attendance confirmation and its button.
 * Unknown, malformed and cancelled links get one answer.
 */
@Component({
  selector: 'sp-manage',
  imports: [LoadingIndicator, RouterLink, SlotPicker, SlotAlternatives, OfficeContacts, BookingQr, SignInButtons, RecoverForm],
  templateUrl: './manage.html',
  styleUrl: './manage.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Manage {
  /** Route parameter `:token` of an e-mailed manage link (/gestisci/:token). */
  readonly token = input<string>();
  /** Route parameter `:code`: one of the signed-in citizen's own bookings (/le-mie-prenotazioni/:code). */
  readonly code = input<string>();

  private readonly api = inject(ApiClient);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(BookingText);

  /** Which booking: the link's token, or the signed-in citizen's booking code. */
  protected readonly target = computed<ManageTarget>(() => {
    const code = this.code();
    return code ? { code } : { token: this.token() ?? '' };
  });
  /** Reached from "Le mie prenotazioni" (signed in) rather than from an e-mailed link. */
  protected readonly mine = computed(() => 'code' in this.target());

  /** The booking in the address. */
  private readonly managed = resource({ params: () => this.target(), loader: ({ params }) => this.api.managed(params) });
  /** The booking as shown: loaded, then what a change returned. */
  protected readonly state = linkedSignal<LoadState<ManagedAppointmentDto>>(() => loadStateOf(this.managed));
  protected readonly busy = signal(false);
  /** Reset for another booking. */
  protected readonly notice = linkedSignal<ManageTarget, Notice | null>({ source: this.target, computation: () => null });
  protected readonly moving = linkedSignal<ManageTarget, boolean>({ source: this.target, computation: () => false });
  protected readonly schedule = signal<LoadState<RescheduleData> | null>(null);
  protected readonly month = signal<IsoMonth>('');
  protected readonly selectedDate = signal<IsoDate | null>(null);
  protected readonly selectedSlot = signal<ChosenSlot | null>(null);

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('cancelDialog');
  private readonly keepButton = viewChild<ElementRef<HTMLButtonElement>>('keepButton');
  private readonly cancelButton = viewChild<ElementRef<HTMLButtonElement>>('cancelButton');
  private readonly noticeBox = viewChild<ElementRef<HTMLElement>>('noticeBox');
  private readonly moveHeading = viewChild<ElementRef<HTMLElement>>('moveHeading');
  private readonly moveButton = viewChild<ElementRef<HTMLButtonElement>>('moveButton');

  protected readonly appointment = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  protected readonly notFound = computed(() => {
    const state = this.state();
    return state.status === 'error' && state.failure.status === 404;
  });
  /** Signed-in page, but the session ended (expired, signed out in another tab): sign in again. */
  protected readonly signedOut = computed(() => {
    const state = this.state();
    return state.status === 'error' && state.failure.status === 401;
  });
  protected readonly errorText = computed(() => {
    const state = this.state();
    return state.status === 'error' && !this.notFound() && !this.signedOut() ? failureMessage(state.failure, (key) => this.i18n.t(key)) : '';
  });

  protected readonly view = computed(() => {
    const appointment = this.appointment();
    if (!appointment) return null;
    const locale = this.i18n.locale();
    const zone = appointment.timeZone || OFFICE_TIME_ZONE;
    return {
      service: this.i18n.pick(appointment.serviceName, appointment.serviceCode),
      when: appointmentWhen(appointment.start, appointment.end, locale, zone),
      changeableUntil: `${formatInstantDate(appointment.changeableUntil, locale, zone)}, ${formatTime(appointment.changeableUntil, locale, zone)}`,
      ics: icsUrl(this.target()),
      fee: appointment.feeCents === null ? this.i18n.t('service.free') : formatEuroCents(appointment.feeCents, locale),
      feeNote: this.i18n.pick(appointment.feeNote, ''),
      // Booked inside the cutoff: changes were never possible online (not "closed before it existed").
      closedFromStart: Date.parse(appointment.changeableUntil) <= Date.parse(appointment.bookedAt),
      cutoffHours: Math.round((Date.parse(appointment.start) - Date.parse(appointment.changeableUntil)) / 3_600_000),
      confirmBy: appointment.attendance.confirmBy
        ? `${formatInstantDate(appointment.attendance.confirmBy, locale, zone)}, ${formatTime(appointment.attendance.confirmBy, locale, zone)}`
        : '',
    };
  });

  protected readonly contacts = computed(() => {
    const a = this.appointment();
    return a ? { name: a.officeName, address: a.officeAddress, phone: a.officePhone, email: a.officeEmail, mapUrl: a.officeMapUrl } : null;
  });

  protected readonly scheduleData = computed(() => {
    const schedule = this.schedule();
    return schedule?.status === 'ready' ? schedule.data : null;
  });
  protected readonly newTime = computed(() => {
    const slot = this.selectedSlot();
    const zone = this.appointment()?.timeZone || OFFICE_TIME_ZONE;
    if (!slot) return null;
    return this.i18n.t('manage.newTime', {
      date: formatInstantDate(slot.start, this.i18n.locale(), zone),
      time: formatTime(slot.start, this.i18n.locale(), zone),
    });
  });

  protected retry(): void {
    this.notice.set(null);
    this.moving.set(false);
    this.managed.reload();
  }

  // -- cancel ---------------------------------------------------------------

  protected openCancel(): void {
    const dialog = this.dialog()?.nativeElement;
    if (!dialog) return;
    this.notice.set(null);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    // The safe choice first: Enter on a focused "No" keeps the booking.
    this.keepButton()?.nativeElement.focus();
  }

  protected closeCancel(): void {
    const dialog = this.dialog()?.nativeElement;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }

  /** Back from the dialog (button, Esc): the focus returns to what opened it. */
  protected onDialogClosed(): void {
    if (!this.notice()) this.cancelButton()?.nativeElement.focus();
  }

  protected async confirmCancel(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const updated = await this.api.cancel(this.target());
      this.state.set({ status: 'ready', data: updated });
      this.moving.set(false);
      this.show({ kind: 'success', text: this.i18n.t('manage.cancelled'), alternatives: [] });
    } catch (error: unknown) {
      this.show(this.failureNotice(toApiFailure(error)));
    } finally {
      this.busy.set(false);
      this.closeCancel();
    }
  }

  // -- attendance -------------------------------------------------------------

  /** Where the office asks for it: the citizen confirms attendance (the same as the reminder's link). */
  protected async confirmAttendance(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const updated = await this.api.confirmAttendance(this.target());
      this.state.set({ status: 'ready', data: updated });
      this.show({ kind: 'success', text: this.i18n.t('manage.attendanceConfirmed'), alternatives: [] });
    } catch (error: unknown) {
      this.show(this.failureNotice(toApiFailure(error)));
    } finally {
      this.busy.set(false);
    }
  }

  // -- reschedule -------------------------------------------------------------

  protected openReschedule(): void {
    const appointment = this.appointment();
    if (!appointment) return;
    this.notice.set(null);
    this.moving.set(true);
    this.selectedSlot.set(null);
    this.loadSchedule(appointment);
    afterNextRender(() => this.moveHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeReschedule(): void {
    this.moving.set(false);
    afterNextRender(() => this.moveButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected selectDate(date: IsoDate | null): void {
    if (date !== this.selectedDate()) this.selectedSlot.set(null);
    this.selectedDate.set(date);
  }

  protected selectSlot(slot: ChosenSlot): void {
    this.selectedSlot.set(slot);
  }

  protected confirmReschedule(): void {
    const slot = this.selectedSlot();
    if (slot) void this.moveTo(slot);
  }

  protected async moveTo(slot: ChosenSlot): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const updated = await this.api.reschedule(this.target(), slot.start);
      this.state.set({ status: 'ready', data: updated });
      this.moving.set(false);
      const zone = updated.timeZone || OFFICE_TIME_ZONE;
      this.show({
        kind: 'success',
        text: this.i18n.t('manage.moved', {
          date: formatInstantDate(updated.start, this.i18n.locale(), zone),
          time: formatTime(updated.start, this.i18n.locale(), zone),
        }),
        alternatives: [],
      });
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      const appointment = this.appointment();
      if (failure.code === 'SLOT_UNAVAILABLE' && appointment) this.loadSchedule(appointment);
      this.show(this.failureNotice(failure));
    } finally {
      this.busy.set(false);
    }
  }

  // -------------------------------------------------------------------------

  private failureNotice(failure: ApiFailure): Notice {
    if (failure.code === 'SLOT_UNAVAILABLE') {
      return { kind: 'error', text: this.i18n.t('booking.unavailable'), alternatives: failure.alternatives };
    }
    if (failure.status === 404) {
      return { kind: 'error', text: this.i18n.t('manage.notFound'), alternatives: [] };
    }
    // CHANGE_CLOSED and the rest: the api's own message says why.
    const field = failure.fieldErrors[0]?.message;
    return {
      kind: 'error',
      text: field ?? failureMessage(failure, (key) => this.i18n.t(key)),
      alternatives: [],
    };
  }

  private show(notice: Notice): void {
    this.notice.set(notice);
    afterNextRender(() => this.noticeBox()?.nativeElement.focus(), { injector: this.injector });
  }

  private loadSchedule(appointment: ManagedAppointmentDto): void {
    const zone = appointment.timeZone || OFFICE_TIME_ZONE;
    const from = dateInTimeZone(this.clock(), zone);
    const to = addDays(from, MAX_AVAILABILITY_RANGE_DAYS - 1);
    if (this.schedule()?.status !== 'ready') this.schedule.set({ status: 'loading' });
    void this.api.availability({ officeId: appointment.officeId, serviceId: appointment.serviceId, from, to }).then(
      (availability) => {
        if (!this.month()) {
          const current = dateInTimeZone(new Date(appointment.start), zone);
          this.month.set(initialMonth(freeDates(availability), current < from ? from : current));
        }
        this.schedule.set({ status: 'ready', data: { availability, from, to } });
      },
      (error: unknown) => this.schedule.set({ status: 'error', failure: toApiFailure(error) }),
    );
  }
}
