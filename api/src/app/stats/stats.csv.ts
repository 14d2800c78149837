import type { Language, MonthlyFiguresDto, StatsHeatMapDto, StatsOutcomesDto, StatsServicesDto, StatsSummaryDto, StatsTrendDto } from '@sportello/contracts';
import { csvCell } from '@sportello/domain';

/**
 * CSV exports of the statistics: RFC 4180 (comma, double quotes, CRLF), UTF-8 with a
 * byte-order mark so that spreadsheets detect the encoding; numbers with a dot; column
 * names stable (English, snake_case), labels in the caller's language.
 */
const BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function table(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  const line = (cells: Array<string | number | boolean | null>) => cells.map((c) => csvCell(typeof c === 'string' ? safeText(c) : typeof c === 'boolean' ? String(c) : c)).join(',');
  return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

const SUMMARY_FIGURES: Array<[keyof StatsSummaryDto, { it: string; en: string }]> = [
  ['appointmentsAttended', { it: 'Ricevimenti con appuntamento', en: 'Receptions by appointment' }],
  ['walkIns', { it: 'Ricevimenti senza appuntamento', en: 'Walk-in receptions' }],
  ['receptionsTotal', { it: 'Ricevimenti totali', en: 'Receptions in total' }],
  ['appointmentsBooked', { it: 'Appuntamenti prenotati', en: 'Appointments booked' }],
  ['noShows', { it: 'Assenze (no-show)', en: 'No-shows' }],
  ['cancelled', { it: 'Appuntamenti annullati', en: 'Appointments cancelled' }],
  ['phoneCalls', { it: 'Telefonate', en: 'Phone calls' }],
  ['residencyOnline', { it: 'Pratiche di residenza online', en: 'Residency applications online' }],
  ['residencyDesk', { it: 'Pratiche di residenza allo sportello', en: 'Residency applications at the desk' }],
  ['cieIssued', { it: 'CIE rilasciate', en: 'CIE issued' }],
  ['spidIssued', { it: 'SPID rilasciati', en: 'SPID issued' }],
  ['avgWaitMinutes', { it: 'Attesa media (minuti)', en: 'Average wait (minutes)' }],
  ['p90WaitMinutes', { it: 'Attesa, 90° percentile (minuti)', en: 'Wait, 90th percentile (minutes)' }],
  ['avgServiceMinutes', { it: 'Durata media del servizio (minuti)', en: 'Average service time (minutes)' }],
  ['p90ServiceMinutes', { it: 'Durata del servizio, 90° percentile (minuti)', en: 'Service time, 90th percentile (minutes)' }],
];

export function summaryCsv(s: StatsSummaryDto, language: Language): string {
  return table(
    ['figure', 'label', 'value', 'recorded', 'monthly_figures', 'from', 'to'],
    SUMMARY_FIGURES.map(([key, label]) => {
      const part = (from: StatsSummaryDto['recorded']) => (key in from ? (from as unknown as Record<string, number>)[key] : null);
      return [key, label[language], s[key] as number | null, part(s.recorded), part(s.monthly), s.period.from, s.period.to];
    }),
  );
}

export function servicesCsv(s: StatsServicesDto, language: Language, officeNames: Map<string, string>): string {
  return table(
    ['office', 'service_code', 'service', 'booked', 'attended', 'no_shows', 'cancelled', 'walk_ins_served', 'receptions', 'avg_wait_minutes', 'p90_wait_minutes', 'avg_service_minutes'],
    s.rows.map((r) => [officeNames.get(r.officeId) ?? r.officeId, r.serviceCode, r.serviceName[language], r.booked, r.attended, r.noShows, r.cancelled, r.walkInsServed, r.receptions, r.avgWaitMinutes, r.p90WaitMinutes, r.avgServiceMinutes]),
  );
}

export function outcomesCsv(s: StatsOutcomesDto, language: Language, officeNames: Map<string, string>): string {
  return table(
    ['office', 'service', 'outcome', 'label', 'count'],
    s.rows.map((r) => [officeNames.get(r.officeId) ?? r.officeId, r.serviceName[language], r.outcome, r.label[language], r.count]),
  );
}

const WEEKDAYS = {
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function heatMapCsv(s: StatsHeatMapDto, language: Language): string {
  const hours = Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`);
  return table(
    ['weekday', 'label', ...hours, 'total'],
    s.cells.map((row, i) => [i + 1, WEEKDAYS[language][i], ...row, row.reduce((a, b) => a + b, 0)]),
  );
}

export function trendCsv(s: StatsTrendDto): string {
  return table(
    ['month', 'appointments_attended', 'walk_ins', 'receptions_total', 'includes_monthly_figures'],
    s.months.map((m) => [m.month, m.appointmentsAttended, m.walkIns, m.receptionsTotal, m.includesMonthlyFigures]),
  );
}

/** The stored monthly figures in the import format (`month,metric,value`): re-importable as is. */
export function figuresCsv(s: MonthlyFiguresDto): string {
  return table(
    ['month', 'metric', 'value'],
    s.figures.map((f) => [f.month, f.metric, f.value]),
  );
}
