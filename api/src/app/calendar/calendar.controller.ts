import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Language, LegalNotesDto, OfficeDto, ServiceDto } from '@sportello/contracts';
import { AvailabilityQuerySchema, ServicesQuerySchema, uuidParam } from '@sportello/contracts/schemas';
import type * as z from 'zod';
import type { FastifyReply } from 'fastify';
import { Lang } from '../common/lang.decorator';
import { ApiErrorDoc } from '../common/openapi';
import { Valid } from '../common/validation';
import { AvailabilityDoc, LegalNotesDoc, OfficeDoc, ServiceDoc } from './calendar.openapi';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Missing or malformed parameters' })
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('offices')
  @ApiOkResponse({ type: [OfficeDoc] })
  offices(): Promise<OfficeDto[]> {
    return this.calendar.listOffices();
  }

  @Get('offices/:officeId/legal')
  @ApiOkResponse({ type: LegalNotesDoc, description: 'The privacy notice (GDPR art. 13) and the accessibility page of the office, from its settings' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  legal(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<LegalNotesDto> {
    return this.calendar.legalNotes(officeId);
  }

  @Get('services')
  @ApiQuery({ name: 'officeId', format: 'uuid' })
  @ApiOkResponse({ type: [ServiceDoc] })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  services(@Query(new Valid(ServicesQuerySchema)) { officeId }: { officeId: string }, @Lang() language: Language): Promise<ServiceDto[]> {
    return this.calendar.listServices(officeId, language);
  }

  @Get('availability')
  @ApiQuery({ name: 'officeId', format: 'uuid' })
  @ApiQuery({ name: 'serviceId', format: 'uuid' })
  @ApiQuery({ name: 'from', example: '2027-03-01', description: 'First local date, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', example: '2027-03-31', description: 'Last local date (included), at most 93 days after from' })
  @ApiOkResponse({ type: AvailabilityDoc, description: 'Free slots per day, in Europe/Rome; days with nothing free are left out' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
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
