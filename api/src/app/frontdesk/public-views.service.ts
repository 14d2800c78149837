import { Injectable } from '@nestjs/common';
import type { DisplayCallDto, DisplayDto, PublicTicketDto } from '@sportello/contracts';
import { orderQueue } from '@sportello/domain';
import { CalendarService } from '../calendar/calendar.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { CallRow, FrontDeskRepository } from './frontdesk.repository';
import { QueueViews, toOpenState, toWaiting } from './queue-views';

/** What anyone may see without signing in: the waiting-room display and a ticket's own page. */
@Injectable()
export class PublicViewsService {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly views: QueueViews,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async display(officeId: string): Promise<DisplayDto> {
    const office = await this.views.office(officeId);
    const context = await this.views.context(officeId);
    const [current, recent, open, serviceOpen] = await Promise.all([
      this.repository.currentCalls(officeId, context.day),
      this.repository.recentCalls(officeId, context.day, 5),
      this.calendar.openNow(officeId),
      Promise.all(context.services.map((s) => this.calendar.openNow(officeId, s.id))),
    ]);
    const now = this.clock.now();
    const ordered = orderQueue(context.waiting.map(toWaiting), now, this.views.rules);
    return {
      officeId,
      officeName: office.name,
      current: current.sort((a, b) => b.at.getTime() - a.at.getTime()).map(toCall),
      recent: recent.map(toCall),
      waits: context.services.map((s, i) => {
        const waiting = ordered.filter((r) => r.ticket.serviceId === s.id).length;
        const desks = context.desks.filter((d) => d.service_ids.includes(s.id)).length;
        return {
          serviceId: s.id,
          name: { it: s.name_it, en: s.name_en },
          ticketPrefix: s.ticket_prefix,
          waiting,
          estimatedWaitMinutes: this.views.estimate(s.id, waiting, context),
          open: serviceOpen[i].open,
          desks,
        };
      }),
      rules: this.views.rules,
      open: toOpenState(open),
    };
  }

  async publicTicket(ticketId: string): Promise<PublicTicketDto> {
    const ticket = await this.repository.ticket(ticketId);
    if (!ticket) throw ApiError.notFound('ticket.notFound', 'ticketId');
    const office = await this.views.office(ticket.office_id);
    const context = await this.views.context(ticket.office_id);
    const dto = this.views.toTicketDto(ticket, context);
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
}

function toCall(c: CallRow): DisplayCallDto {
  return { eventId: c.event_id, ticketId: c.ticket_id, number: c.display_number, deskName: c.desk_name, at: c.at.toISOString(), recall: c.type === 'RECALLED' };
}
