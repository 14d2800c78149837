import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { StatsOptionsDto, StatsSummaryDto } from '@sportello/contracts';
import { CountersForm } from './counters-form';
import { HistoryImport } from './history-import';
import { Statistics } from './statistics';
import { StatsApi, StatsQuery } from './stats-api';

const OFFICE = 'o1';
const OPTIONS: StatsOptionsDto = {
  offices: [
    {
      id: OFFICE,
      name: 'URP Calderara',
      timeZone: 'Europe/Rome',
      mandate: { from: '2019-06-01', to: '2024-05-31' },
      presets: {
        today: { from: '2026-11-27', to: '2026-11-27' },
        month: { from: '2026-11-01', to: '2026-11-30' },
        year: { from: '2026-01-01', to: '2026-12-31' },
        mandate: { from: '2019-06-01', to: '2024-05-31' },
      },
    },
  ],
};
const COUNTS = {
  appointmentsAttended: 11750,
  walkIns: 1605,
  receptionsTotal: 13355,
  phoneCalls: 36000,
  residencyOnline: 1743,
  residencyDesk: 972,
  cieIssued: 7541,
  spidIssued: 3259,
};
const ZERO = { appointmentsAttended: 0, walkIns: 0, receptionsTotal: 0, phoneCalls: 0, residencyOnline: 0, residencyDesk: 0, cieIssued: 0, spidIssued: 0 };

function summary(query: StatsQuery, partialMonths: string[] = []): StatsSummaryDto {
  return {
    ...COUNTS,
    noShows: 12,
    cancelled: 30,
    avgWaitMinutes: 11.3,
    p90WaitMinutes: 30,
    avgServiceMinutes: null,
    appointmentsBooked: 42,
    p90ServiceMinutes: null,
    waitSamples: 9,
    serviceSamples: 0,
    period: { from: query.from, to: query.to },
    officeIds: [OFFICE],
    recorded: ZERO,
    monthly: COUNTS,
    partialMonths,
  };
}

function fakeApi(partialMonths: string[] = []) {
  return {
    options: jest.fn(() => Promise.resolve(OPTIONS)),
    summary: jest.fn((q: StatsQuery) => Promise.resolve(summary(q, partialMonths))),
    services: jest.fn((q: StatsQuery) => Promise.resolve({ period: q, rows: [] })),
    outcomes: jest.fn((q: StatsQuery) => Promise.resolve({ period: q, rows: [] })),
    heatMap: jest.fn((q: StatsQuery) => Promise.resolve({ period: q, cells: Array.from({ length: 7 }, () => new Array(24).fill(0)), max: 0, total: 0 })),
    trend: jest.fn((q: StatsQuery) =>
      Promise.resolve({
        period: q,
        months: [{ month: '2019-06', appointmentsAttended: 78, walkIns: 141, receptionsTotal: 219, includesMonthlyFigures: true }],
        partialMonths: [],
      }),
    ),
    csvUrl: jest.fn((table: string, _query: StatsQuery, lang: string) => `/api/stats/${table}?format=csv&lang=${lang}`),
    historyCsvUrl: jest.fn(() => '/api/stats/history?format=csv'),
    counters: jest.fn((officeId: string, year: number) => Promise.resolve({ officeId, year, months: [] })),
    putCounters: jest.fn(),
    importHistory: jest.fn(),
  };
}

describe('Statistics (/staff/statistiche)', () => {
  let fixture: ComponentFixture<Statistics>;
  let el: HTMLElement;
  let api: ReturnType<typeof fakeApi>;
  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function render(partialMonths: string[] = []): Promise<void> {
    localStorage.clear();
    api = fakeApi(partialMonths);
    TestBed.configureTestingModule({ providers: [{ provide: StatsApi, useValue: api }] });
    fixture = TestBed.createComponent(Statistics);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('opens on the mandate of the only office and shows the figures as Italian big numbers', async () => {
    await render();
    expect(api.summary).toHaveBeenCalledWith({ from: '2019-06-01', to: '2024-05-31', officeId: OFFICE });
    expect((el.querySelector('[data-testid="preset-mandate"]') as HTMLInputElement).checked).toBe(true);
    expect(text('[data-testid="stats-period"]')).toBe('Dal 1 giugno 2019 al 31 maggio 2024');
    expect(text('[data-testid="fig-appointmentsAttended"]')).toBe('11.750');
    expect(text('[data-testid="fig-walkIns"]')).toBe('1.605');
    expect(text('[data-testid="fig-receptionsTotal"]')).toBe('13.355');
    expect(text('[data-testid="fig-avgWaitMinutes"]')).toBe('11,3 min');
    expect(text('[data-testid="fig-avgServiceMinutes"]')).toBe('n.d.');
    expect(text('[data-testid="stats-sources"]')).toContain('Registrati da Sportello: 0 ricevimenti; da dati mensili (storico importato): 13.355.');
    // The download in the page's language: in Italian, the file for Excel in Italian.
    expect(el.querySelector('[data-testid="csv-summary"]')?.getAttribute('href')).toBe('/api/stats/summary?format=csv&lang=it');
    // The chart's table alternative.
    expect([...el.querySelectorAll('[data-testid="trend-table"] tbody tr > *')].map((c) => c.textContent?.trim())).toEqual([
      'giugno 2019',
      '78',
      '141',
      '219',
      'sì',
    ]);
  });

  it('a preset loads its dates; bad custom dates are refused before asking the api', async () => {
    await render();
    // Bootstrap Italia's form-check: the label is what one clicks.
    expect(el.querySelector('[data-testid="preset-year"]')?.closest('.form-check')).not.toBeNull();
    (el.querySelector('label[for="preset-year"]') as HTMLLabelElement).click();
    await fixture.whenStable();
    expect(api.summary).toHaveBeenLastCalledWith({ from: '2026-01-01', to: '2026-12-31', officeId: OFFICE });
    const from = el.querySelector('[data-testid="stats-from"]') as HTMLInputElement;
    from.value = '2027-01-01';
    from.dispatchEvent(new Event('change'));
    (el.querySelector('[data-testid="stats-apply"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text('#stats-range-error')).toBe('Indicare due date valide, la seconda non prima della prima.');
    expect(api.summary).toHaveBeenCalledTimes(2);
  });

  it('says which months’ monthly figures were left out of a period that cuts them', async () => {
    await render(['2024-03']);
    expect(text('[data-testid="stats-partial"]')).toBe('I dati mensili di marzo 2024 non sono contati: il periodo copre quei mesi solo in parte.');
  });
});

describe('CountersForm: the year’s counters, one save', () => {
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: `2024-${String(i + 1).padStart(2, '0')}`,
    phoneCalls: i === 0 ? 500 : null,
    residencyOnline: null,
    phoneCallsSource: i === 0 ? 'manual' : null,
    residencyOnlineSource: null,
  }));

  async function render() {
    const api = {
      counters: jest.fn((officeId: string, year: number) => Promise.resolve({ officeId, year, months })),
      putCounterMonths: jest.fn((officeId: string, body: { months: Array<{ month: string; phoneCalls: number | null; residencyOnline: number | null }> }) =>
        Promise.resolve({
          officeId,
          months: body.months.map((m) => ({
            ...m,
            phoneCallsSource: m.phoneCalls === null ? null : 'manual',
            residencyOnlineSource: m.residencyOnline === null ? null : 'manual',
          })),
        }),
      ),
    };
    TestBed.configureTestingModule({ providers: [{ provide: StatsApi, useValue: api }] });
    const fixture = TestBed.createComponent(CountersForm);
    fixture.componentRef.setInput('officeId', OFFICE);
    fixture.componentRef.setInput('currentMonth', '2024-05');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    const type = async (id: string, value: string) => {
      const input = el.querySelector(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const save = async () => {
      (el.querySelector('[data-testid="counters-save"]') as HTMLButtonElement).click();
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r, 0));
      await fixture.whenStable();
    };
    const status = () => el.querySelector('[data-testid="counters-status"]')?.textContent?.trim();
    return { api, el, type, save, status, done: () => el.remove() };
  }

  it('one button saves every changed month at once; later months cannot be entered', async () => {
    const { api, el, type, save, status, done } = await render();
    expect(el.querySelectorAll('[data-testid="counters-save"]')).toHaveLength(1);
    expect((el.querySelector('#phone-2024-06') as HTMLInputElement).disabled).toBe(true);
    await save();
    expect(api.putCounterMonths).not.toHaveBeenCalled();
    expect(status()).toBe('Nessun dato cambiato.');
    await type('phone-2024-02', '480');
    await type('online-2024-03', '12');
    await type('phone-2024-01', '');
    expect(el.querySelector('[data-testid="counters-dirty"]')?.textContent).toBe('Modifiche non salvate.');
    await save();
    expect(api.putCounterMonths).toHaveBeenCalledWith(OFFICE, {
      months: [
        { month: '2024-01', phoneCalls: null, residencyOnline: null },
        { month: '2024-02', phoneCalls: 480, residencyOnline: null },
        { month: '2024-03', phoneCalls: null, residencyOnline: 12 },
      ],
    });
    expect(status()).toBe('Dati salvati: gennaio 2024, febbraio 2024, marzo 2024.');
    expect(el.querySelector('[data-testid="counters-dirty"]')).toBeNull();
    done();
  });

  it('bad values are named and nothing is sent', async () => {
    const { api, el, type, save, status, done } = await render();
    await type('phone-2024-02', 'mille');
    await type('online-2024-04', '-3');
    await save();
    expect(api.putCounterMonths).not.toHaveBeenCalled();
    expect(status()).toBe('Inserire numeri interi da 0 in su, oppure lasciare vuoto: febbraio 2024, aprile 2024.');
    expect(el.querySelector('#phone-2024-02')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('phone-2024-02');
    done();
  });
});

describe('HistoryImport', () => {
  it('shows the api’s report, one row per bad line', async () => {
    const lines = [
      { line: 3, field: 'month', message: 'Mese non valido: usare il formato AAAA-MM (es. 2023-01).' },
      { line: 4, field: 'line', message: 'Stesso mese e stessa metrica della riga 2.' },
    ];
    const api = {
      historyCsvUrl: () => '/x.csv',
      importHistory: jest.fn(() =>
        Promise.reject(
          new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Il file non è stato importato.', lines } }),
        ),
      ),
    };
    TestBed.configureTestingModule({ providers: [{ provide: StatsApi, useValue: api }] });
    const fixture = TestBed.createComponent(HistoryImport);
    fixture.componentRef.setInput('officeId', OFFICE);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('[data-testid="history-file"]') as HTMLInputElement;
    const file = new File(['month,metric,value\n'], 'storico.csv', { type: 'text/csv' });
    if (!file.text) Object.defineProperty(file, 'text', { value: async () => 'month,metric,value\n' });
    Object.defineProperty(input, 'files', { value: [file] });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
    expect(api.importHistory).toHaveBeenCalledWith(OFFICE, 'month,metric,value\n');
    expect(el.querySelector('[data-testid="history-failure"]')?.textContent).toContain('Il file non è stato importato.');
    const rows = [...el.querySelectorAll('[data-testid="history-problems"] tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['3', 'month', 'Mese non valido: usare il formato AAAA-MM (es. 2023-01).'],
      ['4', '—', 'Stesso mese e stessa metrica della riga 2.'],
    ]);
  });
});
