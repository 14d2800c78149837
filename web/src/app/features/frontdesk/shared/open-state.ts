import type { OpenStateDto } from '@sportello/contracts';
import { dateInTimeZone } from '../../booking/calendar-month';
import { formatInstantDate, formatTime, OFFICE_TIME_ZONE } from '../../../core/format';
import { FrontDeskI18n } from './frontdesk-i18n';

/** "oggi alle 14:30", "domani alle 08:30", "lunedì 9 marzo 2026 alle 08:30". */
export function whenText(instant: string, now: Date, i18n: FrontDeskI18n): string {
  const time = formatTime(instant, i18n.locale());
  const day = dateInTimeZone(new Date(instant), OFFICE_TIME_ZONE);
  const today = dateInTimeZone(now, OFFICE_TIME_ZONE);
  const tomorrow = dateInTimeZone(new Date(now.getTime() + 86_400_000), OFFICE_TIME_ZONE);
  if (day === today) return i18n.t('open.when.today', { time });
  if (day === tomorrow) return i18n.t('open.when.tomorrow', { time });
  return i18n.t('open.when.day', { date: formatInstantDate(instant, i18n.locale()), time });
}

/** Whether the office is open, in a sentence: "Aperto fino alle 12:30", "Chiuso ora: riapre domani alle 08:30". */
export function openStateText(state: OpenStateDto, now: Date, i18n: FrontDeskI18n): string {
  if (state.open) return i18n.t('open.until', { time: formatTime(state.closesAt, i18n.locale()) });
  const why =
    state.reason === 'HOLIDAY'
      ? i18n.t('open.closed.HOLIDAY')
      : state.reason === 'CLOSURE'
        ? state.closureReason
          ? i18n.t('open.closed.CLOSURE', { reason: state.closureReason })
          : i18n.t('open.closed.CLOSURE.none')
        : i18n.t('open.closed.HOURS');
  return state.opensAt ? `${why} ${i18n.t('open.opensAt', { when: whenText(state.opensAt, now, i18n) })}` : why;
}
