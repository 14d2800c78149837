import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import type { AppointmentCreatedDto, AvailabilityDto, CreateAppointmentRequest, OfficeDto, ServiceDto } from '@sportello/contracts';
import { MAX_AVAILABILITY_RANGE_DAYS } from '@sportello/contracts';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, isNetworkFailure, toApiFailure } from '../../core/api/api-error';
import { CLOCK } from '../../core/clock';
import { formatShortDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { NEW_ID } from '../../core/ids';
import { ApplicantField, ApplicantForm, EMPTY_APPLICANT, mapServerErrors, toCitizen, validateApplicant } from './applicant-form';
import type { BookingStep } from './booking-steps';
import { BookingSession, KnownHold, SavedBooking } from './booking-session';
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
  { status: 'loading' } | { status: 'missing' } | { status: 'error'; failure: ApiFailure } | { status: 'ready'; context: BookingContext };

/** The slot kept for the citizen while the form is filled in. */
export interface HeldSlot extends ChosenSlot {
  holdId: string;
  expiresAt: string;
}

export type ActionResult = { ok: true } | { ok: false; failure: ApiFailure };

export type { KnownHold } from './booking-session';

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
 *
 * It also survives a reload: every change is written to the tab's sessionStorage, and a
 * reloaded page starts from it — the hold is taken again for the same time (the page that
 * went away released it: leaving the flow gives the place back). Once booked, only the
 * confirmation is kept; starting another booking clears it.
 */
@Injectable()
export class BookingStore {
  private readonly api = inject(ApiClient);
  private readonly clock = inject(CLOCK);
  private readonly i18n = inject(I18n);
  private readonly newId = inject(NEW_ID);
  private readonly session = inject(BookingSession);
  private readonly auth = inject(CitizenAuth);
  /** "Ricevi anche su App IO": on by default; sent only where the api offers IO. */
  readonly receiveIo = signal(true);

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
  /** After a reload: the time held before could not be held again (taken meanwhile). */
  readonly restoreLost = signal(false);
  /** This browser's other open holds, shown when the cap on open holds is reached. */
  readonly otherHolds = signal<KnownHold[]>([]);

  /** The request being sent and its Idempotency-Key, kept until it gets an answer (also across a reload). */
  private readonly attempt = signal<{ key: string; body: string } | null>(null);
  /** Bumped by every quiet reload of the free times: an older answer is dropped. */
  private refreshes = 0;
  /** Bumped by every load, so an older one that answers late changes nothing. */
  private generation = 0;
  private ready: Promise<void> = Promise.resolve();

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
  readonly applicantValid = computed(() => Object.keys(this.applicantProblems()).length === 0 && Object.keys(this.serverErrors()).length === 0);

  /** What was chosen in completed steps, for the step indicator. */
  readonly stepDetails = computed<Partial<Record<BookingStep, string>>>(() => {
    const context = this.context();
    const held = this.hold() ?? this.selectedSlot();
    const applicant = this.applicant();
    const locale = this.i18n.locale();
    return {
      office: context?.office.name,
      service: this.serviceName() || undefined,
      datetime: held ? `${formatShortDate(held.start, locale, this.timeZone())}, ${formatTime(held.start, locale, this.timeZone())}` : undefined,
      applicant: this.applicantValid() ? `${applicant.firstName.trim()} ${applicant.lastName.trim()}` : undefined,
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

  /** What a reload must find again (null before any service is chosen). */
  private readonly snapshot = computed<SavedBooking | null>(() => {
    const serviceCode = this.serviceCode();
    if (!serviceCode) return null;
    const booking = this.booking();
    // Once booked, the data typed are dropped: only what the confirmation shows stays.
    if (booking) {
      return {
        serviceCode,
        month: '',
        selectedDate: null,
        selectedSlot: null,
        hold: null,
        attempt: null,
        booking,
        applicant: { ...EMPTY_APPLICANT, email: this.applicant().email },
      };
    }
    return {
      serviceCode,
      month: this.month(),
      selectedDate: this.selectedDate(),
      selectedSlot: this.selectedSlot(),
      hold: this.hold(),
      applicant: this.applicant(),
      attempt: this.attempt(),
      booking: null,
    };
  });

  constructor() {
    effect(() => {
      const snapshot = this.snapshot();
      if (snapshot) this.session.write(snapshot);
    });
    // Leaving the page (closing the tab, another site, a reload) gives the place back at
    // once; a request with keepalive outlives the page. A reload takes it again.
    const view = inject(DOCUMENT).defaultView;
    const onHide = () => this.releaseOnExit();
    const onShow = (event: PageTransitionEvent) => {
      // Back from the browser's page cache: the hold was released on the way out.
      if (event.persisted) void this.holdAgain();
    };
    view?.addEventListener('pagehide', onHide);
    view?.addEventListener('pageshow', onShow);
    inject(DestroyRef).onDestroy(() => {
      this.generation++;
      this.refreshes++;
      view?.removeEventListener('pagehide', onHide);
      view?.removeEventListener('pageshow', onShow);
    });
  }

  /** Router commands to a step of this booking. */
  pathTo(step: BookingStep): string[] {
    const segment = STEP_SEGMENTS[step];
    if (segment === undefined) return ['/'];
    return segment ? ['/prenota', this.serviceCode(), segment] : ['/prenota', this.serviceCode()];
  }

  /**
   * Called with the URL's service code: loads it, or keeps the booking in progress for it.
   * The first call of a page (after a reload) takes up the booking the tab saved for it.
   */
  start(serviceCode: string): void {
    const code = serviceCode.trim().toUpperCase();
    if (code === this.serviceCode() && this.load().status !== 'error') return;
    const saved = this.serviceCode() === '' ? this.session.read() : null;
    this.clear();
    this.serviceCode.set(code);
    if (saved?.serviceCode === code) this.restore(saved);
    this.fetch();
  }

  /** Resolves once the service's calendar is loaded (and a saved hold taken again): for the step guards. */
  whenReady(serviceCode: string): Promise<void> {
    this.start(serviceCode);
    return this.ready;
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
    if (held && sameInstant(held.start, slot.start) && secondsLeft(held.expiresAt, this.clock()) > MIN_HOLD_SECONDS_TO_REUSE) {
      this.chooseSlot(slot);
      return { ok: true };
    }
    try {
      // The hold given up is released by the api in the same step (and does not count
      // against the cap on open holds), so the place is free for others at once.
      const hold = await this.api.hold({
        officeId: context.office.id,
        serviceId: context.service.id,
        start: slot.start,
        ...(held && { replacesHoldId: held.holdId }),
      });
      this.keepHold({ start: slot.start, end: slot.end, holdId: hold.holdId, expiresAt: hold.expiresAt }, held);
      this.restoreLost.set(false);
      this.chooseSlot(slot);
      return { ok: true };
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (failure.code === 'SLOT_UNAVAILABLE') this.refreshAvailability();
      if (failure.code === 'HOLD_LIMIT_REACHED') this.refreshOtherHolds();
      return { ok: false, failure };
    }
  }

  /** Gives back one of this browser's other holds (the cap on open holds was reached). */
  async releaseOtherHold(holdId: string): Promise<void> {
    await this.api.releaseHold(holdId).catch(() => undefined);
    this.session.forgetHold(holdId, this.clock());
    this.refreshOtherHolds();
  }

  /** This browser's open holds other than this booking's. */
  refreshOtherHolds(): void {
    const own = this.hold()?.holdId;
    this.otherHolds.set(this.session.knownHolds(this.clock()).filter((h) => h.holdId !== own));
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
      ...(this.auth.ioAvailable() ? { channels: { io: this.receiveIo() } } : {}),
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
    let attempt = this.attempt();
    if (!attempt || attempt.body !== body) {
      attempt = { key: this.newId(), body };
      this.attempt.set(attempt);
    }
    try {
      const created = await this.api.book(request, attempt.key);
      this.attempt.set(null);
      this.session.forgetHold(request.holdId ?? '', this.clock());
      this.booking.set(created);
      return { ok: true };
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      if (!isNetworkFailure(failure)) this.attempt.set(null);
      if (failure.code === 'VALIDATION_FAILED') {
        this.serverErrors.set(mapServerErrors(failure.fieldErrors).fields);
      }
      if (failure.code === 'SLOT_UNAVAILABLE') this.refreshAvailability();
      return { ok: false, failure };
    }
  }

  /** The Idempotency-Key of the request waiting for an answer (for tests and diagnostics). */
  pendingKey(): string | null {
    return this.attempt()?.key ?? null;
  }

  /** The page goes away (pagehide): its hold is given back, with a request that outlives the page. */
  releaseOnExit(): void {
    const hold = this.hold();
    if (!hold || this.booking()) return;
    this.api.releaseHoldOnExit(hold.holdId);
    this.session.forgetHold(hold.holdId, this.clock());
  }

  /**
   * Takes the time held before a reload (or before the page went into the browser's cache)
   * again, replacing the old hold in case it was not released. If it went meanwhile, the
   * citizen chooses again; what they typed is kept.
   */
  async holdAgain(): Promise<void> {
    const context = this.context();
    const held = this.hold();
    if (!context || !held || this.booking()) return;
    await this.reholdFor(context.office.id, context.service.id, held, this.serviceName());
    this.refreshAvailability();
  }

  private async reholdFor(officeId: string, serviceId: string, held: HeldSlot, serviceName: string): Promise<void> {
    try {
      const hold = await this.api.hold({ officeId, serviceId, start: held.start, replacesHoldId: held.holdId });
      this.keepHold({ ...held, holdId: hold.holdId, expiresAt: hold.expiresAt }, held, serviceName);
    } catch (error: unknown) {
      // Unreachable: keep the old hold (booking with it will tell). Otherwise the time is gone.
      if (isNetworkFailure(toApiFailure(error))) return;
      this.session.forgetHold(held.holdId, this.clock());
      this.hold.set(null);
      this.selectedSlot.set(null);
      this.restoreLost.set(true);
    }
  }

  /** Makes `hold` this booking's, and the browser's list of open holds say so. */
  private keepHold(hold: HeldSlot, replaced: HeldSlot | null, serviceName = this.serviceName()): void {
    const now = this.clock();
    if (replaced) this.session.forgetHold(replaced.holdId, now);
    this.hold.set(hold);
    this.session.rememberHold(
      { holdId: hold.holdId, serviceCode: this.serviceCode(), serviceName: serviceName || this.serviceCode(), start: hold.start, expiresAt: hold.expiresAt },
      now,
    );
  }

  private restore(saved: SavedBooking): void {
    this.month.set(saved.month);
    this.selectedDate.set(saved.selectedDate);
    this.selectedSlot.set(saved.selectedSlot);
    this.hold.set(saved.hold);
    this.applicant.set({ ...EMPTY_APPLICANT, ...saved.applicant });
    this.attempt.set(saved.attempt);
    this.booking.set(saved.booking);
  }

  private clear(): void {
    this.generation++;
    this.refreshes++;
    // Another booking starts: the place held for this one is given back.
    const held = this.hold();
    if (held && !this.booking()) {
      void this.api.releaseHold(held.holdId).catch(() => undefined);
      this.session.forgetHold(held.holdId, this.clock());
    }
    this.session.clear();
    this.load.set({ status: 'loading' });
    this.month.set('');
    this.selectedDate.set(null);
    this.selectedSlot.set(null);
    this.hold.set(null);
    this.applicant.set(EMPTY_APPLICANT);
    this.serverErrors.set({});
    this.booking.set(null);
    this.attempt.set(null);
    this.restoreLost.set(false);
    this.otherHolds.set([]);
  }

  private range(): { from: IsoDate; to: IsoDate } {
    // Today in the office's zone, and the longest range the api answers in one call.
    const from = dateInTimeZone(this.clock(), OFFICE_TIME_ZONE);
    return { from, to: addDays(from, MAX_AVAILABILITY_RANGE_DAYS - 1) };
  }

  private fetch(): void {
    this.ready = this.loadContext();
  }

  /** The office, the service of the URL and its free times; a saved hold is taken again first. */
  private async loadContext(): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.load.set({ status: 'loading' });
    const { from, to } = this.range();
    const wanted = this.serviceCode();
    try {
      // The URP of Calderara is one office; the first one the api lists is the one used.
      const office = (await this.api.offices())[0];
      const service = office ? (await this.api.services(office.id)).find((s) => s.code.toUpperCase() === wanted) : undefined;
      if (!current()) return;
      if (!office || !service) {
        this.load.set({ status: 'missing' });
        return;
      }
      // Before the free times, so the citizen's own (old) hold does not hide the time.
      const held = this.hold();
      if (held && !this.booking()) await this.reholdFor(office.id, service.id, held, this.i18n.pick(service.names, service.name));
      const availability = await this.api.availability({ officeId: office.id, serviceId: service.id, from, to });
      if (!current()) return;
      if (!this.month()) this.month.set(initialMonth(freeDates(availability), from));
      this.load.set({ status: 'ready', context: { office, service, availability, from, to } });
    } catch (error: unknown) {
      if (current()) this.load.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  /** Reloads the free times quietly (after a slot turned out to be taken, or to be free after all). */
  refreshAvailability(): void {
    const context = this.context();
    if (!context) return;
    const refresh = ++this.refreshes;
    void this.api
      .availability({
        officeId: context.office.id,
        serviceId: context.service.id,
        from: context.from,
        to: context.to,
      })
      .then(
        (availability) => {
          const current = this.context();
          if (current && refresh === this.refreshes) this.load.set({ status: 'ready', context: { ...current, availability } });
        },
        // The old calendar stays; the next hold attempt will tell again if a time is gone.
        () => undefined,
      );
  }
}
