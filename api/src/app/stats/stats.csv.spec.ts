import type { StatsServicesDto, StatsTrendDto } from '@sportello/contracts';
import { csvDialect, figuresCsv, safeText, servicesCsv, trendCsv } from './stats.csv';

describe('statistics CSV', () => {
  it('starts with a byte-order mark, ends lines with CRLF, quotes what needs it', () => {
    const services: StatsServicesDto = {
      period: { from: '2024-01-01', to: '2024-01-31' },
      rows: [
        {
          officeId: 'o1',
          serviceId: 's1',
          serviceCode: 'CIE',
          serviceName: { it: "Carta d'identità, elettronica", en: 'Identity card' },
          booked: 10,
          attended: 8,
          noShows: 1,
          cancelled: 1,
          walkInsServed: 2,
          receptions: 10,
          avgWaitMinutes: 7.5,
          p90WaitMinutes: 16,
          avgServiceMinutes: null,
        },
      ],
    };
    const text = servicesCsv(services, csvDialect('en'), new Map([['o1', 'URP']]));
    expect(text.startsWith('\uFEFFoffice,service_code,service,')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('URP,CIE,Identity card,10,8,1,1,2,10,7.5,16,');
    expect(text.endsWith('\r\n')).toBe(true);

    // For Excel in Italian: semicolons, decimal comma, Italian headings, still the BOM.
    const it = servicesCsv(services, csvDialect('it'), new Map([['o1', 'URP; Calderara']]));
    expect(it.startsWith('\uFEFFUfficio;Codice servizio;Servizio;Prenotati;')).toBe(true);
    expect(it.split('\r\n')[1]).toBe('"URP; Calderara";CIE;Carta d\'identità, elettronica;10;8;1;1;2;10;7,5;16;');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeText('+39 051')).toBe("'+39 051");
    expect(safeText('-1')).toBe("'-1");
    expect(safeText('@SUM')).toBe("'@SUM");
    expect(safeText('CIE')).toBe('CIE');
  });

  it('writes the trend and the stored figures (in the import format)', () => {
    const trend: StatsTrendDto = {
      period: { from: '2024-01-01', to: '2024-01-31' },
      months: [{ month: '2024-01', appointmentsAttended: 3, walkIns: 1, receptionsTotal: 4, includesMonthlyFigures: false }],
      partialMonths: [],
    };
    expect(trendCsv(trend, csvDialect('en'))).toBe(
      '\uFEFFmonth,appointments_attended,walk_ins,receptions_total,includes_monthly_figures\r\n2024-01,3,1,4,false\r\n',
    );
    expect(trendCsv(trend, csvDialect('it'))).toBe(
      '\uFEFFMese;Con appuntamento;Senza appuntamento;Ricevimenti totali;Comprende dati mensili\r\n2024-01;3;1;4;no\r\n',
    );
    expect(figuresCsv({ officeId: 'o1', figures: [{ month: '2019-06', metric: 'walk_ins', value: 141, source: 'import', updatedAt: '' }] })).toBe(
      '\uFEFFmonth,metric,value\r\n2019-06,walk_ins,141\r\n',
    );
  });
});
