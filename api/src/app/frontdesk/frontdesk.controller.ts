import { AgendaEntryDtoSchema, DeskDtoSchema, DisplayDtoSchema, PublicTicketDtoSchema, TicketDtoSchema, TodayDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import * as z from 'zod';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, Sse } from '@nestjs/common';
import type { AgendaEntryDto, DeskDto, DisplayDto, PublicTicketDto, TicketDto, TodayDto } from '@sportello/contracts';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import {
  AgendaQuerySchema,
  bookingCodeParam,
  CheckInBodySchema,
  CheckInRequestSchema,
  CompleteRequestSchema,
  isObject,
  PauseRequestSchema,
  TicketIdRequestSchema,
  TodayQuerySchema,
  TransferRequestSchema,
  uuidParam,
  WalkInRequestSchema,
} from '@sportello/contracts/schemas';
import { parse, Valid } from '../common/validation';
import { markEventStream } from '../metrics/metrics.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { ServerSentEvent } from '../realtime/realtime.service';
import { AgendaService } from './agenda.service';
import { DeskWorkService } from './desk-work.service';
import { PublicViewsService } from './public-views.service';
import { TicketService } from './ticket.service';

/** Staff side of the front desk: tickets, check-in, desks, agenda. */
@DocTag('front desk')
@Controller()
export class FrontDeskController {
  constructor(
    private readonly tickets: TicketService,
    private readonly deskWork: DeskWorkService,
    private readonly staffDay: AgendaService,
  ) {}

  @Post('offices/:officeId/tickets')
  @Doc({
    summary: 'Issues a walk-in ticket (number gapless per office, day and service prefix)',
    description:
      'Refused (409 SERVICE_NOT_SERVED) for a service no active desk serves, and (409 OFFICE_CLOSED, with `open`: why and when it opens) while the office or the service is closed — staff, not the kiosk, may send `force: true` after confirming.',
    ok: TicketDtoSchema,
    errors: { 409: { codes: ['OFFICE_CLOSED', 'SERVICE_NOT_SERVED'], description: 'OFFICE_CLOSED, SERVICE_NOT_SERVED' } },
    okDescription: 'The ticket',
  })
  @Staff('operator', 'manager', 'kiosk')
  issue(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(WalkInRequestSchema)) input: z.output<typeof WalkInRequestSchema>,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
  ): Promise<TicketDto> {
    return this.tickets.issueWalkIn(staff, officeId, input);
  }

  @Get('staff/today')
  @Doc({
    summary:
      "Today's numbers per office of the account: appointments booked, people arrived (of them walk-ins), waiting now, served; and whether each office is open",
    ok: TodayDtoSchema,
  })
  @Staff()
  today(@CurrentStaff() staff: StaffPrincipal, @Query(new Valid(TodayQuerySchema)) { officeId }: z.output<typeof TodayQuerySchema>): Promise<TodayDto> {
    return this.staffDay.today(staff, officeId ?? null);
  }

  @Post('appointments/:code/check-in')
  @Doc({
    summary: 'Checks an appointment in by its booking code and queues it',
    description: 'Idempotent: 201 with a new ticket, 200 with the existing one. `force` (staff, not the kiosk) skips the too-early / too-late rules.',
    ok: TicketDtoSchema,
    errors: {
      409: {
        codes: ['CHECK_IN_TOO_EARLY', 'CHECK_IN_TOO_LATE', 'CHECK_IN_WRONG_DAY', 'APPOINTMENT_CANCELLED'],
        description: 'CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE, CHECK_IN_WRONG_DAY, APPOINTMENT_CANCELLED',
      },
    },
    okDescription: 'Already checked in: the same ticket',
    status: 201,
    body: CheckInBodySchema,
    params: { code: bookingCodeParam() },
    also: [{ status: 200, schema: TicketDtoSchema, description: 'Already checked in: the existing ticket' }],
  })
  @Staff('operator', 'manager', 'kiosk')
  async checkIn(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketDto> {
    // The path's code is checked with the body: every problem in one answer.
    const { force, code: normalized } = parse(CheckInRequestSchema, { ...(isObject(body) ? body : {}), code });
    const result = await this.tickets.checkIn(staff, normalized, force);
    reply.status(result.created ? 201 : 200);
    return result.ticket;
  }

  @Get('offices/:officeId/desks')
  @Doc({ ok: z.array(DeskDtoSchema), okDescription: 'The desks with their services, current ticket and waiting count' })
  @Staff()
  desks(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<DeskDto[]> {
    return this.deskWork.desks(staff, officeId);
  }

  @Get('offices/:officeId/queue')
  @Doc({ ok: z.array(TicketDtoSchema), okDescription: 'Everyone waiting, in calling order' })
  @Staff('operator', 'manager')
  queue(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<TicketDto[]> {
    return this.deskWork.queue(staff, officeId);
  }

  @Get('offices/:officeId/agenda')
  @Doc({ summary: "A day's appointments with their queue status; q searches code, name or codice fiscale", ok: z.array(AgendaEntryDtoSchema) })
  @Staff('operator', 'manager')
  agenda(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(AgendaQuerySchema)) { date, q }: z.output<typeof AgendaQuerySchema>,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
  ): Promise<AgendaEntryDto[]> {
    return this.staffDay.agenda(staff, officeId, date ?? null, q ?? null);
  }

  @Post('desks/:deskId/call-next')
  @Doc({
    summary: 'Calls the next person for this desk by the queue policy',
    ok: TicketDtoSchema,
    errors: { 409: { codes: ['DESK_BUSY', 'DESK_PAUSED'], description: 'DESK_BUSY (finish the current ticket first) or DESK_PAUSED' } },
    okDescription: 'The called ticket',
    status: 200,
    also: [{ status: 204, schema: null, description: 'Nobody waiting for this desk' }],
  })
  @Staff('operator', 'manager')
  async callNext(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketDto | undefined> {
    const ticket = await this.deskWork.callNext(staff, deskId);
    if (!ticket) {
      reply.status(204);
      return undefined;
    }
    reply.status(200);
    return ticket;
  }

  @Post('desks/:deskId/call')
  @Doc({
    summary: '"Chiama numero…": calls one waiting ticket of the office to this desk, out of the queue order',
    ok: TicketDtoSchema,
    errors: { 409: { codes: ['DESK_BUSY', 'DESK_PAUSED', 'TICKET_STATE'], description: 'DESK_BUSY, DESK_PAUSED, TICKET_STATE (no longer waiting)' } },
    okDescription: 'The called ticket',
  })
  @HttpCode(200)
  @Staff('operator', 'manager')
  call(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(TicketIdRequestSchema)) input: z.output<typeof TicketIdRequestSchema>,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
  ): Promise<TicketDto> {
    return this.deskWork.callTicket(staff, deskId, input.ticketId);
  }

  @Post('desks/:deskId/undo')
  @Doc({
    summary: 'Undoes this desk’s last "no-show" or "complete" of the ticket, within UNDO_SECONDS (10): the ticket is back at the desk as it was',
    ok: TicketDtoSchema,
    errors: {
      409: {
        codes: ['DESK_BUSY', 'UNDO_EXPIRED'],
        description: 'UNDO_EXPIRED (too late, or not this desk’s last action of the ticket), DESK_BUSY (the desk called someone else)',
      },
    },
    okDescription: 'The ticket, called or in service again',
  })
  @HttpCode(200)
  @Staff('operator', 'manager')
  undo(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(TicketIdRequestSchema)) input: z.output<typeof TicketIdRequestSchema>,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
  ): Promise<TicketDto> {
    return this.deskWork.undo(staff, deskId, input.ticketId);
  }

  @Post('desks/:deskId/recall')
  @Doc({ summary: 'Calls the current ticket again (display and voice)', ok: TicketDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  recall(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.deskWork.recall(staff, deskId);
  }

  @Post('desks/:deskId/start')
  @Doc({ summary: 'The called person arrived: service starts', ok: TicketDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  start(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.deskWork.start(staff, deskId);
  }

  @Post('desks/:deskId/complete')
  @Doc({ summary: 'Completes the current ticket with an outcome of its service (or INFO_ONLY)', ok: TicketDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  complete(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(CompleteRequestSchema)) input: z.output<typeof CompleteRequestSchema>,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
  ): Promise<TicketDto> {
    return this.deskWork.complete(staff, deskId, input.outcome);
  }

  @Post('desks/:deskId/no-show')
  @Doc({ summary: 'The called person did not come', ok: TicketDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  noShow(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.deskWork.noShow(staff, deskId);
  }

  @Post('desks/:deskId/transfer')
  @Doc({ summary: 'Sends the current ticket back to the queue for another service, keeping its arrival time', ok: TicketDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  transfer(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(TransferRequestSchema)) input: z.output<typeof TransferRequestSchema>,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
  ): Promise<TicketDto> {
    return this.deskWork.transfer(staff, deskId, input.serviceId);
  }

  @Post('desks/:deskId/pause')
  @Doc({ summary: 'Pauses or resumes the desk: a paused desk calls nobody', ok: DeskDtoSchema })
  @HttpCode(200)
  @Staff('operator', 'manager')
  pause(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(PauseRequestSchema)) input: z.output<typeof PauseRequestSchema>,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
  ): Promise<DeskDto> {
    return this.deskWork.setPaused(staff, deskId, input.paused);
  }
}

/** Public side: the waiting-room display, the ticket page and the live events. No personal data. */
@DocTag('front desk (public)')
@Controller()
export class PublicQueueController {
  constructor(
    private readonly publicViews: PublicViewsService,
    private readonly realtime: RealtimeService,
  ) {}

  @Get('offices/:officeId/display')
  @Doc({ ok: DisplayDtoSchema, okDescription: 'Current calls, the last five calls and estimated waits per service' })
  display(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<DisplayDto> {
    return this.publicViews.display(officeId);
  }

  @Get('tickets/:ticketId')
  @Doc({ ok: PublicTicketDtoSchema, okDescription: "A ticket's number, status, position and estimated wait" })
  ticket(@Param('ticketId', new Valid(uuidParam())) ticketId: string): Promise<PublicTicketDto> {
    return this.publicViews.publicTicket(ticketId);
  }

  @Sse('offices/:officeId/events')
  @Doc({
    summary: "Server-Sent Events of the office's queue (ids only; refetch after each event and after reconnecting)",
    ok: z.string(),
    produces: { type: 'text/event-stream', only: true },
  })
  events(@Param('officeId', new Valid(uuidParam())) officeId: string, @Res({ passthrough: true }) reply: FastifyReply): Observable<ServerSentEvent> {
    const id = officeId;
    // Reverse proxies must pass events through at once.
    reply.header('X-Accel-Buffering', 'no');
    markEventStream(reply.request.raw);
    return this.realtime.stream(id);
  }
}
