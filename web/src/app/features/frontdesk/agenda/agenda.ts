import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import type { AgendaEntryDto, AgendaStatus, DisplayDto } from '@sportello/contracts';
import { toApiFailure } from '../../../core/api/api-error';
import { CLOCK } from '../../../core/clock';
import { formatLongDate, formatTime, OFFICE_TIME_ZONE } from '../../../core/format';
import { LoadState } from '../../../core/load-state';
import { LoadingIndicator } from '../../../layout/loading-indicator';
import { dateInTimeZone } from '../../booking/calendar-month';
import { failureText } from '../shared/failure-text';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n, FrontDeskKey } from '../shared/frontdesk-i18n';
import { LiveStatusNote } from '../shared/live-status-note';
import { followOffice, Refresher } from '../shared/office-events';
import { OfficeChoice } from '../../staff/office-choice';
import { WalkInForm } from './walk-in-form';

const STATUS_KEYS: Record<AgendaStatus, FrontDeskKey> = {
  BOOKED: 'agenda.status.BOOKED',
  CHECKED_IN: 'agenda.status.CHECKED_IN',
  CALLED: 'agenda.status.CALLED',
  IN_SERVICE: 'agenda.status.IN_SERVICE',
  DONE: 'agenda.status.DONE',
  NO_SHOW: 'agenda.status.NO_SHOW',
  CANCELLED: 'agenda.status.CANCELLED',
};

const SEARCH_DELAY_MS = 300;

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** A check-in the api refused as too early or too late: staff may force it after confirming. */
interface ForceQuestion {
  entry: AgendaEntryDto;
  reason: string;
}

/**
 * The day's appointments (/staff/agenda) of the office chosen in the staff header: date,
 * search by code, name or codice fiscale, status badges, the phone given at booking, and
 * "Registra arrivo" (check-in) per booked appointment of today; outside the check-in
 * window the api refuses, the page says why in staff's words and the operator may force it
 * after a confirmation. Walk-in tickets are issued from the form beside it.
 */
@Component({
  selector: 'sp-agenda',
  imports: [LoadingIndicator, LiveStatusNote, WalkInForm],
  templateUrl: './agenda.html',
  styleUrl: './agenda.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Agenda {
  protected readonly i18n = inject(FrontDeskI18n);
  private readonly api = inject(FrontDeskApi);
  private readonly choice = inject(OfficeChoice);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);

  protected readonly officeId = this.choice.officeId;
  protected readonly today = dateInTimeZone(this.clock(), OFFICE_TIME_ZONE);
  protected readonly date = signal(this.today);
  protected readonly query = signal('');
  protected readonly state = signal<LoadState<AgendaEntryDto[]>>({ status: 'loading' });
  protected readonly office = signal<DisplayDto | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly question = signal<ForceQuestion | null>(null);
  /** Ticket numbers given by check-ins on this page, by appointment. */
  protected readonly issued = signal<Record<string, string>>({});

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('forceDialog');
  private readonly forceCancel = viewChild<ElementRef<HTMLButtonElement>>('forceCancel');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocusTo: HTMLElement | null = null;

  protected readonly entries = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : [];
  });
  protected readonly dateLabel = computed(() => formatLongDate(this.date(), this.i18n.locale()));
  /** Arrivals are registered on the appointment's day only: another day shows no "Registra arrivo". */
  protected readonly isToday = computed(() => this.date() === dateInTimeZone(this.clock(), OFFICE_TIME_ZONE));

  private readonly refresher = new Refresher(() => this.load());
  protected readonly live = followOffice(
    () => this.officeId(),
    (event) => {
      if (!event || event.type !== 'desk') void this.refresher.trigger();
    },
  );

  constructor() {
    effect(() => {
      const officeId = this.officeId();
      this.date();
      this.query();
      untracked(() => {
        if (officeId) void this.refresher.trigger();
      });
    });
    effect(() => {
      const officeId = this.officeId();
      untracked(() => {
        this.office.set(null);
        if (officeId)
          void this.api.display(officeId).then(
            (office) => this.office.set(office),
            () => undefined,
          );
      });
    });
  }

  private async load(): Promise<void> {
    const officeId = this.officeId();
    const date = this.date();
    const query = this.query().trim();
    if (!officeId) return;
    try {
      const entries = await this.api.agenda(officeId, date, query || null);
      if (officeId === this.officeId() && date === this.date() && query === this.query().trim()) this.state.set({ status: 'ready', data: entries });
    } catch (error: unknown) {
      if (this.state().status !== 'ready') this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected retry(): void {
    this.state.set({ status: 'loading' });
    void this.refresher.trigger();
  }

  protected onDate(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.date.set(value);
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.query.set(value), SEARCH_DELAY_MS);
  }

  protected submitSearch(event: Event, input: HTMLInputElement): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.query.set(input.value);
  }

  protected status(status: AgendaStatus): string {
    return this.i18n.t(STATUS_KEYS[status]);
  }

  protected time(instant: string): string {
    return formatTime(instant, this.i18n.locale());
  }

  /** A phone number as a tel: link (digits and a leading +). */
  protected telHref(phone: string): string {
    return `tel:${phone.replace(/[^\d+]/g, '')}`;
  }

  /** The ticket's number: from the agenda, or from a check-in just made here. */
  protected ticketNumber(entry: AgendaEntryDto): string | null {
    return entry.ticketNumber ?? this.issued()[entry.appointmentId] ?? null;
  }

  protected async checkIn(entry: AgendaEntryDto, force = false, trigger?: HTMLElement): Promise<void> {
    if (this.busyId()) return;
    if (trigger) this.returnFocusTo = trigger;
    this.busyId.set(entry.appointmentId);
    this.notice.set(null);
    try {
      const { ticket, created } = await this.api.checkIn(entry.code, force);
      this.issued.update((issued) => ({ ...issued, [entry.appointmentId]: ticket.number }));
      this.notice.set({
        kind: 'success',
        text: this.i18n.t(created ? 'agenda.checkedIn' : 'agenda.alreadyCheckedIn', { name: entry.citizenName, code: entry.code, number: ticket.number }),
      });
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (!force && (failure.code === 'CHECK_IN_TOO_EARLY' || failure.code === 'CHECK_IN_TOO_LATE')) {
        this.ask({ entry, reason: this.refusal(error, entry) });
      } else {
        this.notice.set({ kind: 'error', text: this.refusal(error, entry) });
      }
    } finally {
      this.busyId.set(null);
      void this.refresher.trigger();
    }
  }

  /**
   * Why the api refused a check-in, written for staff (the api's own sentence speaks to
   * the citizen at the kiosk: "rivolgiti allo sportello").
   */
  private refusal(error: unknown, entry: AgendaEntryDto): string {
    const failure = toApiFailure(error);
    const name = entry.citizenName;
    const time = this.time(entry.start);
    const window = error instanceof HttpErrorResponse ? Number((error.error as { windowMinutes?: unknown } | null)?.windowMinutes) : NaN;
    const minutes = Math.abs(Math.round((Date.parse(entry.start) - this.clock().getTime()) / 60_000));
    switch (failure.code) {
      case 'CHECK_IN_TOO_EARLY':
        return Number.isFinite(window) ? this.i18n.t('agenda.staff.tooEarly', { name, time, minutes, window }) : failureText(error, this.i18n);
      case 'CHECK_IN_TOO_LATE':
        return Number.isFinite(window) ? this.i18n.t('agenda.staff.tooLate', { name, time, minutes, window }) : failureText(error, this.i18n);
      case 'CHECK_IN_WRONG_DAY':
        return this.i18n.t('agenda.staff.wrongDay', { name });
      case 'APPOINTMENT_CANCELLED':
        return this.i18n.t('agenda.staff.cancelled', { name });
      default:
        return failureText(error, this.i18n);
    }
  }

  private ask(question: ForceQuestion): void {
    this.question.set(question);
    afterNextRender(
      () => {
        const dialog = this.dialog()?.nativeElement;
        if (!dialog || dialog.open) return;
        if (typeof dialog.showModal === 'function') dialog.showModal();
        else dialog.setAttribute('open', '');
        // The safe choice first.
        this.forceCancel()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  protected closeDialog(): void {
    const dialog = this.dialog()?.nativeElement;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    this.onDialogClosed();
  }

  protected onDialogClosed(): void {
    if (!this.question()) return;
    this.question.set(null);
    this.returnFocusTo?.focus();
  }

  protected async confirmForce(): Promise<void> {
    const question = this.question();
    if (!question) return;
    this.closeDialog();
    await this.checkIn(question.entry, true);
  }
}
