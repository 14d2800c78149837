import { Inject, Injectable } from '@nestjs/common';
import type { DeskDto, OpenStateDto, TicketDto, TicketEventType } from '@sportello/contracts';
import { addDays, estimateWaitMinutes, localToday, queuePosition, wallTimeToInstant } from '@sportello/domain';
import type { OpenNow, QueueRules, WaitingTicket } from '@sportello/domain';
import type { StaffPrincipal } from '../auth/auth.repository';
import { CalendarService } from '../calendar/calendar.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { Tx } from '../database/db';
import { RealtimeService } from '../realtime/realtime.service';
import { DeskRow, FrontDeskRepository, QueueServiceRow, TicketRow } from './frontdesk.repository';

/** What the views of one office's queue today are computed from. */
export interface QueueContext {
  day: string;
  services: QueueServiceRow[];
  desks: DeskRow[];
  waiting: TicketRow[];
  averages: Map<string, number>;
}

/**
 * What the front desk's services share: the office's queue today, the tickets and desks as
 * the clients see them (position, estimated wait), and the ticket event that every change
 * writes with its office event in the same transaction.
 */
@Injectable()
export class QueueViews {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly calendar: CalendarService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get rules(): QueueRules {
    return { toleranceMinutes: this.config.queue.toleranceMinutes, maxWaitMinutes: this.config.queue.maxWaitMinutes };
  }

  /** The office from the calendar's cache (404 when unknown). */
  office(officeId: string): Promise<{ name: string; timeZone: string }> {
    return this.calendar.requireOffice(officeId);
  }

  async ticketDto(ticketId: string): Promise<TicketDto> {
    const ticket = await this.repository.ticket(ticketId);
    if (!ticket) throw ApiError.notFound('ticket.notFound', 'ticketId');
    return this.toTicketDto(ticket, await this.context(ticket.office_id));
  }

  async context(officeId: string): Promise<QueueContext> {
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

  estimate(serviceId: string, ahead: number, context: QueueContext): number | null {
    const service = context.services.find((s) => s.id === serviceId);
    const average = context.averages.get(serviceId) ?? service?.duration_minutes ?? 15;
    const desks = context.desks.filter((d) => !d.paused && d.service_ids.includes(serviceId)).length;
    return estimateWaitMinutes(ahead, average, desks);
  }

  toTicketDto(t: TicketRow, context: QueueContext): TicketDto {
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

  async deskDto(desk: DeskRow, context: QueueContext): Promise<DeskDto> {
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
        .map((s) => ({
          id: s.id,
          name: { it: s.name_it, en: s.name_en },
          ticketPrefix: s.ticket_prefix,
          outcomes: s.outcomes.map((o) => ({ code: o.code, label: { it: o.it, en: o.en } })),
        })),
      current: current ? this.toTicketDto(current, context) : null,
      waiting: context.waiting.filter((t) => serves.has(t.service_id)).length,
    };
  }

  /** The event log row and the office event, in the caller's transaction. */
  async record(
    tx: Tx,
    e: {
      ticketId: string;
      officeId: string;
      serviceId: string;
      type: TicketEventType;
      deskId: string | null;
      actor: StaffPrincipal;
      at: Date;
      outcome?: string | null;
    },
  ): Promise<void> {
    await this.repository.insertEvent(tx, {
      ticketId: e.ticketId,
      officeId: e.officeId,
      serviceId: e.serviceId,
      type: e.type,
      at: e.at,
      deskId: e.deskId,
      staffUserId: e.actor.id,
      outcome: e.outcome ?? null,
    });
    await this.realtime.publish(tx, { type: 'ticket', officeId: e.officeId, ticketId: e.ticketId, deskId: e.deskId ?? undefined, event: e.type });
  }
}

export function toOpenState(state: OpenNow): OpenStateDto {
  return state.open
    ? { open: true, closesAt: state.closesAt }
    : { open: false, reason: state.reason, closureReason: state.closureReason, opensAt: state.opensAt };
}

export function toWaiting(t: TicketRow): WaitingTicket & { serviceId: string } {
  return { id: t.id, serviceId: t.service_id, kind: t.kind, priority: t.priority, queuedAt: t.queued_at, appointmentStart: t.appointment_start };
}

/** The instants bounding a local day (23 or 25 hours long when the clocks change). */
export function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  return { from: new Date(wallTimeToInstant(day, 0, timeZone)), to: new Date(wallTimeToInstant(addDays(day, 1), 0, timeZone)) };
}
