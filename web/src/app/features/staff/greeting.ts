import type { MessageKey } from '../../core/i18n/i18n';

/** The part of the day for a greeting, by the hour: morning from 5 until 13, afternoon until 18, then evening. */
export function partOfDay(hour: number): 'morning' | 'afternoon' | 'evening' {
  if (hour >= 5 && hour < 13) return 'morning';
  if (hour >= 13 && hour < 18) return 'afternoon';
  return 'evening';
}

/** "Buongiorno" / "Buon pomeriggio" / "Buonasera, {name}." by the time of day in the office's zone. */
export function greetingKey(now: Date, timeZone = 'Europe/Rome'): MessageKey {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));
  return `staff.greeting.${partOfDay(hour)}`;
}
