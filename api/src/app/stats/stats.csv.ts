import type { Language, MonthlyFiguresDto, StatsHeatMapDto, StatsOutcomesDto, StatsServicesDto, StatsSummaryDto, StatsTrendDto } from '@sportello/contracts';
import { csvCell } from '@sportello/domain';

/**
 * CSV exports of the statistics, UTF-8 with a byte-order mark so that spreadsheets detect
 * the encoding, CRLF line ends, double quotes where needed. Two dialects, by the caller's
 * language (`lang`, else Accept-Language):
 * - `en`: RFC 4180 — comma, numbers with a dot, stable snake_case column names (for scripts);
 * - `it`: what Excel in Italian opens by double-click — semicolon, decimal comma, column
 *   names in Italian.
 * The stored monthly figures keep the import format (`month,metric,value`) in both.
 */
const BOM = '\uFEFF';

export interface CsvDialect {
  language: Language;
  separator: ',' | ';';
  decimal: '.' | ',';
}

export function csvDialect(language: Language): CsvDialect {
  return language === 'it' ? { language, separator: ';', decimal: ',' } : { language, separator: ',', decimal: '.' };
}

const RFC4180 = csvDialect('en');

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type Cell = string | number | boolean | null;

/** A column: its stable name (en) and its Italian heading. */
type Column = [string, string];

function cell(value: Cell, dialect: CsvDialect): string {
  if (typeof value === 'string') return quote(safeText(value), dialect);
  if (typeof value === 'boolean') return dialect.language === 'it' ? (value ? 'sì' : 'no') : String(value);
  if (typeof value === 'number') return dialect.decimal === ',' ? String(value).replace('.', ',') : String(value);
  return '';
}

function quote(text: string, dialect: CsvDialect): string {
  return csvCell(text, dialect.separator);
}

function table(columns: Column[], rows: Cell[][], dialect: CsvDialect): string {
  const header = columns.map(([en, it]) => (dialect.language === 'it' ? it : en));
  const line = (cells: Cell[]) => cells.map((c) => cell(c, dialect)).join(dialect.separator);
  return BOM + [header.map((h) => quote(h, dialect)).join(dialect.separator), ...rows.map(line)].join('\r\n') + '\r\n';
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

export function summaryCsv(s: StatsSummaryDto, dialect: CsvDialect): string {
  return table(
    [
      ['figure', 'Indicatore'],
      ['label', 'Descrizione'],
      ['value', 'Valore'],
      ['recorded', 'Registrato da Sportello'],
      ['monthly_figures', 'Dati mensili'],
      ['from', 'Dal'],
      ['to', 'Al'],
    ],
    SUMMARY_FIGURES.map(([key, label]) => {
      const part = (from: StatsSummaryDto['recorded']) => (key in from ? (from as unknown as Record<string, number>)[key] : null);
      return [key, label[dialect.language], s[key] as number | null, part(s.recorded), part(s.monthly), s.period.from, s.period.to];
    }),
    dialect,
  );
}

export function servicesCsv(s: StatsServicesDto, dialect: CsvDialect, officeNames: Map<string, string>): string {
  return table(
    [
      ['office', 'Ufficio'],
      ['service_code', 'Codice servizio'],
      ['service', 'Servizio'],
      ['booked', 'Prenotati'],
      ['attended', 'Ricevuti con appuntamento'],
      ['no_shows', 'Assenti'],
      ['cancelled', 'Annullati'],
      ['walk_ins_served', 'Ricevuti senza appuntamento'],
      ['receptions', 'Ricevimenti'],
      ['avg_wait_minutes', 'Attesa media (minuti)'],
      ['p90_wait_minutes', 'Attesa, 90° percentile (minuti)'],
      ['avg_service_minutes', 'Durata media (minuti)'],
    ],
    s.rows.map((r) => [
      officeNames.get(r.officeId) ?? r.officeId,
      r.serviceCode,
      r.serviceName[dialect.language],
      r.booked,
      r.attended,
      r.noShows,
      r.cancelled,
      r.walkInsServed,
      r.receptions,
      r.avgWaitMinutes,
      r.p90WaitMinutes,
      r.avgServiceMinutes,
    ]),
    dialect,
  );
}

export function outcomesCsv(s: StatsOutcomesDto, dialect: CsvDialect, officeNames: Map<string, string>): string {
  return table(
    [
      ['office', 'Ufficio'],
      ['service', 'Servizio'],
      ['outcome', 'Codice esito'],
      ['label', 'Esito'],
      ['count', 'Numero'],
    ],
    s.rows.map((r) => [officeNames.get(r.officeId) ?? r.officeId, r.serviceName[dialect.language], r.outcome, r.label[dialect.language], r.count]),
    dialect,
  );
}

const WEEKDAYS = {
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function heatMapCsv(s: StatsHeatMapDto, dialect: CsvDialect): string {
  const hours: Column[] = Array.from({ length: 24 }, (_, h) => [`h${String(h).padStart(2, '0')}`, `Ore ${h}-${h + 1}`]);
  return table(
    [['weekday', 'N. giorno'], ['label', 'Giorno'], ...hours, ['total', 'Totale']],
    s.cells.map((row, i) => [i + 1, WEEKDAYS[dialect.language][i], ...row, row.reduce((a, b) => a + b, 0)]),
    dialect,
  );
}

export function trendCsv(s: StatsTrendDto, dialect: CsvDialect): string {
  return table(
    [
      ['month', 'Mese'],
      ['appointments_attended', 'Con appuntamento'],
      ['walk_ins', 'Senza appuntamento'],
      ['receptions_total', 'Ricevimenti totali'],
      ['includes_monthly_figures', 'Comprende dati mensili'],
    ],
    s.months.map((m) => [m.month, m.appointmentsAttended, m.walkIns, m.receptionsTotal, m.includesMonthlyFigures]),
    dialect,
  );
}

/** The stored monthly figures in the import format (`month,metric,value`, comma): re-importable as is, whatever the language. */
export function figuresCsv(s: MonthlyFiguresDto): string {
  return table(
    [
      ['month', 'month'],
      ['metric', 'metric'],
      ['value', 'value'],
    ],
    s.figures.map((f) => [f.month, f.metric, f.value]),
    RFC4180,
  );
}
