import { formatEuroCents, formatLongDate, formatMonth, formatTime, weekdayName } from './format';

describe('format', () => {
  it('formats euro cents for it-IT and en-GB', () => {
    expect(formatEuroCents(2221, 'it-IT')).toMatch(/^22,21\s€$/);
    expect(formatEuroCents(1600, 'it-IT')).toMatch(/^16,00\s€$/);
    expect(formatEuroCents(2221, 'en-GB')).toBe('€22.21');
  });

  it('shows slot times in Europe/Rome whatever offset the instant is written with', () => {
    expect(formatTime('2027-03-29T08:30:00+02:00', 'it-IT')).toBe('08:30');
    expect(formatTime('2027-03-29T06:30:00Z', 'it-IT')).toBe('08:30'); // CEST, +2
    expect(formatTime('2027-01-15T07:30:00Z', 'it-IT')).toBe('08:30'); // CET, +1
    expect(formatTime('2027-01-15T13:05:00Z', 'en-GB')).toBe('14:05'); // 24-hour in English too
  });

  it('formats long dates and months in the chosen language', () => {
    expect(formatLongDate('2027-03-30', 'it-IT')).toBe('martedì 30 marzo 2027');
    expect(formatLongDate('2027-03-30', 'en-GB')).toBe('Tuesday, 30 March 2027');
    expect(formatMonth('2027-04', 'it-IT')).toBe('aprile 2027');
    expect(formatMonth('2027-04', 'en-GB')).toBe('April 2027');
  });

  it('names ISO weekdays from Monday', () => {
    expect(weekdayName(1, 'it-IT', 'long')).toBe('lunedì');
    expect(weekdayName(7, 'it-IT', 'long')).toBe('domenica');
    expect(weekdayName(1, 'en-GB', 'short')).toBe('Mon');
  });
});
