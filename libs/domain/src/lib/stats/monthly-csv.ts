/**
 * The CSV of monthly figures managers import (`month,metric,value`), checked line by line
 * so that a file with any bad line can be refused as a whole with a report of every
 * problem.
 *
 * Format: UTF-8 text (a byte-order mark is ignored), lines ending in LF or CRLF. Line 1 is
 * the header `month,metric,value` (any case, spaces around names ignored). Values are
 * separated by commas — or semicolons, when the header uses them (spreadsheets set to
 * Italian save with `;`). A value may be in double quotes (`"1,2"` is one value; `""`
 * inside quotes is a quote). Blank lines are skipped but keep their line number.
 * - `month`: `YYYY-MM`, not after `latestMonth` when given;
 * - `metric`: one of the allowed metrics (exact, lower case);
 * - `value`: a whole number from 0 to `maxValue`, digits only (no thousands separators);
 * - each (month, metric) at most once in a file.
 */
import { isValidMonth } from './periods';

export const MONTHLY_CSV_HEADER = ['month', 'metric', 'value'] as const;

export type MonthlyCsvProblemReason =
  'EMPTY' | 'HEADER' | 'COLUMNS' | 'MONTH' | 'MONTH_FUTURE' | 'METRIC' | 'VALUE' | 'VALUE_TOO_LARGE' | 'DUPLICATE' | 'QUOTES' | 'TOO_MANY_ROWS';

export interface MonthlyCsvProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** The column concerned, or `line` for the line as a whole. */
  field: 'month' | 'metric' | 'value' | 'line';
  reason: MonthlyCsvProblemReason;
  /** Details for the message: the expected count, the other line, the limit … */
  params?: Record<string, string | number>;
}

export interface MonthlyCsvRow<M extends string = string> {
  line: number;
  month: string;
  metric: M;
  value: number;
}

export interface MonthlyCsvOptions<M extends string> {
  metrics: readonly M[];
  /** Largest value accepted (default 10,000,000). */
  maxValue?: number;
  /** Months after this one are refused (e.g. the current month). */
  latestMonth?: string;
  /** At most this many data rows (default 10,000). */
  maxRows?: number;
}

/** Parses and checks the whole file; `rows` is meaningful only when `problems` is empty. */
export function parseMonthlyCsv<M extends string>(
  text: string,
  options: MonthlyCsvOptions<M>,
): { rows: Array<MonthlyCsvRow<M>>; problems: MonthlyCsvProblem[] } {
  const maxValue = options.maxValue ?? 10_000_000;
  const maxRows = options.maxRows ?? 10_000;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: MonthlyCsvProblem[] = [];
  const rows: Array<MonthlyCsvRow<M>> = [];
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { rows, problems: [{ line: 1, field: 'line', reason: 'EMPTY' }] };
  const headerLine = lines[headerIndex] ?? '';
  const separator = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const header = splitCsvLine(headerLine, separator);
  if (!header || header.length !== 3 || header.some((name, i) => name.trim().toLowerCase() !== MONTHLY_CSV_HEADER[i])) {
    problems.push({ line: headerIndex + 1, field: 'line', reason: 'HEADER', params: { expected: MONTHLY_CSV_HEADER.join(',') } });
    return { rows, problems };
  }
  const seen = new Map<string, number>();
  const allowed = new Set<string>(options.metrics);
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = i + 1;
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    if (rows.length + countLines(problems) >= maxRows) {
      problems.push({ line, field: 'line', reason: 'TOO_MANY_ROWS', params: { max: maxRows } });
      break;
    }
    const cells = splitCsvLine(text, separator);
    if (!cells) {
      problems.push({ line, field: 'line', reason: 'QUOTES' });
      continue;
    }
    if (cells.length !== 3) {
      problems.push({ line, field: 'line', reason: 'COLUMNS', params: { expected: 3, found: cells.length } });
      continue;
    }
    const [month = '', metric = '', value = ''] = cells.map((c) => c.trim());
    const before = problems.length;
    if (!isValidMonth(month)) problems.push({ line, field: 'month', reason: 'MONTH' });
    else if (options.latestMonth && month > options.latestMonth)
      problems.push({ line, field: 'month', reason: 'MONTH_FUTURE', params: { latest: options.latestMonth } });
    if (!allowed.has(metric)) problems.push({ line, field: 'metric', reason: 'METRIC', params: { allowed: options.metrics.join(', ') } });
    if (!/^\d+$/.test(value)) problems.push({ line, field: 'value', reason: 'VALUE' });
    else if (Number(value) > maxValue) problems.push({ line, field: 'value', reason: 'VALUE_TOO_LARGE', params: { max: maxValue } });
    if (problems.length > before) continue;
    const key = `${month}|${metric}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, field: 'line', reason: 'DUPLICATE', params: { other: first } });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, month, metric: metric as M, value: Number(value) });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: headerIndex + 2, field: 'line', reason: 'EMPTY' });
  return { rows, problems };
}

function countLines(problems: readonly MonthlyCsvProblem[]): number {
  return new Set(problems.map((p) => p.line)).size;
}

/** Splits one CSV line; `null` when a quote is left open or stray text follows a closing quote. */
export function splitCsvLine(line: string, separator = ','): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    // Leading spaces before an opening quote are allowed.
    let j = i;
    while (line[j] === ' ' || line[j] === '\t') j++;
    if (line[j] === '"') {
      j++;
      for (;;) {
        if (j >= line.length) return null;
        if (line[j] === '"') {
          if (line[j + 1] === '"') {
            cell += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        cell += line[j++];
      }
      while (line[j] === ' ' || line[j] === '\t') j++;
      if (j < line.length && line[j] !== separator) return null;
    } else {
      const end = line.indexOf(separator, i);
      const stop = end < 0 ? line.length : end;
      cell = line.slice(i, stop);
      if (cell.includes('"')) return null;
      j = stop;
    }
    cells.push(cell);
    if (j >= line.length) return cells;
    i = j + 1;
  }
}

/** One CSV value: quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string | number | null, separator = ','): string {
  if (value === null) return '';
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
