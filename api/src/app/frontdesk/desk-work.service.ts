import { Injectable } from '@nestjs/common';
import { INFO_ONLY, UNDO_SECONDS } from '@sportello/contracts';
import type { DeskDto, TicketDto, TicketEventType } from '@sportello/contracts';
import { localToday, nextTicket, orderQueue } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import { assertOfficeAccess } from '../auth/staff-access';
import type { StaffPrincipal } from '../auth/auth.repository';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import type { Tx } from '../database/db';
import { RealtimeService } from '../realtime/realtime.service';
import { DeskRow, FrontDeskRepository, QueueServiceRow, TicketRow } from './frontdesk.repository';
import { QueueViews, toWaiting } from './queue-views';

/**
 * The undo is accepted this long after the action: the desk shows its button for
 * UNDO_SECONDS from the moment the answer arrives, so the server allows for the answer's
 * and the undo request's trip (docs/adr/0004-undo-at-the-desk.md).
 */
export const UNDO_GRACE_SECONDS = 5;

/** The desks' work: calls, recall, start, complete, no-show, undo, transfer, pause, and the queue they see. */
@Injectable()
export class DeskWorkService {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly views: QueueViews,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async desks(actor: StaffPrincipal, officeId: string): Promise<DeskDto[]> {
    assertOfficeAccess(actor, officeId);
    const context = await this.views.context(officeId);
    return Promise.all(context.desks.map((desk) => this.views.deskDto(desk, context)));
  }

  /** The desk's next person by the queue policy, or null when nobody waits for its services. */
  async callNext(actor: StaffPrincipal, deskId: string): Promise<TicketDto | null> {
    const desk = await this.deskFor(actor, deskId);
    if (desk.paused) throw new ApiError(409, 'DESK_PAUSED', 'desk.paused');
    const { timeZone } = await this.views.office(desk.office_id);
    const now = this.clock.now();
    // Before the lock: a busy desk is told at once; the call itself checks again under it.
    if (await this.repository.deskCurrent(desk.id)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
    const called = await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeQueue(tx, desk.office_id);
      const waiting = await this.repository.waiting(desk.office_id, localToday(now, timeZone), tx);
      const next = nextTicket(waiting.map(toWaiting), now, this.views.rules, new Set(desk.service_ids));
      if (!next) return null;
      const notification = this.realtime.notification({ type: 'ticket', officeId: desk.office_id, ticketId: next.id, deskId: desk.id, event: 'CALLED' });
      if (!(await this.repository.callTicket(tx, { ticketId: next.id, deskId: desk.id, at: now, staffUserId: actor.id, notification }))) {
        throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      }
      return next.id;
    });
    return called ? this.views.ticketDto(called) : null;
  }

  /**
   * "Chiama numero…": calls one waiting ticket of the office to this desk, out of the
   * queue's order (the person came to the desk, or staff call a family together). Any
   * service: the desk may then transfer it or close it with its service's outcomes.
   */
  async callTicket(actor: StaffPrincipal, deskId: string, ticketId: string): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    if (desk.paused) throw new ApiError(409, 'DESK_PAUSED', 'desk.paused');
    const { timeZone } = await this.views.office(desk.office_id);
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
    return this.views.ticketDto(ticketId);
  }

  async recall(actor: StaffPrincipal, deskId: string): Promise<TicketDto> {
    return this.act(actor, deskId, ['CALLED'], (tx, ticket, desk, now) => this.change(tx, ticket, desk, actor, now, 'RECALLED', { callCountPlus: 1 }));
  }

  async start(actor: StaffPrincipal, deskId: string): Promise<TicketDto> {
    return this.act(actor, deskId, ['CALLED'], (tx, ticket, desk, now) =>
      this.change(tx, ticket, desk, actor, now, 'STARTED', { status: 'IN_SERVICE', startedAt: now }),
    );
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
    const ticket = await this.act(actor, deskId, ['CALLED'], (tx, t, desk, at) =>
      this.change(tx, t, desk, actor, at, 'NO_SHOW', { status: 'NO_SHOW', completedAt: at }),
    );
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
      if (!undoable || now.getTime() - last.at.getTime() > (UNDO_SECONDS + UNDO_GRACE_SECONDS) * 1000)
        throw new ApiError(409, 'UNDO_EXPIRED', 'ticket.undoExpired', [], { seconds: UNDO_SECONDS });
      if (await this.repository.deskCurrent(desk.id, tx)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      const status = last.type === 'COMPLETED' && (await this.repository.startedSinceLastCall(tx, ticketId)) ? 'IN_SERVICE' : 'CALLED';
      await this.repository.reopenTicket(tx, ticketId, status);
      await this.views.record(tx, { ticketId, officeId: desk.office_id, serviceId: ticket.service_id, type: 'REOPENED', deskId: desk.id, actor, at: now });
      await this.audit.record(
        actor,
        {
          action: 'UNDO',
          entity: 'ticket',
          entityId: ticketId,
          officeId: desk.office_id,
          details: {
            number: ticket.display_number,
            desk: desk.name,
            undone: last.type,
            status: { from: ticket.status, to: status },
            ...(last.type === 'COMPLETED' && { outcome: { from: ticket.outcome, to: null } }),
          },
        },
        tx,
      );
    });
    return this.views.ticketDto(ticketId);
  }

  /** Back into the queue for another service, keeping the original arrival time. */
  async transfer(actor: StaffPrincipal, deskId: string, serviceId: string): Promise<TicketDto> {
    const desk = await this.deskFor(actor, deskId);
    const services = await this.repository.queueServices(desk.office_id);
    if (!services.some((s) => s.id === serviceId)) throw ApiError.validation([{ field: 'serviceId', key: 'service.notFound' }]);
    return this.act(actor, deskId, ['CALLED', 'IN_SERVICE'], async (tx, ticket, d, now) => {
      if (ticket.service_id === serviceId) throw ApiError.validation([{ field: 'serviceId', key: 'transfer.sameService' }]);
      await this.repository.updateTicket(tx, ticket.id, { status: 'WAITING', deskId: null, serviceId });
      await this.views.record(tx, { ticketId: ticket.id, officeId: d.office_id, serviceId, type: 'TRANSFERRED', deskId: d.id, actor, at: now });
    });
  }

  async setPaused(actor: StaffPrincipal, deskId: string, paused: boolean): Promise<DeskDto> {
    const desk = await this.deskFor(actor, deskId);
    if (paused && (await this.repository.deskCurrent(desk.id))) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
    await this.repository.transaction(async (tx) => {
      await this.repository.setDeskPaused(tx, desk.id, paused);
      await this.realtime.publish(tx, { type: 'desk', officeId: desk.office_id, deskId: desk.id });
    });
    const context = await this.views.context(desk.office_id);
    return this.views.deskDto(context.desks.find((d) => d.id === desk.id) as DeskRow, context);
  }

  /** The queue as the desks see it: everyone waiting, in calling order, with names. */
  async queue(actor: StaffPrincipal, officeId: string): Promise<TicketDto[]> {
    assertOfficeAccess(actor, officeId);
    const context = await this.views.context(officeId);
    const ordered = orderQueue(context.waiting.map(toWaiting), this.clock.now(), this.views.rules);
    const byId = new Map(context.waiting.map((t) => [t.id, t]));
    return ordered.map((r) => this.views.toTicketDto(byId.get(r.ticket.id) as TicketRow, context));
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
  private async act(
    actor: StaffPrincipal,
    deskId: string,
    from: TicketRow['status'][],
    work: (tx: Tx, ticket: TicketRow, desk: DeskRow, now: Date) => Promise<void>,
  ): Promise<TicketDto> {
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
    return this.views.ticketDto(ticketId);
  }

  private async change(
    tx: Tx,
    ticket: TicketRow,
    desk: DeskRow,
    actor: StaffPrincipal,
    now: Date,
    type: TicketEventType,
    changes: Parameters<FrontDeskRepository['updateTicket']>[2],
  ): Promise<void> {
    await this.repository.updateTicket(tx, ticket.id, changes);
    await this.views.record(tx, {
      ticketId: ticket.id,
      officeId: desk.office_id,
      serviceId: ticket.service_id,
      type,
      deskId: desk.id,
      actor,
      at: now,
      outcome: changes.outcome ?? null,
    });
  }
}

function undoDeadline(at: Date): string {
  return new Date(at.getTime() + UNDO_SECONDS * 1000).toISOString();
}
