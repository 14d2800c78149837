import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppointmentCreatedDto, HoldDto, ManagedAppointmentDto } from '@sportello/contracts';
import {
  attendanceStatus,
  bookingCountsAsConfirmation,
  emailKey,
  fiscalCodeKey,
  generateBookingCode,
  isBookingCodeFormat,
  normalizeBookingCode,
  openStreetMapUrl,
  reconfirmDeadline,
} from '@sportello/domain';
import type { Slot } from '@sportello/domain';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { CalendarService, OfficeService, OpenSlot } from '../calendar/calendar.service';
import type { OfficeRules } from '../calendar/calendar.service';
import type { Office } from '../calendar/office.entity';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import { BookingOutcome, MetricsService } from '../metrics/metrics.service';
import { NotificationOutbox } from '../notification/notification.outbox';
import type { AppConfig } from '../config/config';
import { WaitlistService } from '../waitlist/waitlist.service';
import { Appointment } from './appointment.entity';
import { appointmentIcs, icsOrganizer } from './appointment-ics';
import { BookingRepository, NewAppointment, SeatCheck } from './booking.repository';
import { MANAGE_TOKEN, manageTokenHash, newManageToken } from './manage-token';
import { BookingInput, HoldInput } from './booking.validation';
import type { Tx } from '../database/db';
import { queryRows } from '../database/db';
import type { CitizenPrincipal } from '../citizen/citizen-session.service';
import type { AttendanceDto, CitizenAppointmentDto } from '@sportello/contracts';

const CODE_ATTEMPTS = 5;
/** Attempts of a booking or move whose office changed its rules meanwhile, each with the new rules. */
const RULES_ATTEMPTS = 3;

/** Thrown inside a transaction whose rules changed: rolled back and tried again with the new ones. */
class RulesChanged extends Error {}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

@Injectable()
export class BookingService {
  private readonly logger = new Logger('Booking');

  constructor(
    private readonly repository: BookingRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly waitlist: WaitlistService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Keeps a free place of the slot for HOLD_MINUTES while the citizen fills in the form. */
  async hold(input: HoldInput, clientAddress: string, citizen: CitizenPrincipal | null = null): Promise<HoldDto> {
    return this.counted(() => this.holdOnce(input, clientAddress, citizen));
  }

  private async holdOnce(input: HoldInput, clientAddress: string, citizen: CitizenPrincipal | null): Promise<HoldDto> {
    const target = await this.calendar.requireOfficeService(input.officeId, input.serviceId);
    requireSignIn(target, citizen);
    // A hold being replaced may be the one taking the last place: then the claim decides.
    const slot = await this.requireBookableSlot(target, input.start, input.replacesHoldId !== undefined);
    const clientKey = hashOf(`client:${clientAddress}`);
    const holdId = randomUUID();
    const claimed = await this.repository.transaction(async (tx) => {
      // One client at a time, so the cap on open holds cannot be raced past.
      await this.repository.lock(tx, `hold:${clientKey}`);
      // The hold given up for this one (knowing its random id is the proof it is the client's):
      // released first, so the cap counts it out and, for the same time, its seat is free again.
      if (input.replacesHoldId) await this.repository.releaseHold(input.replacesHoldId, tx);
      const live = await this.repository.liveHolds(tx, clientKey);
      if (live.count >= this.config.booking.maxHoldsPerClient) {
        // When one frees up — never which times they are (an address may be shared).
        const retryAt = live.firstExpiry ?? new Date(this.clock.now().getTime() + 60_000);
        const seconds = Math.max(1, Math.ceil((retryAt.getTime() - this.clock.now().getTime()) / 1000));
        throw new ApiError(429, 'HOLD_LIMIT_REACHED', 'hold.limit', [], {}, { retryAt: retryAt.toISOString() }).withHeader('Retry-After', String(seconds));
      }
      const seat = await this.repository.claimSeat(tx, seatOf(target, slot), { kind: 'HOLD', id: holdId, holdMinutes: target.rules.holdMinutes });
      if (!seat?.expiresAt) return null;
      await this.repository.insertHold(tx, {
        id: holdId,
        officeId: target.office.id,
        serviceId: target.service.id,
        startAt: input.start,
        clientKey,
        expiresAt: seat.expiresAt,
      });
      return seat.expiresAt;
    });
    if (!claimed) throw await this.slotUnavailable(target, input.start);
    return { holdId, expiresAt: claimed.toISOString() };
  }

  /** Releases a hold; unknown, expired or already used holds are left as they are. */
  async releaseHold(holdId: string): Promise<void> {
    await this.repository.releaseHold(holdId);
  }

  /**
   * Books an appointment: final at once. With an Idempotency-Key the first successful
   * answer is stored in the same transaction and replayed for repeats.
   */
  async book(
    input: BookingInput,
    idempotency: { key: string; requestHash: string } | null,
    citizen: CitizenPrincipal | null = null,
  ): Promise<IdempotentResult<AppointmentCreatedDto>> {
    const result = await this.counted(() => this.withCurrentRules(() => this.bookOnce(input, idempotency, citizen)));
    // A replayed answer booked nothing more.
    if (!result.replayed) this.metrics.booking('booked');
    return result;
  }

  /** Counts a hold's or a booking's refusal for a full slot or a limit (sportello_bookings_total). */
  private async counted<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      const outcome = refusalOutcome(error);
      if (outcome) this.metrics.booking(outcome);
      throw error;
    }
  }

  /**
   * Runs a booking or a move again, with the new rules, when the office's configuration
   * changed between reading the calendar and taking the seat (a closure, new hours).
   */
  private async withCurrentRules<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof RulesChanged)) throw error;
        // The rules keep changing under this request (several changes in a row): refused like a taken slot.
        if (i >= RULES_ATTEMPTS) throw new ApiError(409, 'SLOT_UNAVAILABLE', 'slot.unavailable', [], {}, { alternatives: [] });
      }
    }
  }

  private async bookOnce(
    input: BookingInput,
    idempotency: { key: string; requestHash: string } | null,
    citizen: CitizenPrincipal | null,
  ): Promise<IdempotentResult<AppointmentCreatedDto>> {
    const { target, seats } = await this.bookingTarget(input);
    requireSignIn(target, citizen);
    const appointmentId = randomUUID();
    const token = newManageToken();
    // The slot must be one the schedule offers now (hours, closures, notice, horizon).
    // Checked before the transaction: a transaction never waits for a second connection.
    const slot = this.calendar.scheduledSlot(target, input.start);
    // In a rush most attempts find the slot full: they are refused without a transaction.
    // Not with a key (a repeat must get the stored answer) or a hold (the seat is its own).
    if (!idempotency && !input.holdId && (!slot || !seats.looksFree)) throw await this.slotUnavailable(target, input.start);
    const outcome = await this.repository.transaction(async (tx) => {
      if (idempotency) {
        await this.repository.lock(tx, `idempotency:${idempotency.key}`);
        const previous = await this.repository.findIdempotencyRecord(tx, idempotency.key);
        if (previous) {
          if (previous.requestHash !== idempotency.requestHash) throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'idempotency.reused');
          return { status: previous.responseStatus, body: previous.responseBody as AppointmentCreatedDto, replayed: true };
        }
      }
      if (!slot) return 'UNAVAILABLE' as const;
      // The slot was checked against these rules; they hold until the commit, or this starts over.
      if (!(await this.repository.holdRules(tx, target.office.id, target.version))) throw new RulesChanged();
      const seated =
        (input.holdId && (await this.repository.convertHold(tx, input.holdId, target.service.id, input.start, appointmentId))) ||
        (await this.repository.claimSeat(tx, seatOf(target, slot), { kind: 'APPOINTMENT', id: appointmentId }, seats.seatsExist));
      if (!seated) return 'UNAVAILABLE' as const;
      // After the seat: most refused requests in a rush stop above without this lock.
      // Past the limit, the throw rolls the seat back.
      const keys = { fiscalCodeKey: fiscalCodeKey(input.citizen.fiscalCode), emailKey: emailKey(input.citizen.email) };
      await this.enforcePersonLimits(tx, target, keys);
      const code = await this.insertWithFreshCode(
        tx,
        {
          id: appointmentId,
          officeId: target.office.id,
          serviceId: target.service.id,
          startAt: new Date(slot.start),
          endAt: new Date(slot.end),
          firstName: input.citizen.firstName,
          lastName: input.citizen.lastName,
          fiscalCode: input.citizen.fiscalCode,
          fiscalCodeKey: keys.fiscalCodeKey,
          email: input.citizen.email,
          emailKey: keys.emailKey,
          phone: input.citizen.phone,
          notes: input.notes,
          language: input.language,
          confirmedAt: this.confirmedByBooking(target, new Date(slot.start)),
        },
        target.service.code,
      );
      await this.repository.insertManageToken(tx, appointmentId, manageTokenHash(token));
      // The e-mails go with the booking: same transaction, committed together or not at all.
      await this.outbox.booked(
        tx,
        {
          appointmentId,
          officeId: target.office.id,
          startAt: new Date(slot.start),
          sequence: 0,
          reminderHoursBefore: target.rules.reminderHoursBefore,
        },
        input.channels,
      );
      const body: AppointmentCreatedDto = {
        code,
        start: slot.start,
        end: slot.end,
        officeId: target.office.id,
        serviceId: target.service.id,
        status: 'BOOKED',
        manageUrl: this.manageUrl(token),
        changeableUntil: this.changeableUntil({ startAt: new Date(slot.start) }, target.rules).toISOString(),
      };
      if (idempotency)
        await this.repository.saveIdempotencyRecord(tx, {
          key: idempotency.key,
          requestHash: idempotency.requestHash,
          responseStatus: 201,
          responseBody: body,
        });
      return { status: 201, body, replayed: false };
    });
    if (outcome === 'UNAVAILABLE') throw await this.slotUnavailable(target, input.start);
    if (!outcome.replayed) this.logger.log(`booked ${outcome.body.code} (${target.service.code})`);
    return outcome;
  }

  /** The office and service for a booking, with the seat check of its slot (one query for both). */
  private async bookingTarget(input: BookingInput): Promise<{ target: OfficeService; seats: SeatCheck }> {
    const { target, result } = await this.calendar.withCurrentRules(input.officeId, input.serviceId, (t) =>
      this.repository.seatCheck(t.office.id, t.service.id, input.start, t.service.capacity),
    );
    return { target, seats: result };
  }

  async manage(token: string): Promise<ManagedAppointmentDto> {
    return this.managed(await this.findByToken(token));
  }

  /**
   * A signed-in citizen's booking by its code, as its manage link shows it; a cancelled one
   * too (the list shows them). Someone else's, unknown and malformed codes: the same 404.
   */
  async appointmentByCode(code: string, citizen: CitizenPrincipal): Promise<ManagedAppointmentDto> {
    return this.managed(await this.findByCode(code, citizen, { cancelledToo: true }));
  }

  private async managed(appointment: Appointment): Promise<ManagedAppointmentDto> {
    const target = await this.calendar.requireOfficeService(appointment.officeId, appointment.serviceId);
    return this.toManaged(appointment, target);
  }

  async cancel(token: string): Promise<ManagedAppointmentDto> {
    return this.cancelFound(await this.findByToken(token));
  }

  /** A signed-in citizen cancels one of their bookings by its code (someone else's: 404, as unknown). */
  async cancelByCode(code: string, citizen: CitizenPrincipal): Promise<ManagedAppointmentDto> {
    return this.cancelFound(await this.findByCode(code, citizen));
  }

  private async cancelFound(appointment: Appointment): Promise<ManagedAppointmentDto> {
    const target = await this.calendar.requireOfficeService(appointment.officeId, appointment.serviceId);
    this.requireChangeable(appointment, target);
    const cancelled = await this.repository.transaction(async (tx) => {
      const locked = await this.repository.lockBooked(tx, appointment.id);
      if (!locked) return false;
      await this.repository.markCancelled(tx, appointment.id, 'CITIZEN');
      await this.repository.releaseSeats(tx, appointment.id);
      await this.outbox.cancelled(tx, { appointmentId: locked.id, officeId: locked.officeId, startAt: locked.startAt, sequence: locked.sequence });
      await this.waitlist.seatsFreed(tx, this.freedSeat(target, locked.startAt));
      return true;
    });
    if (!cancelled) throw ApiError.notFound('appointment.notFound');
    this.logger.log(`cancelled ${appointment.code}`);
    return this.toManaged({ ...appointment, status: 'CANCELLED' }, target);
  }

  /** Moves the booking: the new place is taken first, the old one released only then. */
  async reschedule(token: string, start: Date): Promise<ManagedAppointmentDto> {
    return this.withCurrentRules(() => this.rescheduleOnce(() => this.findByToken(token), start));
  }

  /** A signed-in citizen moves one of their bookings by its code (someone else's: 404, as unknown). */
  async rescheduleByCode(code: string, citizen: CitizenPrincipal, start: Date): Promise<ManagedAppointmentDto> {
    return this.withCurrentRules(() => this.rescheduleOnce(() => this.findByCode(code, citizen), start));
  }

  private async rescheduleOnce(find: () => Promise<Appointment>, start: Date): Promise<ManagedAppointmentDto> {
    const appointment = await find();
    const target = await this.calendar.requireOfficeService(appointment.officeId, appointment.serviceId);
    this.requireChangeable(appointment, target);
    if (appointment.startAt.getTime() === start.getTime()) throw ApiError.validation([{ field: 'start', key: 'change.sameSlot' }]);
    const slot = await this.calendar.bookableSlot(target, start);
    if (!slot) throw await this.slotUnavailable(target, start);
    const moved = await this.repository.transaction(async (tx) => {
      if (!(await this.repository.holdRules(tx, target.office.id, target.version))) throw new RulesChanged();
      const locked = await this.repository.lockBooked(tx, appointment.id);
      if (!locked) return 'GONE' as const;
      const seat = await this.repository.claimSeat(tx, seatOf(target, slot), { kind: 'APPOINTMENT', id: appointment.id });
      if (!seat) return 'UNAVAILABLE' as const;
      await this.repository.releaseSeats(tx, appointment.id, new Date(slot.start));
      const confirmedAt = this.confirmedByBooking(target, new Date(slot.start));
      const sequence = await this.repository.moveAppointment(tx, appointment.id, new Date(slot.start), new Date(slot.end), confirmedAt);
      await this.outbox.rescheduled(tx, {
        appointmentId: appointment.id,
        officeId: locked.officeId,
        startAt: new Date(slot.start),
        sequence,
        reminderHoursBefore: target.rules.reminderHoursBefore,
      });
      // The old place is free for the waitlist.
      await this.waitlist.seatsFreed(tx, this.freedSeat(target, locked.startAt));
      return { ...locked, startAt: new Date(slot.start), endAt: new Date(slot.end), sequence, confirmedAt, reconfirmRequestedAt: null };
    });
    if (moved === 'GONE') throw ApiError.notFound('appointment.notFound');
    if (moved === 'UNAVAILABLE') throw await this.slotUnavailable(target, start);
    this.logger.log(`moved ${appointment.code}`);
    return this.toManaged(moved, target);
  }

  /**
   * The citizen confirms attendance (the confirm page of the reminder's link, or the manage
   * page). Idempotent: the first confirmation counts. A released appointment's link is
   * unknown like any cancelled one (404).
   */
  async confirm(token: string): Promise<ManagedAppointmentDto> {
    return this.confirmFound(await this.findByToken(token));
  }

  /** A signed-in citizen confirms attendance of one of their bookings by its code (someone else's: 404, as unknown). */
  async confirmByCode(code: string, citizen: CitizenPrincipal): Promise<ManagedAppointmentDto> {
    return this.confirmFound(await this.findByCode(code, citizen));
  }

  private async confirmFound(appointment: Appointment): Promise<ManagedAppointmentDto> {
    const target = await this.calendar.requireOfficeService(appointment.officeId, appointment.serviceId);
    const confirmedAt = await this.repository.transaction((tx) => this.repository.confirmAttendance(tx, appointment.id, this.clock.now()));
    if (!confirmedAt) throw ApiError.notFound('appointment.notFound');
    if (!appointment.confirmedAt) this.logger.log(`attendance confirmed ${appointment.code}`);
    return this.toManaged({ ...appointment, confirmedAt }, target);
  }

  /** The booking as an RFC 5545 calendar file, in the office's time zone; its link is the manage link. */
  async calendarFile(token: string): Promise<{ code: string; ics: string }> {
    return this.calendarFileOf(await this.findByToken(token), this.manageUrl(token));
  }

  /** The calendar file of a signed-in citizen's booking; its link is the booking's page in "Le mie prenotazioni". */
  async calendarFileByCode(code: string, citizen: CitizenPrincipal): Promise<{ code: string; ics: string }> {
    const appointment = await this.findByCode(code, citizen);
    return this.calendarFileOf(appointment, `${this.config.publicUrl}/le-mie-prenotazioni/${appointment.code}`);
  }

  private async calendarFileOf(appointment: Appointment, link: string): Promise<{ code: string; ics: string }> {
    const { office, service } = await this.calendar.requireOfficeService(appointment.officeId, appointment.serviceId);
    const it = appointment.language === 'it';
    const ics = appointmentIcs({
      appointmentId: appointment.id,
      sequence: appointment.sequence,
      code: appointment.code,
      startAt: appointment.startAt,
      endAt: appointment.endAt,
      timeZone: office.timeZone,
      language: appointment.language,
      serviceName: it ? service.nameIt : service.nameEn,
      officeName: office.name,
      officeAddress: `${office.address}, ${office.city}`,
      organizer: this.organizer(office),
      documents: it ? service.documentsIt : service.documentsEn,
      manageUrl: link,
      now: this.clock.now(),
    });
    return { code: appointment.code, ics };
  }

  /** The .ics ORGANIZER (RFC 5546 wants it with METHOD:PUBLISH): the office, by its e-mail or the sender's. */
  private organizer(office: { name: string; email: string | null }): { name: string; email: string } {
    return icsOrganizer(office, this.config.mail.from);
  }

  private manageUrl(token: string): string {
    return `${this.config.publicUrl}/gestisci/${token}`;
  }

  /**
   * Every booking of the signed-in person (every omocodia spelling: the person key), not
   * yet anonymised: the future ones first (soonest first), then the past ones (latest first).
   */
  async citizenAppointments(citizen: CitizenPrincipal): Promise<CitizenAppointmentDto[]> {
    const rows = await queryRows<{
      code: string;
      start_at: Date;
      end_at: Date;
      office_id: string;
      service_id: string;
      status: 'BOOKED' | 'CANCELLED';
      confirmed_at: Date | null;
      service_code: string;
      name_it: string;
      name_en: string;
    }>(
      this.repository.db,
      `SELECT a.code, a.start_at, a.end_at, a.office_id, a.service_id, a.status, a.confirmed_at, s.code AS service_code, s.name_it, s.name_en
         FROM appointment a
         JOIN service s ON s.id = a.service_id
        WHERE a.fiscal_code_key = $1 AND a.anonymised_at IS NULL
        ORDER BY (a.start_at >= $2) DESC,
                 CASE WHEN a.start_at >= $2 THEN a.start_at END ASC,
                 a.start_at DESC
        LIMIT 200`,
      [citizen.fiscalCodeKey, this.clock.now()],
    );
    // Each office's rules once, as the manage link reads them (also for a service deactivated since).
    const offices = new Map<string, Promise<{ office: Office; rules: OfficeRules }>>();
    const officeOf = (id: string) => {
      const known = offices.get(id) ?? this.calendar.requireOfficeRules(id);
      offices.set(id, known);
      return known;
    };
    return Promise.all(
      rows.map(async (r): Promise<CitizenAppointmentDto> => {
        const { office, rules } = await officeOf(r.office_id);
        const appointment = { status: r.status, startAt: r.start_at, confirmedAt: r.confirmed_at };
        return {
          code: r.code,
          start: localTime(r.start_at, office.timeZone),
          end: localTime(r.end_at, office.timeZone),
          timeZone: office.timeZone,
          officeId: r.office_id,
          serviceId: r.service_id,
          serviceCode: r.service_code,
          serviceName: { it: r.name_it, en: r.name_en },
          officeName: office.name,
          status: r.status,
          canChange: this.canChange(appointment, rules),
          attendance: this.attendanceOf(appointment, rules),
        };
      }),
    );
  }

  /**
   * A citizen lost the e-mail: each future booking with this codice fiscale (any omocodia
   * spelling) and this e-mail address gets its confirmation again, with a new manage link.
   * The caller answers the same whether there was one or not.
   */
  async recover(fiscalCode: string, email: string): Promise<number> {
    const keys = { fiscalCodeKey: fiscalCodeKey(fiscalCode), emailKey: emailKey(email) };
    return this.repository.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; office_id: string; start_at: Date; sequence: number }>(
        tx,
        `SELECT id, office_id, start_at, sequence FROM appointment
          WHERE fiscal_code_key = $1 AND email_key = $2 AND status = 'BOOKED' AND start_at > $3 AND anonymised_at IS NULL
          ORDER BY start_at LIMIT 20`,
        [keys.fiscalCodeKey, keys.emailKey, this.clock.now()],
      );
      for (const r of rows) await this.outbox.resent(tx, { appointmentId: r.id, officeId: r.office_id, startAt: r.start_at, sequence: r.sequence });
      return rows.length;
    });
  }

  /**
   * A signed-in citizen's booking by its code: someone else's, unknown, malformed and (unless
   * `cancelledToo`) cancelled codes all get the same 404.
   */
  private async findByCode(code: string, citizen: CitizenPrincipal, { cancelledToo = false } = {}): Promise<Appointment> {
    const normalised = normalizeBookingCode(code);
    const appointment = isBookingCodeFormat(normalised) ? await this.repository.findOwnByCode(normalised, citizen.fiscalCodeKey, cancelledToo) : null;
    if (!appointment) throw ApiError.notFound('appointment.notFound');
    return appointment;
  }

  /** Unknown, cancelled and malformed tokens all get the same 404. */
  private async findByToken(token: string): Promise<Appointment> {
    const appointment = MANAGE_TOKEN.test(token) ? await this.repository.findByTokenHash(manageTokenHash(token)) : null;
    if (!appointment) throw ApiError.notFound('appointment.notFound');
    return appointment;
  }

  /** Booking or moving once the reminder time has passed counts as confirming attendance. */
  private confirmedByBooking(target: OfficeService, startAt: Date): Date | null {
    const now = this.clock.now();
    return bookingCountsAsConfirmation(startAt, target.rules.reminderHoursBefore, now) ? now : null;
  }

  private freedSeat(target: OfficeService, startAt: Date) {
    return { officeId: target.office.id, serviceId: target.service.id, startAt, seats: 1, minNoticeMinutes: target.rules.minNoticeMinutes };
  }

  /** Cancelling and moving close CANCEL_CUTOFF_HOURS (the office's cut-off) before the start. */
  private changeableUntil(appointment: Pick<Appointment, 'startAt'>, rules: Pick<OfficeRules, 'cancelCutoffHours'>): Date {
    return new Date(appointment.startAt.getTime() - rules.cancelCutoffHours * 3_600_000);
  }

  /** Booked and before the cut-off: what `canChange` says, in the manage view and in the citizen's list. */
  private canChange(appointment: Pick<Appointment, 'status' | 'startAt'>, rules: Pick<OfficeRules, 'cancelCutoffHours'>): boolean {
    return appointment.status === 'BOOKED' && this.clock.now() < this.changeableUntil(appointment, rules);
  }

  private attendanceOf(appointment: Pick<Appointment, 'startAt' | 'confirmedAt'>, rules: Pick<OfficeRules, 'reconfirmRequired'>): AttendanceDto {
    const status = attendanceStatus({ required: rules.reconfirmRequired, confirmedAt: appointment.confirmedAt });
    return {
      status,
      confirmBy: status === 'PENDING' ? reconfirmDeadline(appointment.startAt, this.config.booking.reconfirmDeadlineHours).toISOString() : null,
      confirmedAt: appointment.confirmedAt?.toISOString() ?? null,
    };
  }

  private requireChangeable(appointment: Appointment, target: OfficeService): void {
    if (this.clock.now() >= this.changeableUntil(appointment, target.rules)) {
      throw new ApiError(409, 'CHANGE_CLOSED', 'change.closed', [], { hours: target.rules.cancelCutoffHours });
    }
  }

  private async requireBookableSlot(target: OfficeService, start: Date, evenIfFull = false): Promise<OpenSlot> {
    const { slot, day } = await this.calendar.bookableDay(target, start);
    if (!slot || (slot.remaining <= 0 && !evenIfFull)) throw await this.slotUnavailable(target, start, day);
    return slot;
  }

  /**
   * The per-person limit (active bookings per codice fiscale and service, every omocodia
   * spelling counted as one person) and the per-mailbox limit (MAX_ACTIVE_PER_EMAIL across
   * codici fiscali at this office). Serialised, so neither can be raced past.
   */
  private async enforcePersonLimits(tx: Tx, target: OfficeService, keys: { fiscalCodeKey: string; emailKey: string }): Promise<void> {
    const active = await this.repository.lockAndCountActive(tx, { officeId: target.office.id, serviceId: target.service.id, ...keys });
    if (active.person >= target.rules.maxActivePerFiscalCode) throw new ApiError(409, 'LIMIT_REACHED', 'appointment.limit');
    if (active.email >= this.config.booking.maxActivePerEmail) {
      throw new ApiError(409, 'LIMIT_REACHED', 'appointment.emailLimit', [], { max: this.config.booking.maxActivePerEmail });
    }
  }

  private async insertWithFreshCode(tx: Tx, appointment: Omit<NewAppointment, 'code'>, prefix: string): Promise<string> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = generateBookingCode(prefix, (count) => Array.from({ length: count }, () => randomInt(256)));
      if (await this.repository.insertAppointment(tx, { ...appointment, code })) return code;
    }
    throw new Error('could not find a free booking code');
  }

  private async slotUnavailable(target: OfficeService, start: Date, sameDay?: OpenSlot[]): Promise<ApiError> {
    const alternatives = await this.calendar.alternatives(target, start, 5, sameDay);
    return new ApiError(409, 'SLOT_UNAVAILABLE', 'slot.unavailable', [], {}, { alternatives });
  }

  private toManaged(appointment: Appointment, target: OfficeService): ManagedAppointmentDto {
    const { office, service } = target;
    const zone = office.timeZone;
    return {
      code: appointment.code,
      status: appointment.status,
      start: localTime(appointment.startAt, zone),
      end: localTime(appointment.endAt, zone),
      timeZone: zone,
      officeId: office.id,
      serviceId: service.id,
      serviceCode: service.code,
      serviceName: { it: service.nameIt, en: service.nameEn },
      officeName: office.name,
      officeAddress: `${office.address}, ${office.city}`,
      officePhone: office.phone,
      officeEmail: office.email,
      officeMapUrl: openStreetMapUrl(office),
      feeCents: service.feeCents,
      feeNote: service.feeNoteIt !== null || service.feeNoteEn !== null ? { it: service.feeNoteIt ?? '', en: service.feeNoteEn ?? '' } : null,
      bookedAt: appointment.createdAt.toISOString(),
      citizen: { firstName: appointment.firstName, lastName: appointment.lastName, email: appointment.email },
      documents: appointment.language === 'it' ? service.documentsIt : service.documentsEn,
      language: appointment.language,
      changeableUntil: this.changeableUntil(appointment, target.rules).toISOString(),
      canChange: this.canChange(appointment, target.rules),
      attendance: this.attendanceOf(appointment, target.rules),
    };
  }
}

/** 401 SIGN_IN_REQUIRED: the office wants this service booked only by citizens signed in with SPID/CIE. */
function requireSignIn(target: OfficeService, citizen: CitizenPrincipal | null): void {
  if (target.service.signInRequired && !citizen) throw new ApiError(401, 'SIGN_IN_REQUIRED', 'citizen.signInRequired');
}

/** An instant as local time in the office's zone, with its offset (2025-03-03T09:00:00+01:00). */
function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}

function seatOf(target: OfficeService, slot: Slot) {
  return { officeId: target.office.id, serviceId: target.service.id, startAt: new Date(slot.start), endAt: new Date(slot.end), capacity: slot.capacity };
}

/** SLOT_UNAVAILABLE (the slot is taken or no longer offered) and LIMIT_REACHED (per person, per e-mail); not the per-client hold cap. */
function refusalOutcome(error: unknown): BookingOutcome | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'SLOT_UNAVAILABLE') return 'refused_full';
  if (error.code === 'LIMIT_REACHED') return 'refused_limit';
  return null;
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
