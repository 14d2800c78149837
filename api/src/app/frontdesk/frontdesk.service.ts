import { Inject, Injectable } from '@nestjs/common';
import { UNDO_SECONDS } from '@sportello/contracts';
import type { AgendaEntryDto, AgendaStatus, DeskDto, DisplayDto, DisplayCallDto, OpenStateDto, PublicTicketDto, TicketDto, TicketEventType, TodayDto } from '@sportello/contracts';
import { addDays, estimateWaitMinutes, fiscalCodeKey, formatTicketNumber, localToday, nextTicket, orderQueue, queuePosition, validateFiscalCode, wallTimeToInstant } from '@sportello/domain';
import type { OpenNow, QueueRules, WaitingTicket } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { RealtimeService } from '../realtime/realtime.service';
import { canAccessOffice } from '../auth/staff-access';
import { assertOfficeAccess } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { CalendarService } from '../calendar/calendar.service';
import { CallRow, DeskRow, FrontDeskRepository, QueueServiceRow, TicketRow } from './frontdesk.repository';
import type { Tx } from '../database/db';

/** Every service may be closed with "information only". */
export const INFO_ONLY = 'INFO_ONLY';

/**
 * The undo is accepted this long after the action: the desk shows its button for
 * UNDO_SECONDS from the moment the answer arrives, so the server allows for the answer's
 * and the undo request's trip (docs/adr/0004-undo-at-the-desk.md).
 */
export const UNDO_GRACE_SECONDS = 5;

interface QueueContext {
  day: string;
  services: QueueServiceRow[];
  desks: DeskRow[];
  waiting: TicketRow[];
  averages: Map<string, number>;
}

/**
 * The front desk: walk-in tickets, check-in, the desks' calls and the public views
 * (display, ticket page). Every change writes its ticket event and publishes an office
 * event in the same transaction.
 */
@Injectable()
export class FrontDeskService {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly calendar: CalendarService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get rules(): QueueRules {
    return { toleranceMinutes: this.config.queue.toleranceMinutes, maxWaitMinutes: this.config.queue.maxWaitMinutes };
  }

  /** The office from the calendar's cache (404 when unknown). */
  private office(officeId: string): Promise<{ name: string; timeZone: string }> {
    return this.calendar.requireOffice(officeId);
  }

  // ---- Walk-ins and check-in -------------------------------------------------------

  /**
   * A walk-in ticket. Refused for a service no active desk serves (nobody would call it),
   * and while the office or the service is closed: the kiosk is told so; staff may go
   * ahead with `force` after confirming.
   */
  async issueWalkIn(actor: StaffPrincipal, officeId: string, input: { serviceId: string; priority: boolean; name: string | null; force: boolean }): Promise<TicketDto> {
    assertOfficeAccess(actor, officeId);
    const office = await this.office(officeId);
    const service = (await this.repository.queueServices(officeId)).find((s) => s.id === input.serviceId);
    if (!service) throw ApiError.notFound('service.notFound', 'serviceId');
    if (!(await this.repository.desks(officeId)).some((d) => d.service_ids.includes(service.id))) throw new ApiError(409, 'SERVICE_NOT_SERVED', 'ticket.notServed');
    const open = toOpenState(await this.calendar.openNow(officeId, service.id));
    if (!open.open && !(input.force && actor.role !== 'kiosk')) {
      throw new ApiError(409, 'OFFICE_CLOSED', 'ticket.officeClosed', [], {}, { open });
    }
    const now = this.clock.now();
    const day = localToday(now, office.timeZone);
    const id = await this.repository.transaction(async (tx) => {
      const number = await this.repository.nextNumber(tx, officeId, day, service.ticket_prefix);
      const ticketId = await this.repository.insertTicket(tx, {
        officeId,
        serviceId: service.id,
        day,
        prefix: service.ticket_prefix,
        number,
        displayNumber: formatTicketNumber(service.ticket_prefix, number),
        kind: 'WALK_IN',
        appointmentId: null,
        priority: input.priority,
        holderName: input.name,
        queuedAt: now,
      });
      await this.record(tx, { ticketId, officeId, serviceId: service.id, type: 'ISSUED', deskId: null, actor, at: now });
      return ticketId;
    });
    return this.ticketDto(id);
  }

  /**
   * Checks an appointment in by its booking code and queues it. Idempotent: a second
   * check-in returns the same ticket (`created` false). Outside the check-in window only
   * staff may force it; the kiosk cannot.
   */
  async checkIn(actor: StaffPrincipal, code: string, force: boolean): Promise<{ created: boolean; ticket: TicketDto }> {
    const now = this.clock.now();
    const result = await this.repository.transaction(async (tx) => {
      const appointment = await this.repository.appointmentForCheckIn(tx, code);
      // Another office's code gets the same answer as an unknown one: nothing about other offices leaks.
      if (!appointment || !canAccessOffice(actor, appointment.office_id)) throw ApiError.notFound('appointment.notFound', 'code');
      const existing = await this.repository.ticketForAppointment(appointment.id, tx);
      if (existing) return { created: false, ticketId: existing.id };
      if (appointment.status !== 'BOOKED') throw new ApiError(409, 'APPOINTMENT_CANCELLED', 'checkIn.cancelled');
      const day = localToday(now, appointment.time_zone);
      if (localToday(appointment.start_at, appointment.time_zone) !== day) throw new ApiError(409, 'CHECK_IN_WRONG_DAY', 'checkIn.wrongDay');
      const minutesToStart = (appointment.start_at.getTime() - now.getTime()) / 60_000;
      const mayForce = force && actor.role !== 'kiosk';
      if (minutesToStart > this.config.queue.checkInEarlyMinutes && !mayForce) {
        throw new ApiError(409, 'CHECK_IN_TOO_EARLY', 'checkIn.tooEarly', [], { minutes: this.config.queue.checkInEarlyMinutes }, { windowMinutes: this.config.queue.checkInEarlyMinutes });
      }
      if (-minutesToStart > this.config.queue.checkInLateMinutes && !mayForce) {
        throw new ApiError(409, 'CHECK_IN_TOO_LATE', 'checkIn.tooLate', [], { minutes: this.config.queue.checkInLateMinutes }, { windowMinutes: this.config.queue.checkInLateMinutes });
      }
      const number = await this.repository.nextNumber(tx, appointment.office_id, day, appointment.ticket_prefix);
      const ticketId = await this.repository.insertTicket(tx, {
        officeId: appointment.office_id,
        serviceId: appointment.service_id,
        day,
        prefix: appointment.ticket_prefix,
        number,
        displayNumber: formatTicketNumber(appointment.ticket_prefix, number),
        kind: 'APPOINTMENT',
        appointmentId: appointment.id,
        priority: false,
        holderName: null,
        queuedAt: now,
      });
      await this.record(tx, { ticketId, officeId: appointment.office_id, serviceId: appointment.service_id, type: 'CHECKED_IN', deskId: null, actor, at: now });
      // A change of a citizen's appointment by staff: audited with its code, never the person.
      await this.audit.record(actor, { action: 'CHECK_IN', entity: 'appointment', entityId: appointment.id, officeId: appointment.office_id, details: { code: appointment.code, ticket: formatTicketNumber(appointment.ticket_prefix, number), ...(force && { forced: true }) } }, tx);
      return { created: true, ticketId };
    });
    return { created: result.created, ticket: await this.ticketDto(result.ticketId) };
  }

  // ---- Desks -----------------------------------------------------------------------

  async desks(actor: StaffPrincipal, officeId: string): Promise<DeskDto[]> {
    assertOfficeAccess(actor, officeId);
    const context = await this.context(officeId);
    return Promise.all(context.desks.map((desk) => this.deskDto(desk, context)));
  }

  /** The desk's next person by the queue policy, or null when nobody waits for its services. */
  async callNext(actor: StaffPrincipal, deskId: string): Promise<TicketDto | null> {
    const desk = await this.deskFor(actor, deskId);
    if (desk.paused) throw new ApiError(409, 'DESK_PAUSED', 'desk.paused');
    const { timeZone } = await this.office(desk.office_id);
    const now = this.clock.now();
    // Before the lock: a busy desk is told at once; the call itself checks again under it.
    if (await this.repository.deskCurrent(desk.id)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
    const called = await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeQueue(tx, desk.office_id);
      const waiting = await this.repository.waiting(desk.office_id, localToday(now, timeZone), tx);
      const next = nextTicket(waiting.map(toWaiting), now, this.rules, new Set(desk.service_ids));
      if (!next) return null;
      const notification = this.realtime.notification({ type: 'ticket', officeId: desk.office_id, ticketId: next.id, deskId: desk.id, event: 'CALLED' });
      if (!(await this.repository.callTicket(tx, { ticketId: next.id, deskId: desk.id, at: now, staffUserId: actor.id, notification }))) {
        throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      }
      return next.id;
    });
    return called ? this.ticketDto(called) : null;
  }

  /**
   * "Chiama numero…": calls one waiting ticket of the office to this desk, out of the
   * queue's order (the person came to the desk, or staff call a family together). Any
   * service: the desk may then transfer it or close it with its service's outcomes.
   */
  async callTicket(actor: StaffPrincipal, deskId: string, ticketId: string): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    if (desk.paused) throw new ApiError(409, 'DESK_PAUSED', 'desk.paused');
    const { timeZone } = await this.office(desk.office_id);
    const now = this.clock.now();
    if (await this.repository.deskCurrent(desk.id)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeQueue(tx, desk.office_id);
      const ticket = await this.repository.ticket(ticketId, tx);
      // Another office's ticket, or another day's, is as unknown as a ticket that does not exist.
      if (!ticket || ticket.office_id !== desk.office_id || ticket.day !== localToday(now, timeZone)) throw ApiError.notFound('ticket.notFound', 'ticketId');
      if (ticket.status !== 'WAITING') throw new ApiError(409, 'TICKET_STATE', 'ticket.state', [], { status: ticket.status });
      const notification = this.realtime.notification({ type: 'ticket', officeId: desk.office_id, ticketId, deskId: desk.id, event: 'CALLED' });
      if (!(await this.repository.callTicket(tx, { ticketId, deskId: desk.id, at: now, staffUserId: actor.id, notification }))) {
        throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      }
    });
    return this.ticketDto(ticketId);
  }

  async recall(actor: StaffPrincipal, deskId: string): Promise<TicketDto> {
    return this.act(actor, deskId, ['CALLED'], (tx, ticket, desk, now) => this.change(tx, ticket, desk, actor, now, 'RECALLED', { callCountPlus: 1 }));
  }

  async start(actor: StaffPrincipal, deskId: string): Promise<TicketDto> {
    return this.act(actor, deskId, ['CALLED'], (tx, ticket, desk, now) => this.change(tx, ticket, desk, actor, now, 'STARTED', { status: 'IN_SERVICE', startedAt: now }));
  }

  async complete(actor: StaffPrincipal, deskId: string, outcome: string): Promise<TicketDto> {
    const services = await this.servicesOfDesk(deskId);
    const now = this.clock.now();
    const ticket = await this.act(actor, deskId, ['CALLED', 'IN_SERVICE'], async (tx, t, desk, at) => {
      const allowed = [INFO_ONLY, ...(services.get(t.service_id)?.outcomes.map((o) => o.code) ?? [])];
      if (!allowed.includes(outcome)) throw ApiError.validation([{ field: 'outcome', key: 'outcome.unknown', params: { allowed: allowed.join(', ') } }]);
      await this.change(tx, t, desk, actor, at, 'COMPLETED', { status: 'DONE', completedAt: at, startedAt: t.started_at ? undefined : at, outcome });
    });
    return { ...ticket, undoUntil: undoDeadline(now) };
  }

  async noShow(actor: StaffPrincipal, deskId: string): Promise<TicketDto> {
    const now = this.clock.now();
    const ticket = await this.act(actor, deskId, ['CALLED'], (tx, t, desk, at) => this.change(tx, t, desk, actor, at, 'NO_SHOW', { status: 'NO_SHOW', completedAt: at }));
    return { ...ticket, undoUntil: undoDeadline(now) };
  }

  /**
   * Takes back the desk's last "Assente" or "Concludi": the ticket returns to the desk as
   * it was (called, or in service), its end and outcome are cleared, a REOPENED event is
   * logged and the audit log says who undid what. Only the ticket's latest action, at this
   * desk, within UNDO_SECONDS (+ a grace for the network), while the desk calls nobody else.
   */
  async undo(actor: StaffPrincipal, deskId: string, ticketId: string): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    const now = this.clock.now();
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeQueue(tx, desk.office_id);
      const ticket = await this.repository.ticket(ticketId, tx);
      if (!ticket || ticket.office_id !== desk.office_id) throw ApiError.notFound('ticket.notFound', 'ticketId');
      const last = await this.repository.lastEvent(tx, ticketId);
      const undoable = last && (last.type === 'COMPLETED' || last.type === 'NO_SHOW') && last.desk_id === desk.id && ticket.desk_id === desk.id;
      if (!undoable || now.getTime() - last.at.getTime() > (UNDO_SECONDS + UNDO_GRACE_SECONDS) * 1000) throw new ApiError(409, 'UNDO_EXPIRED', 'ticket.undoExpired', [], { seconds: UNDO_SECONDS });
      if (await this.repository.deskCurrent(desk.id, tx)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      const status = last.type === 'COMPLETED' && (await this.repository.startedSinceLastCall(tx, ticketId)) ? 'IN_SERVICE' : 'CALLED';
      await this.repository.reopenTicket(tx, ticketId, status);
      await this.record(tx, { ticketId, officeId: desk.office_id, serviceId: ticket.service_id, type: 'REOPENED', deskId: desk.id, actor, at: now });
      await this.audit.record(
        actor,
        { action: 'UNDO', entity: 'ticket', entityId: ticketId, officeId: desk.office_id, details: { number: ticket.display_number, desk: desk.name, undone: last.type, status: { from: ticket.status, to: status }, ...(last.type === 'COMPLETED' && { outcome: { from: ticket.outcome, to: null } }) } },
        tx,
      );
    });
    return this.ticketDto(ticketId);
  }

  /** Back into the queue for another service, keeping the original arrival time. */
  async transfer(actor: StaffPrincipal, deskId: string, serviceId: string): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    const services = await this.repository.queueServices(desk.office_id);
    if (!services.some((s) => s.id === serviceId)) throw ApiError.validation([{ field: 'serviceId', key: 'service.notFound' }]);
    return this.act(actor, deskId, ['CALLED', 'IN_SERVICE'], async (tx, ticket, d, now) => {
      if (ticket.service_id === serviceId) throw ApiError.validation([{ field: 'serviceId', key: 'transfer.sameService' }]);
      await this.repository.updateTicket(tx, ticket.id, { status: 'WAITING', deskId: null, serviceId });
      await this.record(tx, { ticketId: ticket.id, officeId: d.office_id, serviceId, type: 'TRANSFERRED', deskId: d.id, actor, at: now });
    });
  }

  async setPaused(actor: StaffPrincipal, deskId: string, paused: boolean): Promise<DeskDto> {
    const desk = await this.deskFor(actor, deskId);
    if (paused && (await this.repository.deskCurrent(desk.id))) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
    await this.repository.transaction(async (tx) => {
      await this.repository.setDeskPaused(tx, desk.id, paused);
      await this.realtime.publish(tx, { type: 'desk', officeId: desk.office_id, deskId: desk.id });
    });
    const context = await this.context(desk.office_id);
    return this.deskDto(context.desks.find((d) => d.id === desk.id) as DeskRow, context);
  }

  /** The queue as the desks see it: everyone waiting, in calling order, with names. */
  async queue(actor: StaffPrincipal, officeId: string): Promise<TicketDto[]> {
    assertOfficeAccess(actor, officeId);
    const context = await this.context(officeId);
    const ordered = orderQueue(context.waiting.map(toWaiting), this.clock.now(), this.rules);
    const byId = new Map(context.waiting.map((t) => [t.id, t]));
    return ordered.map((r) => this.toTicketDto(byId.get(r.ticket.id) as TicketRow, context));
  }

  // ---- Today -----------------------------------------------------------------------

  /** The staff home's numbers: for each office of the account (or one), today in its zone. */
  async today(actor: StaffPrincipal, officeId: string | null): Promise<TodayDto> {
    if (officeId) assertOfficeAccess(actor, officeId);
    // An admin's officeIds are every office.
    const ids = officeId ? [officeId] : actor.officeIds;
    const offices = await Promise.all(
      ids.map(async (id) => {
        const office = await this.office(id);
        const date = localToday(this.clock.now(), office.timeZone);
        const { from, to } = dayBounds(date, office.timeZone);
        const [counts, open] = await Promise.all([this.repository.today(id, date, from, to), this.calendar.openNow(id)]);
        return { officeId: id, officeName: office.name, date, booked: counts.booked, arrived: counts.arrived, walkIns: counts.walk_ins, waiting: counts.waiting, served: counts.served, open: toOpenState(open) };
      }),
    );
    return { offices: offices.sort((a, b) => a.officeName.localeCompare(b.officeName, 'it')) };
  }

  // ---- Agenda ----------------------------------------------------------------------

  async agenda(actor: StaffPrincipal, officeId: string, date: string | null, q: string | null): Promise<AgendaEntryDto[]> {
    assertOfficeAccess(actor, officeId);
    const office = await this.office(officeId);
    const day = date ?? localToday(this.clock.now(), office.timeZone);
    const { from, to } = dayBounds(day, office.timeZone);
    const search = q ? q.replace(/[\\%_]/g, '\\$&') : null;
    // A whole codice fiscale finds the person under any of its omocodia spellings.
    const person = q && validateFiscalCode(q).valid ? fiscalCodeKey(q) : null;
    const rows = await this.repository.agenda(officeId, from, to, search, person);
    // Citizens' personal data were shown: who, which day, whether it was a search (never
    // its text, which may be a codice fiscale or a name), and the booking codes seen.
    await this.audit.recordView(actor, { entity: 'agenda', entityId: officeId, officeId, date: day, search: q !== null, appointments: rows.map((r) => r.code) });
    return rows.map((r) => ({
      appointmentId: r.id,
      code: r.code,
      start: r.start_at.toISOString(),
      end: r.end_at.toISOString(),
      serviceId: r.service_id,
      serviceName: { it: r.name_it, en: r.name_en },
      citizenName: `${r.first_name} ${r.last_name}`,
      fiscalCode: r.fiscal_code,
      phone: r.phone,
      status: agendaStatus(r.status, r.ticket_status),
      ticketId: r.ticket_id,
      ticketNumber: r.display_number,
    }));
  }

  // ---- Public views ----------------------------------------------------------------

  async display(officeId: string): Promise<DisplayDto> {
    const office = await this.office(officeId);
    const context = await this.context(officeId);
    const [current, recent, open, serviceOpen] = await Promise.all([
      this.repository.currentCalls(officeId, context.day),
      this.repository.recentCalls(officeId, context.day, 5),
      this.calendar.openNow(officeId),
      Promise.all(context.services.map((s) => this.calendar.openNow(officeId, s.id))),
    ]);
    const now = this.clock.now();
    const ordered = orderQueue(context.waiting.map(toWaiting), now, this.rules);
    return {
      officeId,
      officeName: office.name,
      current: current.sort((a, b) => b.at.getTime() - a.at.getTime()).map(toCall),
      recent: recent.map(toCall),
      waits: context.services.map((s, i) => {
        const waiting = ordered.filter((r) => r.ticket.serviceId === s.id).length;
        const desks = context.desks.filter((d) => d.service_ids.includes(s.id)).length;
        return { serviceId: s.id, name: { it: s.name_it, en: s.name_en }, ticketPrefix: s.ticket_prefix, waiting, estimatedWaitMinutes: this.estimate(s.id, waiting, context), open: serviceOpen[i].open, desks };
      }),
      rules: this.rules,
      open: toOpenState(open),
    };
  }

  async publicTicket(ticketId: string): Promise<PublicTicketDto> {
    const ticket = await this.repository.ticket(ticketId);
    if (!ticket) throw ApiError.notFound('ticket.notFound', 'ticketId');
    const office = await this.office(ticket.office_id);
    const context = await this.context(ticket.office_id);
    const dto = this.toTicketDto(ticket, context);
    return {
      id: ticket.id,
      officeId: ticket.office_id,
      officeName: office.name,
      number: ticket.display_number,
      serviceName: dto.serviceName,
      status: ticket.status,
      position: dto.position,
      estimatedWaitMinutes: dto.estimatedWaitMinutes,
      deskName: ticket.status === 'CALLED' || ticket.status === 'IN_SERVICE' ? ticket.desk_name : null,
      queuedAt: ticket.queued_at.toISOString(),
    };
  }

  // ---- Internals -------------------------------------------------------------------

  async ticketDto(ticketId: string): Promise<TicketDto> {
    const ticket = await this.repository.ticket(ticketId);
    if (!ticket) throw ApiError.notFound('ticket.notFound', 'ticketId');
    return this.toTicketDto(ticket, await this.context(ticket.office_id));
  }

  private async context(officeId: string): Promise<QueueContext> {
    const office = await this.office(officeId);
    const day = localToday(this.clock.now(), office.timeZone);
    const [services, desks, waiting, averages] = await Promise.all([
      this.repository.queueServices(officeId),
      this.repository.desks(officeId),
      this.repository.waiting(officeId, day),
      this.repository.averageServiceMinutes(officeId, day),
    ]);
    return { day, services, desks, waiting, averages };
  }

  private estimate(serviceId: string, ahead: number, context: QueueContext): number | null {
    const service = context.services.find((s) => s.id === serviceId);
    const average = context.averages.get(serviceId) ?? service?.duration_minutes ?? 15;
    const desks = context.desks.filter((d) => !d.paused && d.service_ids.includes(serviceId)).length;
    return estimateWaitMinutes(ahead, average, desks);
  }

  private toTicketDto(t: TicketRow, context: QueueContext): TicketDto {
    let position: number | null = null;
    let estimatedWaitMinutes: number | null = null;
    if (t.status === 'WAITING') {
      // The desks' own call-next order (a priority ticket of another service on a shared
      // desk is ahead): the desks at work, or all of them while every one is paused.
      const serving = context.desks.filter((d) => d.service_ids.includes(t.service_id));
      const working = serving.filter((d) => !d.paused);
      const desks = (working.length > 0 ? working : serving).map((d) => new Set(d.service_ids));
      position = queuePosition(context.waiting.map(toWaiting), t.id, this.clock.now(), this.rules, desks);
      estimatedWaitMinutes = position === null ? null : this.estimate(t.service_id, position, context);
    }
    return {
      id: t.id,
      officeId: t.office_id,
      serviceId: t.service_id,
      serviceName: { it: t.name_it, en: t.name_en },
      number: t.display_number,
      kind: t.kind,
      priority: t.priority,
      holderName: t.holder_name,
      status: t.status,
      queuedAt: t.queued_at.toISOString(),
      calledAt: t.called_at?.toISOString() ?? null,
      startedAt: t.started_at?.toISOString() ?? null,
      deskId: t.desk_id,
      deskName: t.desk_name,
      appointmentCode: t.appointment_code,
      appointmentStart: t.appointment_start?.toISOString() ?? null,
      position,
      estimatedWaitMinutes,
      publicUrl: `${this.config.publicUrl}/biglietto/${t.id}`,
    };
  }

  private async deskDto(desk: DeskRow, context: QueueContext): Promise<DeskDto> {
    const current = await this.repository.deskCurrent(desk.id);
    const serves = new Set(desk.service_ids);
    return {
      id: desk.id,
      officeId: desk.office_id,
      number: desk.number,
      name: desk.name,
      paused: desk.paused,
      services: context.services
        .filter((s) => serves.has(s.id))
        .map((s) => ({ id: s.id, name: { it: s.name_it, en: s.name_en }, ticketPrefix: s.ticket_prefix, outcomes: s.outcomes.map((o) => ({ code: o.code, label: { it: o.it, en: o.en } })) })),
      current: current ? this.toTicketDto(current, context) : null,
      waiting: context.waiting.filter((t) => serves.has(t.service_id)).length,
    };
  }

  private async deskFor(actor: StaffPrincipal, deskId: string): Promise<DeskRow> {
    const desk = await this.repository.desk(deskId);
    if (!desk) throw ApiError.notFound('desk.notFound', 'deskId');
    assertOfficeAccess(actor, desk.office_id);
    return desk;
  }

  private async servicesOfDesk(deskId: string): Promise<Map<string, QueueServiceRow>> {
    const desk = await this.repository.desk(deskId);
    if (!desk) return new Map();
    return new Map((await this.repository.queueServices(desk.office_id)).map((s) => [s.id, s]));
  }

  /** Runs an action on the desk's current ticket, which must be in one of `from`. */
  private async act(actor: StaffPrincipal, deskId: string, from: TicketRow['status'][], work: (tx: Tx, ticket: TicketRow, desk: DeskRow, now: Date) => Promise<void>): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    const now = this.clock.now();
    const ticketId = await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeQueue(tx, desk.office_id);
      const ticket = await this.repository.deskCurrent(desk.id, tx);
      if (!ticket) throw new ApiError(409, 'NO_CURRENT_TICKET', 'desk.noCurrent');
      if (!from.includes(ticket.status)) throw new ApiError(409, 'TICKET_STATE', 'ticket.state', [], { status: ticket.status });
      await work(tx, ticket, desk, now);
      return ticket.id;
    });
    return this.ticketDto(ticketId);
  }

  private async change(tx: Tx, ticket: TicketRow, desk: DeskRow, actor: StaffPrincipal, now: Date, type: TicketEventType, changes: Parameters<FrontDeskRepository['updateTicket']>[2]): Promise<void> {
    await this.repository.updateTicket(tx, ticket.id, changes);
    await this.record(tx, { ticketId: ticket.id, officeId: desk.office_id, serviceId: ticket.service_id, type, deskId: desk.id, actor, at: now, outcome: changes.outcome ?? null });
  }

  /** The event log row and the office event, in the caller's transaction. */
  private async record(tx: Tx, e: { ticketId: string; officeId: string; serviceId: string; type: TicketEventType; deskId: string | null; actor: StaffPrincipal; at: Date; outcome?: string | null }): Promise<void> {
    await this.repository.insertEvent(tx, { ticketId: e.ticketId, officeId: e.officeId, serviceId: e.serviceId, type: e.type, at: e.at, deskId: e.deskId, staffUserId: e.actor.id, outcome: e.outcome ?? null });
    await this.realtime.publish(tx, { type: 'ticket', officeId: e.officeId, ticketId: e.ticketId, deskId: e.deskId ?? undefined, event: e.type });
  }
}

function toOpenState(state: OpenNow): OpenStateDto {
  return state.open ? { open: true, closesAt: state.closesAt } : { open: false, reason: state.reason, closureReason: state.closureReason, opensAt: state.opensAt };
}

function undoDeadline(at: Date): string {
  return new Date(at.getTime() + UNDO_SECONDS * 1000).toISOString();
}

function toWaiting(t: TicketRow): WaitingTicket & { serviceId: string } {
  return { id: t.id, serviceId: t.service_id, kind: t.kind, priority: t.priority, queuedAt: t.queued_at, appointmentStart: t.appointment_start };
}

function toCall(c: CallRow): DisplayCallDto {
  return { eventId: c.event_id, ticketId: c.ticket_id, number: c.display_number, deskName: c.desk_name, at: c.at.toISOString(), recall: c.type === 'RECALLED' };
}

function agendaStatus(appointment: 'BOOKED' | 'CANCELLED', ticket: TicketRow['status'] | null): AgendaStatus {
  if (appointment === 'CANCELLED') return 'CANCELLED';
  switch (ticket) {
    case null:
      return 'BOOKED';
    case 'WAITING':
      return 'CHECKED_IN';
    case 'CALLED':
      return 'CALLED';
    case 'IN_SERVICE':
      return 'IN_SERVICE';
    case 'DONE':
      return 'DONE';
    case 'NO_SHOW':
      return 'NO_SHOW';
    default:
      return 'CANCELLED';
  }
}

/** The instants bounding a local day (23 or 25 hours long when the clocks change). */
export function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  return { from: new Date(wallTimeToInstant(day, 0, timeZone)), to: new Date(wallTimeToInstant(addDays(day, 1), 0, timeZone)) };
}
