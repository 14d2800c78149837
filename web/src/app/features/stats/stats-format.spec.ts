import { formatCount, formatDay, formatMinutes, formatMonth, heatLevel } from './stats-format';

describe('statistics formats', () => {
  it('formats counts and minutes the Italian and the English way', () => {
    expect(formatCount(13355, 'it-IT')).toBe('13.355');
    expect(formatCount(13355, 'en-GB')).toBe('13,355');
    expect(formatCount(1605, 'it-IT')).toBe('1.605');
    expect(formatCount(972, 'it-IT')).toBe('972');
    expect(formatMinutes(11.3, 'it-IT')).toBe('11,3');
    expect(formatMinutes(30, 'en-GB')).toBe('30');
  });

  it('formats days and months without shifting them by the time zone', () => {
    expect(formatDay('2019-06-01', 'it-IT')).toBe('1 giugno 2019');
    expect(formatDay('2024-05-31', 'en-GB')).toBe('31 May 2024');
    expect(formatMonth('2020-03', 'it-IT')).toBe('marzo 2020');
  });

  it('shades heat-map cells in five steps, empty cells white', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(5);
    expect(heatLevel(3, 0)).toBe(0);
  });
});
