import * as z from 'zod';
import {
  CounterMonthDtoSchema,
  CountersDtoSchema,
  HistoryImportResultDtoSchema,
  MonthlyFiguresDtoSchema,
  StatsHeatMapDtoSchema,
  StatsOptionsDtoSchema,
  StatsOutcomesDtoSchema,
  StatsServicesDtoSchema,
  StatsSummaryDtoSchema,
  StatsTrendDtoSchema,
} from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type {
  CounterMonthDto,
  CountersDto,
  HistoryImportResultDto,
  Language,
  MonthlyFiguresDto,
  StatsHeatMapDto,
  StatsOptionsDto,
  StatsOutcomesDto,
  StatsServicesDto,
  StatsSummaryDto,
  StatsTrendDto,
} from '@sportello/contracts';
import type { LocalDateRange } from '@sportello/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertOfficeAccess, CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { ApiError } from '../common/api-error';
import { hasBodyOfType } from '../common/express-compat';
import { Lang } from '../common/lang.decorator';
import {
  CountersQuerySchema,
  HistoryQuerySchema,
  MAX_PERIOD_DAYS,
  monthParam,
  OfficeQuerySchema,
  PeriodQuerySchema,
  PutCounterMonthsRequestSchema,
  PutCountersRequestSchema,
  uuidParam,
} from '@sportello/contracts/schemas';
import { parse, parseAll, Valid } from '../common/validation';
import { csvDialect, figuresCsv, heatMapCsv, outcomesCsv, servicesCsv, summaryCsv, trendCsv } from './stats.csv';
import { StatsScope, StatsService } from './stats.service';

export { MAX_PERIOD_DAYS };

type Format = 'json' | 'csv';

type PeriodQuery = z.output<typeof PeriodQuerySchema>;

/** Sends CSV as a download, or returns the JSON body. */
function answer<T>(format: Format, reply: FastifyReply, name: string, period: LocalDateRange | null, body: T, csv: (body: T) => string): T | string {
  if (format === 'json') return body;
  const suffix = period ? `-${period.from}_${period.to}` : '';
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="sportello-${name}${suffix}.csv"`);
  return csv(body);
}

/**
 * Statistics (managers; admins for every office). Every view takes a period of local
 * dates and optionally one office; `?format=csv` downloads the same table as CSV.
 */
@DocTag('statistics')
@Controller('stats')
@Staff('manager')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  private async scope(staff: StaffPrincipal, query: PeriodQuery): Promise<StatsScope> {
    return this.stats.scope(staff, query.period, query.officeId);
  }

  private names(scope: StatsScope): Map<string, string> {
    return new Map(scope.offices.map((o) => [o.id, o.name]));
  }

  @Get('options')
  @Doc({ summary: 'The offices the account may see, with the mandate and the dates of each preset (today, month, year, mandate)', ok: StatsOptionsDtoSchema })
  options(@CurrentStaff() staff: StaffPrincipal): Promise<StatsOptionsDto> {
    return this.stats.options(staff);
  }

  @Get('summary')
  @Doc({
    summary: 'The figures of a period',
    description:
      '`{ appointmentsAttended, walkIns, receptionsTotal, noShows, cancelled, phoneCalls, residencyOnline, residencyDesk, cieIssued, spidIssued, avgWaitMinutes, p90WaitMinutes, avgServiceMinutes, … }`: recorded tickets and appointments plus the monthly figures of the months wholly inside the period (`recorded` and `monthly` give the parts).',
    ok: StatsSummaryDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async summary(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(PeriodQuerySchema)) q: PeriodQuery,
    @Lang() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatsSummaryDto | string> {
    const body = await this.stats.summary(await this.scope(staff, q));
    return answer(q.format, reply, 'riepilogo', q.period, body, (b) => summaryCsv(b, csvDialect(q.lang ?? language)));
  }

  @Get('services')
  @Doc({
    summary: 'Per service: booked, attended, no-shows, cancelled, walk-ins served, receptions, wait (average, 90th percentile) and service time',
    ok: StatsServicesDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async services(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(PeriodQuerySchema)) q: PeriodQuery,
    @Lang() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatsServicesDto | string> {
    const scope = await this.scope(staff, q);
    const body = await this.stats.services(scope);
    return answer(q.format, reply, 'servizi', q.period, body, (b) => servicesCsv(b, csvDialect(q.lang ?? language), this.names(scope)));
  }

  @Get('outcomes')
  @Doc({
    summary: 'Completed tickets per service and outcome (plus the monthly figures of CIE, SPID and residency)',
    ok: StatsOutcomesDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async outcomes(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(PeriodQuerySchema)) q: PeriodQuery,
    @Lang() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatsOutcomesDto | string> {
    const scope = await this.scope(staff, q);
    const body = await this.stats.outcomes(scope);
    return answer(q.format, reply, 'esiti', q.period, body, (b) => outcomesCsv(b, csvDialect(q.lang ?? language), this.names(scope)));
  }

  @Get('heatmap')
  @Doc({
    summary: 'Arrivals (tickets taken, appointments checked in) by local weekday and hour',
    ok: StatsHeatMapDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async heatMap(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(PeriodQuerySchema)) q: PeriodQuery,
    @Lang() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatsHeatMapDto | string> {
    const body = await this.stats.heatMap(await this.scope(staff, q));
    return answer(q.format, reply, 'affluenza', q.period, body, (b) => heatMapCsv(b, csvDialect(q.lang ?? language)));
  }

  @Get('trend')
  @Doc({
    summary: 'Receptions per month: with appointment versus walk-ins',
    ok: StatsTrendDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async trend(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(PeriodQuerySchema)) q: PeriodQuery,
    @Lang() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatsTrendDto | string> {
    const body = await this.stats.trend(await this.scope(staff, q));
    return answer(q.format, reply, 'andamento', q.period, body, (b) => trendCsv(b, csvDialect(q.lang ?? language)));
  }

  @Get('history')
  @Doc({
    summary: 'The monthly figures stored for an office (imported or entered); as CSV in the import format',
    ok: MonthlyFiguresDtoSchema,
    produces: { type: 'text/csv' },
    headers: { 'Content-Disposition': { description: 'with format=csv: attachment; filename="sportello-….csv"' } },
  })
  async history(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(HistoryQuerySchema)) { officeId, from, to, format }: z.output<typeof HistoryQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MonthlyFiguresDto | string> {
    assertOfficeAccess(staff, officeId);
    const body = await this.stats.storedFigures(officeId, from, to);
    return answer(format, reply, 'dati-mensili', null, body, figuresCsv);
  }

  @Post('history')
  @Doc({
    summary: 'Imports monthly figures from CSV (`month,metric,value`)',
    description:
      'Body: `text/csv`, header `month,metric,value`, one line per month and metric; metrics appointments_attended, walk_ins, phone_calls, residency_online, residency_desk, cie_issued, spid_issued. Any bad line → 400 with `lines: [{ line, field, message }]` and nothing imported. The same office, month and metric again replaces the figure. A month and metric that Sportello already recorded is refused (it would count twice).',
    ok: HistoryImportResultDtoSchema,
    errors: { 415: { codes: ['UNSUPPORTED_MEDIA_TYPE'], description: 'UNSUPPORTED_MEDIA_TYPE: the body must be text/csv' } },
    okDescription: '`{ officeId, imported, replaced, months: { from, to } }`',
    body: z.string(),
    bodyType: 'text/csv',
  })
  @HttpCode(200)
  async importHistory(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(OfficeQuerySchema)) { officeId }: z.output<typeof OfficeQuerySchema>,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Lang() language: Language,
  ): Promise<HistoryImportResultDto> {
    assertOfficeAccess(staff, officeId);
    if (!hasBodyOfType(request, 'text/csv')) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'body.csv');
    return this.stats.importHistory(staff, officeId, typeof body === 'string' ? body : '', language);
  }

  @Get('counters/:officeId')
  @Doc({ summary: 'The counters kept outside the queue (phone calls, online residency applications) for each month of a year', ok: CountersDtoSchema })
  counters(
    @Query(new Valid(CountersQuerySchema)) { year }: z.output<typeof CountersQuerySchema>,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
  ): Promise<CountersDto> {
    return this.stats.counters(officeId, year);
  }

  @Put('counters/:officeId/:month')
  @Doc({
    summary: 'Sets the counters of a month',
    description: 'A number replaces the figure, `null` removes it, a missing member leaves it as it is.',
    ok: CounterMonthDtoSchema,
    params: { officeId: uuidParam(), month: monthParam() },
    okDescription: '`{ month, phoneCalls, residencyOnline, phoneCallsSource, residencyOnlineSource }`',
    body: PutCountersRequestSchema,
  })
  putCounters(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId') officeId: string,
    @Param('month') month: string,
    @Body() body: unknown,
  ): Promise<CounterMonthDto> {
    // The month of the path is reported with the body's problems, in one answer.
    const [counts] = parseAll([PutCountersRequestSchema, body], [monthParam(), month, 'month']);
    return this.stats.putCounters(staff, parse(uuidParam(), officeId, 'officeId'), month, counts);
  }

  @Put('counters/:officeId')
  @Doc({
    summary: 'Sets the counters of several months at once, all or nothing',
    description:
      '`{ months: [{ month, phoneCalls?, residencyOnline? }] }` (at most 24): every wrong line is reported (`months[2].phoneCalls`) and nothing is written.',
    ok: z.object({ officeId: z.string(), months: z.array(CounterMonthDtoSchema) }),
    okDescription: '`{ officeId, months: [{ month, phoneCalls, residencyOnline, phoneCallsSource, residencyOnlineSource }] }`',
  })
  async putCounterMonths(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new Valid(PutCounterMonthsRequestSchema)) { months }: z.output<typeof PutCounterMonthsRequestSchema>,
    @Param('officeId', new Valid(uuidParam())) id: string,
  ): Promise<{ officeId: string; months: CounterMonthDto[] }> {
    return { officeId: id, months: await this.stats.putCounterMonths(staff, id, months) };
  }
}
