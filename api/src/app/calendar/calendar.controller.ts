import { AvailabilityDtoSchema, LegalNotesDtoSchema, OfficeDtoSchema, ServiceDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import * as z from 'zod';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { Language, LegalNotesDto, OfficeDto, ServiceDto } from '@sportello/contracts';
import { AvailabilityQuerySchema, ServicesQuerySchema, uuidParam } from '@sportello/contracts/schemas';
import type { FastifyReply } from 'fastify';
import { Lang } from '../common/lang.decorator';
import { Valid } from '../common/validation';
import { CalendarService } from './calendar.service';

@DocTag('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('offices')
  @Doc({ ok: z.array(OfficeDtoSchema) })
  offices(): Promise<OfficeDto[]> {
    return this.calendar.listOffices();
  }

  @Get('offices/:officeId/legal')
  @Doc({ ok: LegalNotesDtoSchema, okDescription: 'The privacy notice (GDPR art. 13) and the accessibility page of the office, from its settings' })
  legal(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<LegalNotesDto> {
    return this.calendar.legalNotes(officeId);
  }

  @Get('services')
  @Doc({ ok: z.array(ServiceDtoSchema), errors: { 404: { codes: ['NOT_FOUND'] } } })
  services(@Query(new Valid(ServicesQuerySchema)) { officeId }: { officeId: string }, @Lang() language: Language): Promise<ServiceDto[]> {
    return this.calendar.listServices(officeId, language);
  }

  @Get('availability')
  @Doc({
    ok: AvailabilityDtoSchema,
    errors: { 404: { codes: ['NOT_FOUND'] } },
    okDescription: 'Free slots per day, in Europe/Rome; days with nothing free are left out',
  })
  async availability(
    @Query(new Valid(AvailabilityQuerySchema)) { officeId, serviceId, from, to }: z.output<typeof AvailabilityQuerySchema>,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Sent as the service serialised (and compressed) it: an unchanged month is reused.
    const { body, encoding } = (await this.calendar.availabilityAnswer({ officeId, serviceId, from, to })).bodyFor(acceptEncoding);
    reply.header('Content-Type', 'application/json; charset=utf-8');
    reply.header('Vary', 'Accept-Encoding');
    if (encoding) reply.header('Content-Encoding', encoding);
    reply.send(body);
  }
}
