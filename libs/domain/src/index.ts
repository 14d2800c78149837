export type { CalendarRules, Closure, DateRange, IsoWeekday, MonthDay, Slot, WeeklyInterval } from './lib/calendar/types';
export type { Holiday } from './lib/calendar/holidays';
export { easterSunday, isHoliday, italianHolidays } from './lib/calendar/holidays';
export { closureForLocalDates, closureForLocalTimes, generateSlots } from './lib/calendar/slots';
export { EARLIEST_DATE, LATEST_DATE, addDays, daysBetween, isSaneLocalDate, isValidLocalDate, isoWeekday } from './lib/calendar/local-date';
export { localToday, wallTimeToInstant } from './lib/calendar/zone';
export type { ClosedReason, OpenNow, OpenNowRules } from './lib/calendar/open-now';
export { OPEN_LOOK_AHEAD_DAYS, openNow } from './lib/calendar/open-now';
export type { FiscalCodeProblem, FiscalCodeResult } from './lib/fiscal-code/fiscal-code';
export { fiscalCodeKey, normalizeFiscalCode, validateFiscalCode } from './lib/fiscal-code/fiscal-code';
export type { RandomBytes } from './lib/booking-code/booking-code';
export {
  BOOKING_CODE_ALPHABET,
  BOOKING_CODE_PREFIX_MAX_LENGTH,
  BOOKING_CODE_RANDOM_LENGTH,
  bookingCodePrefix,
  generateBookingCode,
  isBookingCodeFormat,
  normalizeBookingCode,
} from './lib/booking-code/booking-code';
export type { IcsEvent, IcsMethod, IcsStatus } from './lib/ics/ics';
export { ICS_PRODID, buildIcsEvent } from './lib/ics/ics';
export type { QueueGroup, QueueRules, QueueTicketKind, RankedTicket, WaitingTicket } from './lib/queue/queue-policy';
export { estimateWaitMinutes, formatTicketNumber, nextTicket, orderQueue, queuePosition, rankTicket } from './lib/queue/queue-policy';
export type { AttendanceStatus, ReminderAttendance } from './lib/attendance/attendance';
export { MIN_CONFIRM_WINDOW_MS, attendanceStatus, bookingCountsAsConfirmation, reconfirmDeadline, reconfirmationToAsk } from './lib/attendance/attendance';
export { WAITLIST_MARGIN, WAITLIST_MAX_NOTICES, freedSeatIsBookable, waitlistExpiry, waitlistNoticeCount } from './lib/waitlist/waitlist';
export type { IntervalIssue, IntervalProblem } from './lib/calendar/schedule';
export { isScheduledSlot, weeklyScheduleIssues, weeklySlotCount } from './lib/calendar/schedule';
export { average, durationSummary, percentile, roundTo } from './lib/stats/percentile';
export type { LocalDateRange, PeriodMonth, PeriodPreset } from './lib/stats/periods';
export { PERIOD_PRESETS, addMonths, assertValidRange, isValidMonth, monthOf, monthRange, monthsOfRange, presetRange, rangeInstants } from './lib/stats/periods';
export type { DailyCounts, HeatMap, MonthlyCounts, MonthlyFigure } from './lib/stats/buckets';
export { addMonthlyFigures, bucketByMonth, heatMapOf, localWeekdayHour, mergeHeatMaps, monthlyFiguresInRange } from './lib/stats/buckets';
export { distributeTotal } from './lib/stats/distribute';
export type { MonthlyCsvOptions, MonthlyCsvProblem, MonthlyCsvProblemReason, MonthlyCsvRow } from './lib/stats/monthly-csv';
export { MONTHLY_CSV_HEADER, csvCell, parseMonthlyCsv, splitCsvLine } from './lib/stats/monthly-csv';
export type { ClosureSuspension } from './lib/calendar/suspension';
export { closureSuspension } from './lib/calendar/suspension';
export { openStreetMapUrl } from './lib/office/map-link';
export { emailKey, isPlainEmailAddress } from './lib/email/email-address';
export type { PasswordOwner, PasswordProblem } from './lib/password/password-policy';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, ownerWords, passwordProblem } from './lib/password/password-policy';
