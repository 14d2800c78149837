import { Inject, Injectable } from '@nestjs/common';
import type { TicketDto } from '@sportello/contracts';
import { formatTicketNumber, localToday } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import { assertOfficeAccess, canAccessOffice } from '../auth/staff-access';
import type { StaffPrincipal } from '../auth/auth.repository';
import { CalendarService } from '../calendar/calendar.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { FrontDeskRepository } from './frontdesk.repository';
import { QueueViews, toOpenState } from './queue-views';

/** Tickets into the queue: walk-ins (kiosk or desk) and appointments checked in. */
@Injectable()
export class TicketService {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly views: QueueViews,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A walk-in ticket. Refused for a service no active desk serves (nobody would call it),
   * and while the office or the service is closed: the kiosk is told so; staff may go
   * ahead with `force` after confirming.
   */
  async issueWalkIn(
    actor: StaffPrincipal,
    officeId: string,
    input: { serviceId: string; priority: boolean; name: string | null; force: boolean },
  ): Promise<TicketDto> {
    assertOfficeAccess(actor, officeId);
    const office = await this.views.office(officeId);
    const service = (await this.repository.queueServices(officeId)).find((s) => s.id === input.serviceId);
    if (!service) throw ApiError.notFound('service.notFound', 'serviceId');
    if (!(await this.repository.desks(officeId)).some((d) => d.service_ids.includes(service.id)))
      throw new ApiError(409, 'SERVICE_NOT_SERVED', 'ticket.notServed');
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
      await this.views.record(tx, { ticketId, officeId, serviceId: service.id, type: 'ISSUED', deskId: null, actor, at: now });
      return ticketId;
    });
    return this.views.ticketDto(id);
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
        throw new ApiError(
          409,
          'CHECK_IN_TOO_EARLY',
          'checkIn.tooEarly',
          [],
          { minutes: this.config.queue.checkInEarlyMinutes },
          { windowMinutes: this.config.queue.checkInEarlyMinutes },
        );
      }
      if (-minutesToStart > this.config.queue.checkInLateMinutes && !mayForce) {
        throw new ApiError(
          409,
          'CHECK_IN_TOO_LATE',
          'checkIn.tooLate',
          [],
          { minutes: this.config.queue.checkInLateMinutes },
          { windowMinutes: this.config.queue.checkInLateMinutes },
        );
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
      await this.views.record(tx, {
        ticketId,
        officeId: appointment.office_id,
        serviceId: appointment.service_id,
        type: 'CHECKED_IN',
        deskId: null,
        actor,
        at: now,
      });
      // A change of a citizen's appointment by staff: audited with its code, never the person.
      await this.audit.record(
        actor,
        {
          action: 'CHECK_IN',
          entity: 'appointment',
          entityId: appointment.id,
          officeId: appointment.office_id,
          details: { code: appointment.code, ticket: formatTicketNumber(appointment.ticket_prefix, number), ...(force && { forced: true }) },
        },
        tx,
      );
      return { created: true, ticketId };
    });
    return { created: result.created, ticket: await this.views.ticketDto(result.ticketId) };
  }
}
