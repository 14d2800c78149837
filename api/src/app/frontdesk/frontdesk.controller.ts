import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, Sse } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AgendaEntryDto, DeskDto, DisplayDto, PublicTicketDto, TicketDto, TodayDto } from '@sportello/contracts';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { ApiErrorDoc } from '../common/openapi';
import { AgendaQuerySchema, CheckInRequestSchema, CompleteRequestSchema, isObject, PauseRequestSchema, TicketIdRequestSchema, TodayQuerySchema, TransferRequestSchema, uuidParam, WalkInRequestSchema } from '@sportello/contracts/schemas';
import type * as z from 'zod';
import { parse, Valid } from '../common/validation';
import { markEventStream } from '../metrics/metrics.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { ServerSentEvent } from '../realtime/realtime.service';
import { FrontDeskService } from './frontdesk.service';

/** Staff side of the front desk: tickets, check-in, desks, agenda. */
@ApiTags('front desk')
@Controller()
export class FrontDeskController {
  constructor(private readonly frontDesk: FrontDeskService) {}

  @Post('offices/:officeId/tickets')
  @Staff('operator', 'manager', 'kiosk')
  @ApiOperation({
    summary: 'Issues a walk-in ticket (number gapless per office, day and service prefix)',
    description: 'Refused (409 SERVICE_NOT_SERVED) for a service no active desk serves, and (409 OFFICE_CLOSED, with `open`: why and when it opens) while the office or the service is closed — staff, not the kiosk, may send `force: true` after confirming.',
  })
  @ApiBody({ schema: { type: 'object', required: ['serviceId'], properties: { serviceId: { type: 'string', format: 'uuid' }, priority: { type: 'boolean' }, name: { type: 'string', maxLength: 100 }, force: { type: 'boolean' } } } })
  @ApiCreatedResponse({ description: 'The ticket' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'OFFICE_CLOSED, SERVICE_NOT_SERVED' })
  issue(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(WalkInRequestSchema)) input: z.output<typeof WalkInRequestSchema>, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<TicketDto> {
    return this.frontDesk.issueWalkIn(staff, officeId, input);
  }

  @Get('staff/today')
  @Staff()
  @ApiOperation({ summary: "Today's numbers per office of the account: appointments booked, people arrived (of them walk-ins), waiting now, served; and whether each office is open" })
  @ApiQuery({ name: 'officeId', required: false })
  today(@CurrentStaff() staff: StaffPrincipal, @Query(new Valid(TodayQuerySchema)) { officeId }: z.output<typeof TodayQuerySchema>): Promise<TodayDto> {
    return this.frontDesk.today(staff, officeId ?? null);
  }

  @Post('appointments/:code/check-in')
  @Staff('operator', 'manager', 'kiosk')
  @ApiOperation({ summary: 'Checks an appointment in by its booking code and queues it', description: 'Idempotent: 201 with a new ticket, 200 with the existing one. `force` (staff, not the kiosk) skips the too-early / too-late rules.' })
  @ApiBody({ required: false, schema: { type: 'object', properties: { force: { type: 'boolean' } } } })
  @ApiCreatedResponse({ description: 'Checked in: the queue ticket' })
  @ApiOkResponse({ description: 'Already checked in: the same ticket' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE, CHECK_IN_WRONG_DAY, APPOINTMENT_CANCELLED' })
  async checkIn(@CurrentStaff() staff: StaffPrincipal, @Param('code') code: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<TicketDto> {
    // The path's code is checked with the body: every problem in one answer.
    const { force, code: normalized } = parse(CheckInRequestSchema, { ...(isObject(body) ? body : {}), code });
    const result = await this.frontDesk.checkIn(staff, normalized, force);
    reply.status(result.created ? 201 : 200);
    return result.ticket;
  }

  @Get('offices/:officeId/desks')
  @Staff()
  @ApiOkResponse({ description: 'The desks with their services, current ticket and waiting count' })
  desks(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<DeskDto[]> {
    return this.frontDesk.desks(staff, officeId);
  }

  @Get('offices/:officeId/queue')
  @Staff('operator', 'manager')
  @ApiOkResponse({ description: 'Everyone waiting, in calling order' })
  queue(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<TicketDto[]> {
    return this.frontDesk.queue(staff, officeId);
  }

  @Get('offices/:officeId/agenda')
  @Staff('operator', 'manager')
  @ApiOperation({ summary: "A day's appointments with their queue status; q searches code, name or codice fiscale" })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD, default today (office time)' })
  @ApiQuery({ name: 'q', required: false })
  agenda(@CurrentStaff() staff: StaffPrincipal, @Query(new Valid(AgendaQuerySchema)) { date, q }: z.output<typeof AgendaQuerySchema>, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AgendaEntryDto[]> {
    return this.frontDesk.agenda(staff, officeId, date ?? null, q ?? null);
  }

  @Post('desks/:deskId/call-next')
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Calls the next person for this desk by the queue policy' })
  @ApiOkResponse({ description: 'The called ticket' })
  @ApiNoContentResponse({ description: 'Nobody waits for this desk’s services' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'DESK_BUSY (finish the current ticket first) or DESK_PAUSED' })
  async callNext(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<TicketDto | undefined> {
    const ticket = await this.frontDesk.callNext(staff, deskId);
    if (!ticket) {
      reply.status(204);
      return undefined;
    }
    reply.status(200);
    return ticket;
  }

  @Post('desks/:deskId/call')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: '"Chiama numero…": calls one waiting ticket of the office to this desk, out of the queue order' })
  @ApiBody({ schema: { type: 'object', required: ['ticketId'], properties: { ticketId: { type: 'string', format: 'uuid' } } } })
  @ApiOkResponse({ description: 'The called ticket' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'DESK_BUSY, DESK_PAUSED, TICKET_STATE (no longer waiting)' })
  call(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(TicketIdRequestSchema)) input: z.output<typeof TicketIdRequestSchema>, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.callTicket(staff, deskId, input.ticketId);
  }

  @Post('desks/:deskId/undo')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Undoes this desk’s last "no-show" or "complete" of the ticket, within UNDO_SECONDS (10): the ticket is back at the desk as it was' })
  @ApiBody({ schema: { type: 'object', required: ['ticketId'], properties: { ticketId: { type: 'string', format: 'uuid' } } } })
  @ApiOkResponse({ description: 'The ticket, called or in service again' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'UNDO_EXPIRED (too late, or not this desk’s last action of the ticket), DESK_BUSY (the desk called someone else)' })
  undo(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(TicketIdRequestSchema)) input: z.output<typeof TicketIdRequestSchema>, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.undo(staff, deskId, input.ticketId);
  }

  @Post('desks/:deskId/recall')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Calls the current ticket again (display and voice)' })
  recall(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.recall(staff, deskId);
  }

  @Post('desks/:deskId/start')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'The called person arrived: service starts' })
  start(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.start(staff, deskId);
  }

  @Post('desks/:deskId/complete')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Completes the current ticket with an outcome of its service (or INFO_ONLY)' })
  @ApiBody({ schema: { type: 'object', required: ['outcome'], properties: { outcome: { type: 'string', example: 'CIE_REQUEST_TAKEN' } } } })
  complete(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(CompleteRequestSchema)) input: z.output<typeof CompleteRequestSchema>, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.complete(staff, deskId, input.outcome);
  }

  @Post('desks/:deskId/no-show')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'The called person did not come' })
  noShow(@CurrentStaff() staff: StaffPrincipal, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.noShow(staff, deskId);
  }

  @Post('desks/:deskId/transfer')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Sends the current ticket back to the queue for another service, keeping its arrival time' })
  @ApiBody({ schema: { type: 'object', required: ['serviceId'], properties: { serviceId: { type: 'string', format: 'uuid' } } } })
  transfer(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(TransferRequestSchema)) input: z.output<typeof TransferRequestSchema>, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<TicketDto> {
    return this.frontDesk.transfer(staff, deskId, input.serviceId);
  }

  @Post('desks/:deskId/pause')
  @HttpCode(200)
  @Staff('operator', 'manager')
  @ApiOperation({ summary: 'Pauses or resumes the desk: a paused desk calls nobody' })
  @ApiBody({ schema: { type: 'object', required: ['paused'], properties: { paused: { type: 'boolean' } } } })
  pause(@CurrentStaff() staff: StaffPrincipal, @Body(new Valid(PauseRequestSchema)) input: z.output<typeof PauseRequestSchema>, @Param('deskId', new Valid(uuidParam())) deskId: string): Promise<DeskDto> {
    return this.frontDesk.setPaused(staff, deskId, input.paused);
  }
}

/** Public side: the waiting-room display, the ticket page and the live events. No personal data. */
@ApiTags('front desk (public)')
@Controller()
export class PublicQueueController {
  constructor(
    private readonly frontDesk: FrontDeskService,
    private readonly realtime: RealtimeService,
  ) {}

  @Get('offices/:officeId/display')
  @ApiOkResponse({ description: 'Current calls, the last five calls and estimated waits per service' })
  display(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<DisplayDto> {
    return this.frontDesk.display(officeId);
  }

  @Get('tickets/:ticketId')
  @ApiOkResponse({ description: "A ticket's number, status, position and estimated wait" })
  ticket(@Param('ticketId', new Valid(uuidParam())) ticketId: string): Promise<PublicTicketDto> {
    return this.frontDesk.publicTicket(ticketId);
  }

  @Sse('offices/:officeId/events')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: "Server-Sent Events of the office's queue (ids only; refetch after each event and after reconnecting)" })
  events(@Param('officeId', new Valid(uuidParam())) officeId: string, @Res({ passthrough: true }) reply: FastifyReply): Observable<ServerSentEvent> {
    const id = officeId;
    // Reverse proxies must pass events through at once.
    reply.header('X-Accel-Buffering', 'no');
    markEventStream(reply.request.raw);
    return this.realtime.stream(id);
  }
}
