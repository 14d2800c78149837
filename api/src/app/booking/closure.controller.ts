import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { ApiErrorDoc } from '../common/openapi';
import { ClosureRequestSchema, uuidParam } from '@sportello/contracts/schemas';
import type * as z from 'zod';
import { Valid } from '../common/validation';
import { ClosureDto, ClosureService } from './closure.service';



/** Office closures (managers): closing cancels the appointments inside, each citizen told. */
@ApiTags('closures')
@Controller('offices/:officeId/closures')
export class ClosureController {
  constructor(
    private readonly closures: ClosureService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Staff('manager', 'operator')
  @ApiOkResponse({ description: 'Closures that have not ended yet, soonest first' })
  async list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<ClosureDto[]> {
    const office = await this.calendar.requireOffice(officeId);
    return this.closures.list(office.id, this.clock.now());
  }

  @Post()
  @Staff('manager')
  @ApiOperation({
    summary: 'Closes whole days or a time range of one day, for the office or one service',
    description:
      'Booked appointments inside the closure are cancelled in the same transaction and each citizen gets the closure notice with a link to book again. ' +
      'While there are such appointments and `confirm` is not true, nothing happens: 409 CONFIRMATION_REQUIRED lists them in `affected`.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['from', 'reason'],
      properties: {
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date', description: 'last closed day (default: from)' },
        startTime: { type: 'string', example: '14:30', description: 'with endTime: only this range of a single day' },
        endTime: { type: 'string', example: '17:30' },
        serviceId: { type: 'string', format: 'uuid', description: 'close only this service' },
        reason: { type: 'string', maxLength: 200 },
        confirm: { type: 'boolean' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The closure and the booking codes it cancelled' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'CONFIRMATION_REQUIRED with `affected: [{ id, code, start, serviceId, serviceName }]`' })
  // The body is checked before the office id, as it always was.
  async close(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(ClosureRequestSchema)) { from, to, startTime, endTime, serviceId, reason, confirm }: z.output<typeof ClosureRequestSchema>,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
  ): Promise<ClosureDto> {
    const office = await this.calendar.requireOffice(officeId);
    if (serviceId) await this.calendar.requireOfficeService(office.id, serviceId);
    return this.closures.close(staff, { officeId: office.id, serviceId, from, to, startTime, endTime, reason, confirm }, office.timeZone);
  }

  @Delete(':closureId')
  @HttpCode(204)
  @Staff('manager')
  @ApiNoContentResponse({ description: 'The office is open again in that period (cancelled appointments stay cancelled)' })
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Param('closureId', new Valid(uuidParam())) closureId: string): Promise<void> {
    await this.closures.remove(staff, officeId, closureId);
  }
}
