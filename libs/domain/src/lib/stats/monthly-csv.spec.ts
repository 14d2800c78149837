import { csvCell, parseMonthlyCsv, splitCsvLine } from './monthly-csv';

const METRICS = ['walk_ins', 'phone_calls'] as const;
const parse = (text: string, latestMonth?: string) => parseMonthlyCsv(text, { metrics: METRICS, latestMonth, maxValue: 100_000 });

describe('parseMonthlyCsv', () => {
  it('reads a good file: header, CRLF, BOM, blank lines, spaces, quotes', () => {
    const result = parse('\uFEFFmonth,metric,value\r\n2024-01,walk_ins,12\r\n\r\n 2024-01 , phone_calls , 700\r\n"2024-02","walk_ins","0"\r\n');
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, month: '2024-01', metric: 'walk_ins', value: 12 },
      { line: 4, month: '2024-01', metric: 'phone_calls', value: 700 },
      { line: 5, month: '2024-02', metric: 'walk_ins', value: 0 },
    ]);
  });

  it('accepts semicolons when the header uses them (spreadsheets in Italian)', () => {
    const result = parse('Month;Metric;Value\n2024-03;walk_ins;5\n');
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, month: '2024-03', metric: 'walk_ins', value: 5 }]);
  });

  it('reports every bad line with its number, field and reason', () => {
    const text = [
      'month,metric,value',
      '2024-13,walk_ins,1', // 2: month
      '2024-01,walk_inz,1', // 3: metric
      '2024-01,walk_ins,-4', // 4: value
      '2024-01,walk_ins,1.5', // 5: value
      '2024-01,walk_ins,1.000', // 6: value (no thousands separators)
      '2024-01,walk_ins', // 7: columns
      '2024-01,walk_ins,5', // 8: fine
      '2024-01,walk_ins,6', // 9: duplicate of 8
      '2024-02,phone_calls,100001', // 10: too large
      '2030-01,phone_calls,1', // 11: future
      '"2024-01,walk_ins,1', // 12: open quote
      'abc,,', // 13: month, metric and value
    ].join('\n');
    const { problems } = parse(text, '2026-05');
    expect(problems).toEqual([
      { line: 2, field: 'month', reason: 'MONTH' },
      { line: 3, field: 'metric', reason: 'METRIC', params: { allowed: 'walk_ins, phone_calls' } },
      { line: 4, field: 'value', reason: 'VALUE' },
      { line: 5, field: 'value', reason: 'VALUE' },
      { line: 6, field: 'value', reason: 'VALUE' },
      { line: 7, field: 'line', reason: 'COLUMNS', params: { expected: 3, found: 2 } },
      { line: 9, field: 'line', reason: 'DUPLICATE', params: { other: 8 } },
      { line: 10, field: 'value', reason: 'VALUE_TOO_LARGE', params: { max: 100000 } },
      { line: 11, field: 'month', reason: 'MONTH_FUTURE', params: { latest: '2026-05' } },
      { line: 12, field: 'line', reason: 'QUOTES' },
      { line: 13, field: 'month', reason: 'MONTH' },
      { line: 13, field: 'metric', reason: 'METRIC', params: { allowed: 'walk_ins, phone_calls' } },
      { line: 13, field: 'value', reason: 'VALUE' },
    ]);
  });

  it('refuses a wrong header, an empty file and a file without rows', () => {
    expect(parse('mese,metrica,valore\n2024-01,walk_ins,1').problems).toEqual([
      { line: 1, field: 'line', reason: 'HEADER', params: { expected: 'month,metric,value' } },
    ]);
    expect(parse('').problems).toEqual([{ line: 1, field: 'line', reason: 'EMPTY' }]);
    expect(parse('\n\n').problems).toEqual([{ line: 1, field: 'line', reason: 'EMPTY' }]);
    expect(parse('month,metric,value\n\n').problems).toEqual([{ line: 2, field: 'line', reason: 'EMPTY' }]);
  });

  it('stops at too many rows', () => {
    const text = ['month,metric,value', ...Array.from({ length: 5 }, (_, i) => `2024-0${i + 1},walk_ins,1`)].join('\n');
    const { problems } = parseMonthlyCsv(text, { metrics: METRICS, maxRows: 3 });
    expect(problems).toEqual([{ line: 5, field: 'line', reason: 'TOO_MANY_ROWS', params: { max: 3 } }]);
  });
});

describe('splitCsvLine and csvCell', () => {
  it('splits with quotes, doubled quotes and empty cells', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
    expect(splitCsvLine('a;b', ';')).toEqual(['a', 'b']);
    expect(splitCsvLine('"a"x,b')).toBeNull();
    expect(splitCsvLine('a"b,c')).toBeNull();
  });

  it('quotes only what needs it, and round-trips', () => {
    expect(csvCell('CIE')).toBe('CIE');
    expect(csvCell("Carta d'identità, elettronica")).toBe('"Carta d\'identità, elettronica"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    const cells = ['x, y', 'a "b"', '3'];
    expect(splitCsvLine(cells.map((c) => csvCell(c)).join(','))).toEqual(cells);
  });
});
