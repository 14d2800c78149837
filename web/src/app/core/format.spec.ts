import {
  formatDateByHand,
  appointmentWhen,
  formatEuroCents,
  formatInstantDate,
  formatLongDate,
  formatMonth,
  formatShortDate,
  formatTime,
  formatZoneName,
  utcStamp,
  weekdayName,
} from './format';

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

  it('writes fees and weekday names of it-IT and en-GB exactly as Intl does (without paying for Intl)', () => {
    for (const locale of ['it-IT', 'en-GB']) {
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
      for (const cents of [0, 5, 99, 100, 1600, 2221, 99999, 123456, 1234567, 99999999]) {
        expect(formatEuroCents(cents, locale)).toBe(intl.format(cents / 100));
      }
      for (const width of ['long', 'short'] as const) {
        const days = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
        for (let weekday = 1; weekday <= 7; weekday++) {
          expect(weekdayName(weekday, locale, width)).toBe(days.format(new Date(Date.UTC(2024, 0, weekday))));
        }
      }
    }
    expect(formatEuroCents(2221, 'de-DE')).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(22.21));
  });

  it('names ISO weekdays from Monday', () => {
    expect(weekdayName(1, 'it-IT', 'long')).toBe('lunedì');
    expect(weekdayName(7, 'it-IT', 'long')).toBe('domenica');
    expect(weekdayName(1, 'en-GB', 'short')).toBe('Mon');
  });

  it('gives the local date of an instant in Rome, not in the browser’s zone', () => {
    // 23:30 UTC on 28 March is already 29 March in Rome (CEST).
    expect(formatInstantDate('2027-03-28T23:30:00Z', 'it-IT')).toBe('lunedì 29 marzo 2027');
    expect(formatShortDate('2027-03-28T23:30:00Z', 'en-GB')).toBe('29 Mar 2027');
  });

  it('names the zone’s time, summer or winter', () => {
    expect(formatZoneName('2027-03-29T08:30:00+02:00', 'it-IT')).toBe('Ora legale dell’Europa centrale');
    expect(formatZoneName('2027-01-11T08:30:00+01:00', 'en-GB')).toBe('Central European Standard Time');
    expect(appointmentWhen('2027-03-29T08:30:00+02:00', '2027-03-29T09:00:00+02:00', 'it-IT')).toEqual({
      date: 'lunedì 29 marzo 2027',
      time: '08:30–09:00',
      // Rome's time is "ora italiana" on the page itself: no long zone name for citizens.
      zone: '',
    });
    expect(appointmentWhen('2027-03-29T08:30:00+02:00', '2027-03-29T09:00:00+02:00', 'en-GB', 'Europe/London').zone).toBe(
      'British Summer Time (Europe/London)',
    );
  });

  it('writes dates by hand as Intl does, for the home page (no ICU on its first render)', () => {
    for (const locale of ['it-IT', 'en-GB']) {
      const intl = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) {
        const date = `2027-${String(month).padStart(2, '0')}-0${(month % 9) + 1}`;
        expect(formatDateByHand(date, locale)).toBe(intl.format(new Date(`${date}T00:00:00Z`)));
      }
    }
  });

  it('writes instants in compact UTC for calendars', () => {
    expect(utcStamp('2027-03-29T08:30:00+02:00')).toBe('20270329T063000Z');
    expect(utcStamp('2027-10-31T02:30:00+01:00')).toBe('20271031T013000Z');
  });
});
