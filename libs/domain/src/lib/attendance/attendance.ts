/**
 * Reconfirmation of attendance ("fewer empty slots"): where an office asks for it, the
 * reminder asks the citizen to confirm with one click, and an appointment still not
 * confirmed RECONFIRM_DEADLINE_HOURS before its start is released for others.
 *
 * The rules, as pure functions of instants and hours:
 * - booking (or moving) when the reminder time has already passed counts as confirmation:
 *   no reminder will ask, and the citizen has just shown they mean to come;
 * - a reminder asks only when at least MIN_CONFIRM_WINDOW_MS is left before the deadline
 *   (a reminder delayed by an SMTP outage does not ask for an answer in minutes);
 * - only an appointment whose citizen was actually asked, and who did not answer, is
 *   released — between its deadline and its start (the release job's SQL).
 */

const HOUR_MS = 3_600_000;

/** A reminder sent later than this before the deadline does not ask. */
export const MIN_CONFIRM_WINDOW_MS = HOUR_MS;

export type AttendanceStatus = 'NOT_REQUIRED' | 'PENDING' | 'CONFIRMED';

/** The last instant to confirm: RECONFIRM_DEADLINE_HOURS before the start. */
export function reconfirmDeadline(startAt: Date, deadlineHours: number): Date {
  return new Date(startAt.getTime() - deadlineHours * HOUR_MS);
}

/**
 * Whether booking or moving to `startAt` at `now` counts as confirmation: the reminder
 * time (REMINDER_HOURS_BEFORE before the start) has already passed, so none will ask.
 */
export function bookingCountsAsConfirmation(startAt: Date, reminderHoursBefore: number, now: Date): boolean {
  return startAt.getTime() - reminderHoursBefore * HOUR_MS <= now.getTime();
}

export interface ReminderAttendance {
  /** The office asks for reconfirmation (office_settings.reconfirm_required). */
  required: boolean;
  confirmedAt: Date | null;
  startAt: Date;
  deadlineHours: number;
}

/** The deadline a reminder sent at `now` asks the citizen to confirm by; null when it does not ask. */
export function reconfirmationToAsk(a: ReminderAttendance, now: Date): Date | null {
  if (!a.required || a.confirmedAt) return null;
  const deadline = reconfirmDeadline(a.startAt, a.deadlineHours);
  return deadline.getTime() - now.getTime() >= MIN_CONFIRM_WINDOW_MS ? deadline : null;
}

/** What the manage page shows. */
export function attendanceStatus(a: Pick<ReminderAttendance, 'required' | 'confirmedAt'>): AttendanceStatus {
  if (a.confirmedAt) return 'CONFIRMED';
  return a.required ? 'PENDING' : 'NOT_REQUIRED';
}
