import { easterSunday, isHoliday, italianHolidays } from './holidays';

const dates = (year: number, patron?: { month: number; day: number } | null) => italianHolidays(year, patron).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('rejects years outside the Gregorian calendar and non-integers', () => {
    expect(() => easterSunday(1582)).toThrow(/year must be an integer between 1583 and 9999/);
    expect(() => easterSunday(2027.5)).toThrow(/year must be an integer/);
  });
});

describe('italianHolidays', () => {
  it('2025: no 4 October (restored only from 2026)', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-20',
      '2025-04-21',
      '2025-04-25',
      '2025-05-01',
      '2025-06-02',
      '2025-08-15',
      '2025-11-01',
      '2025-12-08',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('2026: 4 October (San Francesco d’Assisi) is a national holiday', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-05',
      '2026-04-06',
      '2026-04-25',
      '2026-05-01',
      '2026-06-02',
      '2026-08-15',
      '2026-10-04',
      '2026-11-01',
      '2026-12-08',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('2027: Easter Sunday 28 March, Easter Monday 29 March', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-28',
      '2027-03-29',
      '2027-04-25',
      '2027-05-01',
      '2027-06-02',
      '2027-08-15',
      '2027-10-04',
      '2027-11-01',
      '2027-12-08',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('2028: Easter Monday 17 April, with names in Italian and English', () => {
    expect(italianHolidays(2028)).toEqual([
      { date: '2028-01-01', name: { it: 'Capodanno', en: "New Year's Day" } },
      { date: '2028-01-06', name: { it: 'Epifania', en: 'Epiphany' } },
      { date: '2028-04-16', name: { it: 'Pasqua', en: 'Easter Sunday' } },
      { date: '2028-04-17', name: { it: "Lunedì dell'Angelo", en: 'Easter Monday' } },
      { date: '2028-04-25', name: { it: 'Festa della Liberazione', en: 'Liberation Day' } },
      { date: '2028-05-01', name: { it: 'Festa del Lavoro', en: 'Labour Day' } },
      { date: '2028-06-02', name: { it: 'Festa della Repubblica', en: 'Republic Day' } },
      { date: '2028-08-15', name: { it: 'Ferragosto', en: 'Assumption Day' } },
      { date: '2028-10-04', name: { it: "San Francesco d'Assisi", en: 'St Francis of Assisi' } },
      { date: '2028-11-01', name: { it: 'Ognissanti', en: "All Saints' Day" } },
      { date: '2028-12-08', name: { it: 'Immacolata', en: 'Immaculate Conception' } },
      { date: '2028-12-25', name: { it: 'Natale', en: 'Christmas Day' } },
      { date: '2028-12-26', name: { it: 'Santo Stefano', en: "St Stephen's Day" } },
    ]);
  });

  it('Easter Monday rolls over from 31 March to 1 April', () => {
    expect(dates(2024).slice(2, 4)).toEqual(['2024-03-31', '2024-04-01']);
  });

  it('adds the patron saint’s day, sorted among the others', () => {
    const holidays = italianHolidays(2027, { month: 6, day: 24 });
    expect(holidays.map((h) => h.date).slice(6, 9)).toEqual(['2027-06-02', '2027-06-24', '2027-08-15']);
    expect(holidays.find((h) => h.date === '2027-06-24')?.name).toEqual({ it: 'Santo patrono', en: "Patron saint's day" });
    expect(holidays).toHaveLength(14);
  });

  it('does not duplicate a patron day that is also a national holiday (San Petronio, 4 October)', () => {
    // 2025: 4 October is only the patron day; 2026: it is national, listed once with the national name.
    expect(italianHolidays(2025, { month: 10, day: 4 }).filter((h) => h.date === '2025-10-04')).toEqual([
      { date: '2025-10-04', name: { it: 'Santo patrono', en: "Patron saint's day" } },
    ]);
    expect(italianHolidays(2026, { month: 10, day: 4 }).filter((h) => h.date === '2026-10-04')).toEqual([
      { date: '2026-10-04', name: { it: "San Francesco d'Assisi", en: 'St Francis of Assisi' } },
    ]);
    expect(dates(2026, { month: 10, day: 4 })).toEqual(dates(2026));
    expect(dates(2027, { month: 12, day: 25 })).toEqual(dates(2027));
  });

  it('a 29 February patron day only exists in leap years', () => {
    expect(dates(2028, { month: 2, day: 29 })).toContain('2028-02-29');
    expect(dates(2027, { month: 2, day: 29 })).toEqual(dates(2027));
  });

  it('null or undefined patron means none', () => {
    expect(dates(2027, null)).toEqual(dates(2027));
    expect(dates(2027, undefined)).toEqual(dates(2027));
  });

  it('rejects an impossible patron day', () => {
    expect(() => italianHolidays(2027, { month: 2, day: 30 })).toThrow(/patronSaintDay must be a real \{ month, day \}/);
    expect(() => italianHolidays(2027, { month: 13, day: 1 })).toThrow(/patronSaintDay/);
    expect(() => italianHolidays(2027, { month: 6, day: 0 })).toThrow(/patronSaintDay/);
  });
});

describe('isHoliday', () => {
  it.each([
    ['2027-03-28', true], // Easter Sunday
    ['2027-03-29', true], // Easter Monday
    ['2027-03-30', false],
    ['2028-04-17', true],
    ['2025-10-04', false],
    ['2026-10-04', true],
    ['2027-12-26', true],
    ['2027-12-27', false],
  ])('%s → %s', (date, expected) => {
    expect(isHoliday(date)).toBe(expected);
  });

  it('counts the patron saint’s day only when given', () => {
    expect(isHoliday('2027-06-24')).toBe(false);
    expect(isHoliday('2027-06-24', { month: 6, day: 24 })).toBe(true);
    expect(isHoliday('2027-06-24', null)).toBe(false);
  });

  it('rejects an invalid date', () => {
    expect(() => isHoliday('2027-02-30')).toThrow(/date must be a valid local date "YYYY-MM-DD"/);
    expect(() => isHoliday('27-3-2027')).toThrow(/valid local date/);
  });
});
