import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Language, LegalNotesDto, MAX_AVAILABILITY_RANGE_DAYS, OfficeDto, ServiceDto } from '@sportello/contracts';
import { ApiError } from '../common/api-error';
import { isUuid } from '../common/query';
import type { FastifyReply } from 'fastify';
import { Lang } from '../common/lang.decorator';
import { ApiErrorDoc } from '../common/openapi';
import { QueryReader } from '../common/query';
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
  legal(@Param('officeId') officeId: string): Promise<LegalNotesDto> {
    if (!isUuid(officeId)) throw ApiError.validation([{ field: 'officeId', key: 'field.uuid' }]);
    return this.calendar.legalNotes(officeId.toLowerCase());
  }

  @Get('services')
  @ApiQuery({ name: 'officeId', format: 'uuid' })
  @ApiOkResponse({ type: [ServiceDoc] })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  services(@Query() query: Record<string, unknown>, @Lang() language: Language): Promise<ServiceDto[]> {
    const reader = new QueryReader(query);
    const officeId = reader.uuid('officeId');
    reader.done();
    return this.calendar.listServices(officeId, language);
  }

  @Get('availability')
  @ApiQuery({ name: 'officeId', format: 'uuid' })
  @ApiQuery({ name: 'serviceId', format: 'uuid' })
  @ApiQuery({ name: 'from', example: '2027-03-01', description: 'First local date, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', example: '2027-03-31', description: 'Last local date (included), at most 93 days after from' })
  @ApiOkResponse({ type: AvailabilityDoc, description: 'Free slots per day, in Europe/Rome; days with nothing free are left out' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  async availability(@Query() query: Record<string, unknown>, @Headers('accept-encoding') acceptEncoding: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const reader = new QueryReader(query);
    const officeId = reader.uuid('officeId');
    const serviceId = reader.uuid('serviceId');
    const from = reader.localDate('from');
    const to = reader.localDate('to');
    if (!reader.hasProblem('from') && !reader.hasProblem('to')) {
      const problem = CalendarService.rangeProblem(from, to);
      if (problem) reader.problem({ ...problem, params: { max: MAX_AVAILABILITY_RANGE_DAYS } });
    }
    reader.done();
    // Sent as the service serialised (and compressed) it: an unchanged month is reused.
    const { body, encoding } = (await this.calendar.availabilityAnswer({ officeId, serviceId, from, to })).bodyFor(acceptEncoding);
    reply.header('Content-Type', 'application/json; charset=utf-8');
    reply.header('Vary', 'Accept-Encoding');
    if (encoding) reply.header('Content-Encoding', encoding);
    reply.send(body);
  }
}
