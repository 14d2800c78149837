import { ClosureDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import * as z from 'zod';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { ClosureRequestSchema, uuidParam } from '@sportello/contracts/schemas';
import { Valid } from '../common/validation';
import { ClosureDto, ClosureService } from './closure.service';

/** Office closures (managers): closing cancels the appointments inside, each citizen told. */
@DocTag('closures')
@Controller('offices/:officeId/closures')
export class ClosureController {
  constructor(
    private readonly closures: ClosureService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Doc({ ok: z.array(ClosureDtoSchema), okDescription: 'Closures that have not ended yet, soonest first' })
  @Staff('manager', 'operator')
  async list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<ClosureDto[]> {
    const office = await this.calendar.requireOffice(officeId);
    return this.closures.list(office.id, this.clock.now());
  }

  @Post()
  @Doc({
    summary: 'Closes whole days or a time range of one day, for the office or one service',
    description:
      'Booked appointments inside the closure are cancelled in the same transaction and each citizen gets the closure notice with a link to book again. While there are such appointments and `confirm` is not true, nothing happens: 409 CONFIRMATION_REQUIRED lists them in `affected`.',
    ok: ClosureDtoSchema,
    errors: { 409: { codes: ['CONFIRMATION_REQUIRED'], description: 'CONFIRMATION_REQUIRED with `affected: [{ id, code, start, serviceId, serviceName }]`' } },
    okDescription: 'The closure and the booking codes it cancelled',
  })
  @Staff('manager')
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
  @Doc({ ok: null, okDescription: 'The office is open again in that period (cancelled appointments stay cancelled)' })
  @HttpCode(204)
  @Staff('manager')
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('closureId', new Valid(uuidParam())) closureId: string,
  ): Promise<void> {
    await this.closures.remove(staff, officeId, closureId);
  }
}
