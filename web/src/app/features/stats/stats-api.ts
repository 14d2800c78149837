import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CounterMonthDto,
  CountersDto,
  HistoryImportResultDto,
  Language,
  PutCountersBatchRequest,
  PutCountersRequest,
  StatsHeatMapDto,
  StatsOptionsDto,
  StatsOutcomesDto,
  StatsServicesDto,
  StatsSummaryDto,
  StatsTrendDto,
} from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';

/** What every view of the statistics is about. */
export interface StatsQuery {
  from: string;
  to: string;
  /** null: every office of the account. */
  officeId: string | null;
}

export type StatsTable = 'summary' | 'services' | 'outcomes' | 'heatmap' | 'trend';

function params(query: StatsQuery): HttpParams {
  let p = new HttpParams().set('from', query.from).set('to', query.to);
  if (query.officeId) p = p.set('officeId', query.officeId);
  return p;
}

/** The statistics endpoints (managers and admins); each call a Promise, like every api client of the app. */
@Injectable({ providedIn: 'root' })
export class StatsApi {
  private readonly http = inject(HttpClient);

  options(): Promise<StatsOptionsDto> {
    return firstValueFrom(this.http.get<StatsOptionsDto>('/api/stats/options'));
  }

  summary(query: StatsQuery): Promise<StatsSummaryDto> {
    return firstValueFrom(this.http.get<StatsSummaryDto>('/api/stats/summary', { params: params(query) }));
  }

  services(query: StatsQuery): Promise<StatsServicesDto> {
    return firstValueFrom(this.http.get<StatsServicesDto>('/api/stats/services', { params: params(query) }));
  }

  outcomes(query: StatsQuery): Promise<StatsOutcomesDto> {
    return firstValueFrom(this.http.get<StatsOutcomesDto>('/api/stats/outcomes', { params: params(query) }));
  }

  heatMap(query: StatsQuery): Promise<StatsHeatMapDto> {
    return firstValueFrom(this.http.get<StatsHeatMapDto>('/api/stats/heatmap', { params: params(query) }));
  }

  trend(query: StatsQuery): Promise<StatsTrendDto> {
    return firstValueFrom(this.http.get<StatsTrendDto>('/api/stats/trend', { params: params(query) }));
  }

  /** A plain link: the browser downloads the CSV with the session cookie; `lang` picks its dialect and headings. */
  csvUrl(table: StatsTable, query: StatsQuery, lang: Language): string {
    return `/api/stats/${table}?${params(query).set('format', 'csv').set('lang', lang).toString()}`;
  }

  historyCsvUrl(officeId: string): string {
    return `/api/stats/history?${new HttpParams().set('officeId', officeId).set('format', 'csv').toString()}`;
  }

  counters(officeId: string, year: number): Promise<CountersDto> {
    return firstValueFrom(this.http.get<CountersDto>(`/api/stats/counters/${encodeURIComponent(officeId)}`, { params: new HttpParams().set('year', year) }));
  }

  /** Several months at once, all or nothing (the counters form's one save). */
  putCounterMonths(officeId: string, body: PutCountersBatchRequest): Promise<{ officeId: string; months: CounterMonthDto[] }> {
    return firstValueFrom(this.http.put<{ officeId: string; months: CounterMonthDto[] }>(`/api/stats/counters/${encodeURIComponent(officeId)}`, body));
  }

  putCounters(officeId: string, month: string, body: PutCountersRequest): Promise<CounterMonthDto> {
    return firstValueFrom(this.http.put<CounterMonthDto>(`/api/stats/counters/${encodeURIComponent(officeId)}/${encodeURIComponent(month)}`, body));
  }

  importHistory(officeId: string, csv: string): Promise<HistoryImportResultDto> {
    return firstValueFrom(
      this.http.post<HistoryImportResultDto>('/api/stats/history', csv, {
        params: new HttpParams().set('officeId', officeId),
        headers: new HttpHeaders({ 'Content-Type': 'text/csv' }),
      }),
    );
  }
}
