import { ApiError } from '../common/api-error';
import { readOpeningHours, readService, readSettings, readStaffCreate } from './admin.validation';

function problems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error.fieldProblems.map((p) => `${p.field}:${p.key}`).sort();
    throw error;
  }
  return [];
}

describe('admin bodies', () => {
  it('opening hours: each interval problem by index, with the schedule rules of the domain', () => {
    expect(
      problems(() =>
        readOpeningHours({
          intervals: [
            { weekday: 1, start: '08:30', end: '12:30' },
            { weekday: 1, start: '12:00', end: '13:00' },
            { weekday: 9, start: 'x', end: '10:00' },
          ],
        }),
      ),
    ).toEqual(['intervals[1].start:hours.overlap', 'intervals[2].start:field.time', 'intervals[2].weekday:hours.weekday']);
    expect(problems(() => readOpeningHours({}))).toEqual(['intervals:field.required']);
    expect(readOpeningHours({ intervals: [], serviceId: null })).toEqual({ serviceId: null, intervals: [], confirm: false });
  });

  it('settings: the reminder must come before the reconfirmation deadline; 29 February is a patron saint’s day, 30 February is not', () => {
    const base = { bookingHorizonDays: 60, minNoticeMinutes: 120, reconfirmRequired: false };
    expect(problems(() => readSettings({ ...base, reminderHoursBefore: 12 }, 12))).toEqual(['reminderHoursBefore:settings.reminderDeadline']);
    expect(readSettings({ ...base, reminderHoursBefore: 13, patronSaint: { month: 2, day: 29 } }, 12)).toMatchObject({
      reminderHoursBefore: 13,
      patronSaint: { month: 2, day: 29 },
      holdMinutes: null,
    });
    expect(problems(() => readSettings({ ...base, patronSaint: { month: 2, day: 30 }, mandateStart: '2029-01-01', mandateEnd: '2024-01-01' }, 12))).toEqual([
      'mandateEnd:settings.mandateOrder',
      'patronSaint.day:field.monthDay',
    ]);
  });

  it('services: codes in upper case, INFO_ONLY reserved, repeated outcome codes refused', () => {
    const body = { code: 'cie', names: { it: 'CIE', en: 'CIE' }, durationMinutes: 20, capacity: 2, ticketPrefix: 'c' };
    expect(readService(body)).toMatchObject({
      code: 'CIE',
      ticketPrefix: 'C',
      active: true,
      outcomes: [],
      documents: { it: [], en: [] },
      feeNote: null,
      onlineAlternative: null,
    });
    const outcomes = [
      { code: 'done', it: 'Fatto', en: 'Done' },
      { code: 'DONE', it: 'Fatto', en: 'Done' },
      { code: 'info_only', it: 'x', en: 'x' },
    ];
    expect(problems(() => readService({ ...body, outcomes }))).toEqual(['outcomes[1].code:field.duplicate', 'outcomes[2].code:service.outcomeReserved']);
  });

  it('staff accounts: usernames in lower case; admins need no office, other roles at least one', () => {
    const body = { username: 'Mario.Rossi', displayName: 'Mario Rossi', password: 'una-password-lunga' };
    expect(readStaffCreate({ ...body, role: 'admin', officeIds: [] })).toMatchObject({ username: 'mario.rossi', role: 'admin', officeIds: [] });
    expect(problems(() => readStaffCreate({ ...body, role: 'kiosk' }))).toEqual(['officeIds:staff.officesRequired']);
  });
});
