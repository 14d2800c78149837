import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type {
  AppointmentCreatedDto,
  AvailabilityDto,
  CreateAppointmentRequest,
  OfficeDto,
  ServiceDto,
} from '@sportello/contracts';
import { MAX_AVAILABILITY_RANGE_DAYS } from '@sportello/contracts';
import { firstValueFrom, map, Observable, of, Subscription, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, isNetworkFailure, toApiFailure } from '../../core/api/api-error';
import { CLOCK } from '../../core/clock';
import { formatShortDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { NEW_ID } from '../../core/ids';
import {
  ApplicantField,
  ApplicantForm,
  EMPTY_APPLICANT,
  mapServerErrors,
  toCitizen,
  validateApplicant,
} from './applicant-form';
import type { BookingStep } from './booking-steps';
import { addDays, dateInTimeZone, initialMonth, IsoDate, IsoMonth, monthOf } from './calendar-month';
import { secondsLeft } from './hold-countdown';
import { ChosenSlot, freeDates, sameInstant } from './slots';

export type { ChosenSlot } from './slots';

/** What the booking pages need from the api before the citizen can choose. */
export interface BookingContext {
  office: OfficeDto;
  service: ServiceDto;
  availability: AvailabilityDto;
  from: IsoDate;
  to: IsoDate;
}

export type BookingLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; failure: ApiFailure }
  | { status: 'ready'; context: BookingContext };

/** The slot kept for the citizen while the form is filled in. */
export interface HeldSlot extends ChosenSlot {
  holdId: string;
  expiresAt: string;
}

export type ActionResult = { ok: true } | { ok: false; failure: ApiFailure };

/** A hold with less than this left is renewed rather than reused. */
const MIN_HOLD_SECONDS_TO_REUSE = 60;

/** Path segments of each step below /prenota/:serviceCode. */
const STEP_SEGMENTS: Partial<Record<BookingStep, string>> = {
  datetime: '',
  applicant: 'richiedente',
  summary: 'riepilogo',
  confirm: 'conferma',
};

/**
 * The state of one booking, shared by the wizard's steps and provided on the booking
 * route: what was loaded, chosen, held and typed survives going back and forth between
 * the steps (and a visit to the privacy page), and is dropped when a new booking starts.
 */
@Injectable()
export class BookingStore {
  private readonly api = inject(ApiClient);
  private readonly clock = inject(CLOCK);
  private readonly i18n = inject(I18n);
  private readonly newId = inject(NEW_ID);

  /** The service code of the URL, upper case ("CIE"). */
  readonly serviceCode = signal('');
  readonly load = signal<BookingLoad>({ status: 'loading' });
  readonly month = signal<IsoMonth>('');
  readonly selectedDate = signal<IsoDate | null>(null);
  readonly selectedSlot = signal<ChosenSlot | null>(null);
  readonly hold = signal<HeldSlot | null>(null);
  readonly applicant = signal<ApplicantForm>(EMPTY_APPLICANT);
  /** The api's messages for fields it refused; each goes away when its field is edited. */
  readonly serverErrors = signal<Partial<Record<ApplicantField, string>>>({});
  readonly booking = signal<AppointmentCreatedDto | null>(null);

  /** The request being sent and its Idempotency-Key, kept until it gets an answer. */
  private attempt: { key: string; body: string } | null = null;
  private loading?: Subscription;
  private refreshing?: Subscription;

  readonly context = computed(() => {
    const load = this.load();
    return load.status === 'ready' ? load.context : null;
  });
  readonly timeZone = computed(() => this.context()?.availability.timeZone || OFFICE_TIME_ZONE);
  readonly serviceName = computed(() => {
    const service = this.context()?.service;
    return service ? this.i18n.pick(service.names, service.name) : '';
  });
  readonly documents = computed(() => {
    const service = this.context()?.service;
    return service ? this.i18n.pick(service.documentsByLanguage, service.documents) : [];
  });
  readonly applicantProblems = computed(() => validateApplicant(this.applicant()));
  readonly applicantValid = computed(
    () =>
      Object.keys(this.applicantProblems()).length === 0 &&
      Object.keys(this.serverErrors()).length === 0,
  );

  /** What was chosen in completed steps, for the step indicator. */
  readonly stepDetails = computed<Partial<Record<BookingStep, string>>>(() => {
    const context = this.context();
    const held = this.hold() ?? this.selectedSlot();
    const applicant = this.applicant();
    const locale = this.i18n.locale();
    return {
      office: context?.office.name,
      service: this.serviceName() || undefined,
      datetime: held
        ? `${formatShortDate(held.start, locale, this.timeZone())}, ${formatTime(held.start, locale, this.timeZone())}`
        : undefined,
      applicant: this.applicantValid()
        ? `${applicant.firstName.trim()} ${applicant.lastName.trim()}`
        : undefined,
    };
  });

  /** Where the completed steps lead back to; none once the booking is made (it is final). */
  readonly stepLinks = computed<Partial<Record<BookingStep, string[]>>>(() => {
    if (this.booking()) return {};
    return {
      office: ['/'],
      service: ['/'],
      datetime: this.pathTo('datetime'),
      ...(this.hold() ? { applicant: this.pathTo('applicant') } : {}),
      ...(this.hold() && this.applicantValid() ? { summary: this.pathTo('summary') } : {}),
    };
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.loading?.unsubscribe();
      this.refreshing?.unsubscribe();
    });
  }

  /** Router commands to a step of this booking. */
  pathTo(step: BookingStep): string[] {
    const segment = STEP_SEGMENTS[step];
    if (segment === undefined) return ['/'];
    return segment ? ['/prenota', this.serviceCode(), segment] : ['/prenota', this.serviceCode()];
  }

  /** Called with the URL's service code: loads it, or keeps the booking in progress for it. */
  start(serviceCode: string): void {
    const code = serviceCode.trim().toUpperCase();
    if (code === this.serviceCode() && this.load().status !== 'error') return;
    this.clear();
    this.serviceCode.set(code);
    this.fetch();
  }

  /** Back on "Data e orario" after a booking was made: a new booking starts from scratch. */
  startOver(): void {
    if (!this.booking()) return;
    const code = this.serviceCode();
    this.clear();
    this.serviceCode.set(code);
    this.fetch();
  }

  retry(): void {
    this.fetch();
  }

  /** Whether a step may be shown now, for the given service code of the URL. */
  canEnter(step: BookingStep, serviceCode: string): boolean {
    if (serviceCode.trim().toUpperCase() !== this.serviceCode() || !this.context()) return false;
    switch (step) {
      case 'applicant':
        return !this.booking() && this.hold() !== null;
      case 'summary':
        return !this.booking() && this.hold() !== null && this.applicantValid();
      case 'confirm':
        return this.booking() !== null;
      default:
        return true;
    }
  }

  chooseDate(date: IsoDate): void {
    if (date !== this.selectedDate()) this.selectedSlot.set(null);
    this.selectedDate.set(date);
  }

  chooseSlot(slot: ChosenSlot): void {
    this.selectedSlot.set({ start: slot.start, end: slot.end });
    const date = dateInTimeZone(new Date(slot.start), this.timeZone());
    this.selectedDate.set(date);
    this.month.set(monthOf(date));
  }

  /**
   * Keeps the slot for the citizen (POST /api/holds) and makes it the chosen one. The
   * current hold is reused when it is for the same time and not about to expire; one
   * given up is released, so the place is free for others at once (and the citizen's
   * open holds stay under the api's cap).
   */
  async holdSlot(slot: ChosenSlot): Promise<ActionResult> {
    const context = this.context();
    if (!context) return { ok: false, failure: toApiFailure(null) };
    const held = this.hold();
    if (
      held &&
      sameInstant(held.start, slot.start) &&
      secondsLeft(held.expiresAt, this.clock()) > MIN_HOLD_SECONDS_TO_REUSE
    ) {
      this.chooseSlot(slot);
      return { ok: true };
    }
    try {
      const hold = await firstValueFrom(
        this.api.hold({ officeId: context.office.id, serviceId: context.service.id, start: slot.start }),
      );
      this.hold.set({ start: slot.start, end: slot.end, holdId: hold.holdId, expiresAt: hold.expiresAt });
      this.chooseSlot(slot);
      // Best effort: a hold not released expires on its own.
      if (held) this.api.releaseHold(held.holdId).subscribe({ error: () => undefined });
      return { ok: true };
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (failure.code === 'SLOT_UNAVAILABLE') this.refreshAvailability();
      return { ok: false, failure };
    }
  }

  updateApplicant(patch: Partial<ApplicantForm>): void {
    this.applicant.update((form) => ({ ...form, ...patch }));
    const edited = Object.keys(patch) as ApplicantField[];
    if (edited.some((field) => this.serverErrors()[field] !== undefined)) {
      this.serverErrors.update((errors) => {
        const rest = { ...errors };
        for (const field of edited) delete rest[field];
        return rest;
      });
    }
  }

  /** The booking request for what is held and typed now. */
  request(): CreateAppointmentRequest | null {
    const context = this.context();
    const hold = this.hold();
    if (!context || !hold) return null;
    const form = this.applicant();
    const notes = form.notes.trim();
    return {
      holdId: hold.holdId,
      officeId: context.office.id,
      serviceId: context.service.id,
      start: hold.start,
      citizen: toCitizen(form),
      ...(notes ? { notes } : {}),
      language: this.i18n.lang(),
      privacyAccepted: true,
    };
  }

  /**
   * Books (POST /api/appointments). Each new request gets a new Idempotency-Key; sending
   * the same request again after a network failure reuses its key, so a booking whose
   * answer was lost is returned instead of being made twice.
   */
  async submit(): Promise<ActionResult> {
    const request = this.request();
    if (!request) return { ok: false, failure: toApiFailure(null) };
    const body = JSON.stringify(request);
    if (!this.attempt || this.attempt.body !== body) this.attempt = { key: this.newId(), body };
    try {
      const created = await firstValueFrom(this.api.book(request, this.attempt.key));
      this.attempt = null;
      this.booking.set(created);
      return { ok: true };
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (!isNetworkFailure(failure)) this.attempt = null;
      if (failure.code === 'VALIDATION_FAILED') {
        this.serverErrors.set(mapServerErrors(failure.fieldErrors).fields);
      }
      if (failure.code === 'SLOT_UNAVAILABLE') this.refreshAvailability();
      return { ok: false, failure };
    }
  }

  /** The Idempotency-Key of the request waiting for an answer (for tests and diagnostics). */
  pendingKey(): string | null {
    return this.attempt?.key ?? null;
  }

  private clear(): void {
    this.loading?.unsubscribe();
    this.refreshing?.unsubscribe();
    this.load.set({ status: 'loading' });
    this.month.set('');
    this.selectedDate.set(null);
    this.selectedSlot.set(null);
    this.hold.set(null);
    this.applicant.set(EMPTY_APPLICANT);
    this.serverErrors.set({});
    this.booking.set(null);
    this.attempt = null;
  }

  private range(): { from: IsoDate; to: IsoDate } {
    // Today in the office's zone, and the longest range the api answers in one call.
    const from = dateInTimeZone(this.clock(), OFFICE_TIME_ZONE);
    return { from, to: addDays(from, MAX_AVAILABILITY_RANGE_DAYS - 1) };
  }

  private fetch(): void {
    this.loading?.unsubscribe();
    this.load.set({ status: 'loading' });
    const { from, to } = this.range();
    const wanted = this.serviceCode();

    this.loading = this.api
      .offices()
      .pipe(
        switchMap((offices): Observable<BookingContext | null> => {
          // The URP of Calderara is one office; the first one the api lists is the one used.
          const office = offices[0];
          if (!office) return of(null);
          return this.api.services(office.id).pipe(
            switchMap((services) => {
              const service = services.find((s) => s.code.toUpperCase() === wanted);
              if (!service) return of(null);
              return this.api
                .availability({ officeId: office.id, serviceId: service.id, from, to })
                .pipe(map((availability) => ({ office, service, availability, from, to })));
            }),
          );
        }),
      )
      .subscribe({
        next: (context) => {
          if (!context) {
            this.load.set({ status: 'missing' });
            return;
          }
          if (!this.month()) this.month.set(initialMonth(freeDates(context.availability), from));
          this.load.set({ status: 'ready', context });
        },
        error: (error: unknown) => this.load.set({ status: 'error', failure: toApiFailure(error) }),
      });
  }

  /** Reloads the free times quietly (after a slot turned out to be taken, or to be free after all). */
  refreshAvailability(): void {
    const context = this.context();
    if (!context) return;
    this.refreshing?.unsubscribe();
    this.refreshing = this.api
      .availability({
        officeId: context.office.id,
        serviceId: context.service.id,
        from: context.from,
        to: context.to,
      })
      .subscribe({
        next: (availability) => {
          const current = this.context();
          if (current) this.load.set({ status: 'ready', context: { ...current, availability } });
        },
        // The old calendar stays; the next hold attempt will tell again if a time is gone.
        error: () => undefined,
      });
  }
}
