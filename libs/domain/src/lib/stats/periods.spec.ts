import { addMonths, isValidMonth, monthOf, monthRange, monthsOfRange, presetRange, rangeInstants } from './periods';

const HOUR = 3_600_000;
const ROME = 'Europe/Rome';

describe('months', () => {
  it('validates YYYY-MM strictly', () => {
    for (const ok of ['2024-01', '2019-06', '2024-12']) expect(isValidMonth(ok)).toBe(true);
    for (const bad of ['2024-13', '2024-00', '2024-1', '24-01', '2024-01-01', '0000-01', '', ' 2024-01']) expect(isValidMonth(bad)).toBe(false);
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2019-06', 59)).toBe('2024-05');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2024-02', 0)).toBe('2024-02');
  });

  it('knows the length of every month, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(monthRange('2100-02')).toEqual({ from: '2100-02-01', to: '2100-02-28' });
    expect(monthRange('2024-04').to).toBe('2024-04-30');
    expect(monthOf('2024-12-31')).toBe('2024-12');
  });
});

describe('presetRange', () => {
  const mandate = { from: '2019-06-01', to: '2024-05-31' };

  it('today, the whole month and the whole year of today', () => {
    expect(presetRange('today', '2024-03-31')).toEqual({ from: '2024-03-31', to: '2024-03-31' });
    expect(presetRange('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('month', '2023-12-31')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(presetRange('year', '2024-07-15')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('the mandate from the office settings, or null without one', () => {
    expect(presetRange('mandate', '2026-01-01', mandate)).toEqual(mandate);
    expect(presetRange('mandate', '2026-01-01', null)).toBeNull();
    expect(() => presetRange('mandate', '2026-01-01', { from: '2024-06-01', to: '2019-05-31' })).toThrow(/after/);
  });

  it('rejects an invalid today', () => {
    expect(() => presetRange('today', '2024-02-30')).toThrow(/today/);
  });
});

describe('rangeInstants (Europe/Rome)', () => {
  it('runs from local midnight to the local midnight after the last day', () => {
    const { start, end } = rangeInstants({ from: '2024-01-15', to: '2024-01-15' }, ROME);
    expect(new Date(start).toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2024-01-15T23:00:00.000Z');
    const summer = rangeInstants({ from: '2024-07-01', to: '2024-07-31' }, ROME);
    expect(new Date(summer.start).toISOString()).toBe('2024-06-30T22:00:00.000Z');
    expect(new Date(summer.end).toISOString()).toBe('2024-07-31T22:00:00.000Z');
  });

  it('the spring-forward day lasts 23 hours, the fall-back day 25', () => {
    const spring = rangeInstants({ from: '2024-03-31', to: '2024-03-31' }, ROME);
    expect((spring.end - spring.start) / HOUR).toBe(23);
    const autumn = rangeInstants({ from: '2024-10-27', to: '2024-10-27' }, ROME);
    expect((autumn.end - autumn.start) / HOUR).toBe(25);
  });

  it('a month across a DST change: March 2024 is 31 × 24 − 1 hours, October 31 × 24 + 1', () => {
    const march = rangeInstants(monthRange('2024-03'), ROME);
    expect((march.end - march.start) / HOUR).toBe(31 * 24 - 1);
    const october = rangeInstants(monthRange('2024-10'), ROME);
    expect((october.end - october.start) / HOUR).toBe(31 * 24 + 1);
  });

  it('consecutive ranges meet exactly: no instant counted twice or lost across months and DST', () => {
    const a = rangeInstants({ from: '2024-03-01', to: '2024-03-31' }, ROME);
    const b = rangeInstants({ from: '2024-04-01', to: '2024-04-30' }, ROME);
    expect(a.end).toBe(b.start);
    const mandate = rangeInstants({ from: '2019-06-01', to: '2024-05-31' }, ROME);
    expect(new Date(mandate.start).toISOString()).toBe('2019-05-31T22:00:00.000Z');
    expect(new Date(mandate.end).toISOString()).toBe('2024-05-31T22:00:00.000Z');
  });

  it('rejects reversed ranges and unknown zones', () => {
    expect(() => rangeInstants({ from: '2024-02-02', to: '2024-02-01' }, ROME)).toThrow(/after/);
    expect(() => rangeInstants({ from: '2024-02-01', to: '2024-02-01' }, 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('monthsOfRange', () => {
  it('lists the months touched, with the part inside and whether it is whole', () => {
    expect(monthsOfRange({ from: '2024-01-15', to: '2024-03-31' })).toEqual([
      { month: '2024-01', from: '2024-01-15', to: '2024-01-31', whole: false },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29', whole: true },
      { month: '2024-03', from: '2024-03-01', to: '2024-03-31', whole: true },
    ]);
    expect(monthsOfRange({ from: '2024-05-10', to: '2024-05-20' })).toEqual([{ month: '2024-05', from: '2024-05-10', to: '2024-05-20', whole: false }]);
  });

  it('the mandate June 2019 – May 2024 is 60 whole months, across year ends', () => {
    const months = monthsOfRange({ from: '2019-06-01', to: '2024-05-31' });
    expect(months).toHaveLength(60);
    expect(months.every((m) => m.whole)).toBe(true);
    expect(months[7]?.month).toBe('2020-01');
  });
});
