import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CitizenAppointmentDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { CLOCK } from '../../core/clock';
import { appointmentWhen, formatInstantDate, formatTime } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { loadStateOf } from '../../core/load-state';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { BookingQr } from '../../shared/booking-qr';
import { SignInButtons } from '../../shared/sign-in-buttons';
import { icsUrl } from '../booking/calendar-links';
import { CitizenText } from './citizen-text';

/** One booking as the list shows it. */
interface Row {
  appointment: CitizenAppointmentDto;
  service: string;
  when: { date: string; time: string; zone: string };
  ics: string;
  confirmBy: string;
}

/**
 * "Le mie prenotazioni" (/le-mie-prenotazioni): every booking with the signed-in codice
 * fiscale — the coming ones with their QR code for the totem, the .ics file and, where the
 * office asks for it, "Conferma presenza"; each opens its own page to move or cancel it
 * (the same page as the e-mailed link). Then the past and cancelled ones. Not signed in:
 * the SPID and CIE buttons, coming back here.
 */
@Component({
  selector: 'sp-my-appointments',
  imports: [RouterLink, LoadingIndicator, BookingQr, SignInButtons],
  templateUrl: './my-appointments.html',
  styleUrl: './my-appointments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyAppointments {
  private readonly api = inject(ApiClient);
  private readonly clock = inject(CLOCK);
  protected readonly auth = inject(CitizenAuth);
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(CitizenText);

  /** Asked only once the api said who is signed in. */
  private readonly list = resource({
    params: () => (this.auth.citizen() ? this.auth.citizen()?.fiscalCode : undefined),
    loader: () => this.api.citizenAppointments(),
  });
  protected readonly state = computed(() => loadStateOf(this.list));
  /** The code whose attendance is being confirmed, and what the last action said. */
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<{ kind: 'success' | 'error'; text: string } | null>(null);

  protected readonly rows = computed(() => {
    const state = this.state();
    if (state.status !== 'ready') return null;
    const now = this.clock().getTime();
    const rows = state.data.map((appointment) => this.row(appointment));
    return {
      upcoming: rows.filter((r) => r.appointment.status === 'BOOKED' && Date.parse(r.appointment.end) > now),
      past: rows.filter((r) => r.appointment.status !== 'BOOKED' || Date.parse(r.appointment.end) <= now),
    };
  });
  protected readonly errorText = computed(() => {
    const state = this.state();
    if (state.status !== 'error' || state.failure.status === 401) return '';
    return failureMessage(state.failure, (key) => this.i18n.t(key));
  });

  constructor() {
    void this.auth.ensureLoaded();
    // The session ended (expired, signed out in another tab): back to the buttons.
    effect(() => {
      const state = this.state();
      if (state.status === 'error' && state.failure.status === 401) untracked(() => this.auth.signedOut());
    });
  }

  protected retry(): void {
    this.list.reload();
  }

  protected async confirm(row: Row): Promise<void> {
    if (this.busy()) return;
    this.busy.set(row.appointment.code);
    this.notice.set(null);
    try {
      await this.api.confirmAttendance({ code: row.appointment.code });
      this.notice.set({ kind: 'success', text: this.i18n.t('manage.attendanceConfirmed') });
      this.list.reload();
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (failure.status === 401) this.auth.signedOut();
      this.notice.set({ kind: 'error', text: failure.message ?? failureMessage(failure, (key) => this.i18n.t(key)) });
    } finally {
      this.busy.set(null);
    }
  }

  private row(appointment: CitizenAppointmentDto): Row {
    const locale = this.i18n.locale();
    const zone = appointment.timeZone;
    const confirmBy = appointment.attendance.confirmBy;
    return {
      appointment,
      service: this.i18n.pick(appointment.serviceName, appointment.serviceCode),
      when: appointmentWhen(appointment.start, appointment.end, locale, zone),
      ics: icsUrl({ code: appointment.code }),
      confirmBy: confirmBy ? `${formatInstantDate(confirmBy, locale, zone)}, ${formatTime(confirmBy, locale, zone)}` : '',
    };
  }
}
