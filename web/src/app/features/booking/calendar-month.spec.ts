import {
  addDays,
  addMonths,
  buildMonth,
  dateInTimeZone,
  daysBetween,
  daysInMonth,
  firstAvailableInMonth,
  initialMonth,
  isIsoDate,
  isoWeekday,
  monthsInRange,
  moveFocus,
} from './calendar-month';

describe('calendar-month', () => {
  describe('date arithmetic', () => {
    it('adds days across month, year and DST boundaries', () => {
      expect(addDays('2027-03-27', 2)).toBe('2027-03-29'); // DST starts 2027-03-28 in Rome
      expect(addDays('2027-10-30', 2)).toBe('2027-11-01'); // DST ends 2027-10-31
      expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
      expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
      expect(addDays('2027-03-20', 92)).toBe('2027-06-20');
      expect(daysBetween('2027-03-20', '2027-06-20')).toBe(92);
    });

    it('knows ISO weekdays, month lengths and valid dates', () => {
      expect(isoWeekday('2027-03-01')).toBe(1); // Monday
      expect(isoWeekday('2026-11-01')).toBe(7); // Sunday
      expect(daysInMonth('2027-02')).toBe(28);
      expect(daysInMonth('2028-02')).toBe(29);
      expect(daysInMonth('2027-04')).toBe(30);
      expect(isIsoDate('2027-02-29')).toBe(false);
      expect(isIsoDate('2028-02-29')).toBe(true);
    });

    it('steps months and lists the months of a range', () => {
      expect(addMonths('2027-12', 1)).toBe('2028-01');
      expect(addMonths('2027-01', -1)).toBe('2026-12');
      expect(monthsInRange('2027-11-20', '2028-02-19')).toEqual(['2027-11', '2027-12', '2028-01', '2028-02']);
    });

    it('finds "today" in Europe/Rome, not in UTC or the browser zone', () => {
      // 22:30 UTC on 28 March 2027 is already 00:30 on the 29th in Rome (CEST).
      expect(dateInTimeZone(new Date('2027-03-28T22:30:00Z'), 'Europe/Rome')).toBe('2027-03-29');
      // 23:30 UTC on 14 January is 00:30 on the 15th (CET).
      expect(dateInTimeZone(new Date('2027-01-14T23:30:00Z'), 'Europe/Rome')).toBe('2027-01-15');
      expect(dateInTimeZone(new Date('2027-01-14T22:30:00Z'), 'Europe/Rome')).toBe('2027-01-14');
    });
  });

  describe('buildMonth', () => {
    it('lays out a month that starts on Monday in full weeks', () => {
      const month = buildMonth('2027-03', new Set(['2027-03-29', '2027-03-31', '2027-04-01']));
      expect(month.weeks).toHaveLength(5);
      expect(month.weeks.every((week) => week.length === 7)).toBe(true);
      expect(month.weeks[0][0]).toEqual({ date: '2027-03-01', day: 1, weekday: 1, available: false });
      // 29 March is the Monday of the last row; the row ends with 4 padding cells.
      expect(month.weeks[4].map((d) => d?.day ?? null)).toEqual([29, 30, 31, null, null, null, null]);
      expect(month.weeks[4][0]?.available).toBe(true);
      expect(month.weeks[4][1]?.available).toBe(false);
      expect(month.availableCount).toBe(2); // 1 April belongs to another month
    });

    it('pads a month that starts on Sunday with six empty cells', () => {
      const month = buildMonth('2026-11', new Set());
      expect(month.weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
      expect(month.weeks[0][6]?.date).toBe('2026-11-01');
      expect(month.weeks).toHaveLength(6);
      expect(month.weeks.flat().filter(Boolean)).toHaveLength(30);
    });

    it('handles leap February', () => {
      const month = buildMonth('2028-02', new Set(['2028-02-29']));
      const days = month.weeks.flat().filter((d) => d !== null);
      expect(days).toHaveLength(29);
      expect(days[28]).toMatchObject({ date: '2028-02-29', weekday: 2, available: true });
    });
  });

  describe('initialMonth and firstAvailableInMonth', () => {
    it('opens on the month of the first free day, else on the fallback', () => {
      expect(initialMonth(['2027-05-03', '2027-04-28'], '2027-03-20')).toBe('2027-04');
      expect(initialMonth([], '2027-03-20')).toBe('2027-03');
    });

    it('finds the first free day of a month', () => {
      const free = new Set(['2027-03-31', '2027-03-29', '2027-04-06']);
      expect(firstAvailableInMonth('2027-03', free)).toBe('2027-03-29');
      expect(firstAvailableInMonth('2027-05', free)).toBeNull();
    });
  });

  describe('moveFocus (keyboard)', () => {
    const free = new Set(['2027-03-29', '2027-03-31', '2027-04-01', '2027-04-07', '2027-04-12', '2027-05-03']);

    it('moves left and right to the previous and next free day', () => {
      expect(moveFocus('2027-03-29', 'ArrowRight', free)).toBe('2027-03-31');
      expect(moveFocus('2027-03-31', 'ArrowRight', free)).toBe('2027-04-01');
      expect(moveFocus('2027-03-31', 'ArrowLeft', free)).toBe('2027-03-29');
      expect(moveFocus('2027-03-29', 'ArrowLeft', free)).toBeNull();
    });

    it('moves up and down by at least a week', () => {
      expect(moveFocus('2027-03-31', 'ArrowDown', free)).toBe('2027-04-07');
      expect(moveFocus('2027-04-01', 'ArrowDown', free)).toBe('2027-04-12'); // 8 Apr is not free
      expect(moveFocus('2027-04-07', 'ArrowUp', free)).toBe('2027-03-31');
      expect(moveFocus('2027-04-01', 'ArrowUp', free)).toBeNull();
    });

    it('goes to the first and last free day of the week with Home and End', () => {
      expect(moveFocus('2027-04-01', 'Home', free)).toBe('2027-03-29');
      expect(moveFocus('2027-03-29', 'End', free)).toBe('2027-04-01');
    });

    it('jumps between months with PageUp and PageDown', () => {
      expect(moveFocus('2027-03-31', 'PageDown', free)).toBe('2027-04-01');
      expect(moveFocus('2027-04-12', 'PageDown', free)).toBe('2027-05-03');
      expect(moveFocus('2027-05-03', 'PageUp', free)).toBe('2027-04-01');
      expect(moveFocus('2027-04-07', 'PageUp', free)).toBe('2027-03-29');
      expect(moveFocus('2027-05-03', 'PageDown', free)).toBeNull();
    });
  });
});
