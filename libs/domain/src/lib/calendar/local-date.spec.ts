import { addDays, daysBetween, isValidLocalDate, isoWeekday } from './local-date';
import { localToday } from './zone';

describe('isValidLocalDate', () => {
  it.each(['2027-01-01', '2027-12-31', '2028-02-29', '2000-02-29', '2027-04-30'])('accepts %s', (s) => {
    expect(isValidLocalDate(s)).toBe(true);
  });

  it.each([
    '2027-02-30',
    '2027-02-29',
    '1900-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '2027-1-01',
    '2027-01-01T00:00',
    ' 2027-01-01',
    '',
    '20270101',
  ])('rejects %p', (s) => {
    expect(isValidLocalDate(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidLocalDate(undefined as unknown as string)).toBe(false);
    expect(isValidLocalDate(20270101 as unknown as string)).toBe(false);
  });
});

describe('addDays / daysBetween / isoWeekday', () => {
  it('adds across month, year and leap day boundaries', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29'); // DST day: still exactly one calendar day
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-15', 0)).toBe('2027-01-15');
    expect(addDays('2027-01-01', 365)).toBe('2028-01-01');
  });

  it('counts calendar days, signed', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-04-05', '2027-04-05')).toBe(0);
    expect(daysBetween('2027-04-05', '2027-04-01')).toBe(-4);
  });

  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoWeekday('2027-03-28')).toBe(7);
    expect(isoWeekday('2027-03-29')).toBe(1);
    expect(isoWeekday('2027-10-31')).toBe(7);
    expect(isoWeekday('2027-04-10')).toBe(6);
  });

  it('rejects invalid input', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(/valid local date/);
    expect(() => addDays('2027-02-01', 1.5)).toThrow(/n must be an integer/);
    expect(() => daysBetween('2027-01-01', 'tomorrow')).toThrow(/valid local date/);
  });
});

describe('localToday', () => {
  it('is the date in the zone, not in UTC', () => {
    expect(localToday(new Date('2027-01-15T23:30:00Z'), 'Europe/Rome')).toBe('2027-01-16'); // 00:30 +01:00
    expect(localToday(new Date('2027-01-15T22:59:59Z'), 'Europe/Rome')).toBe('2027-01-15');
    expect(localToday(new Date('2027-07-15T22:00:00Z'), 'Europe/Rome')).toBe('2027-07-16'); // 00:00 +02:00
    expect(localToday(new Date('2027-07-15T21:59:59Z'), 'Europe/Rome')).toBe('2027-07-15');
    expect(localToday(new Date('2027-07-16T03:00:00Z'), 'America/New_York')).toBe('2027-07-15');
  });

  it('rejects an invalid Date or zone', () => {
    expect(() => localToday(new Date('nope'), 'Europe/Rome')).toThrow(/now must be a valid Date/);
    expect(() => localToday(new Date(), 'Europe/Roma')).toThrow(/timeZone must be a valid IANA time zone/);
  });
});
