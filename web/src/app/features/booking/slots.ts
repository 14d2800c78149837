import type { AvailabilityDto } from '@sportello/contracts';
import type { IsoDate } from './calendar-month';

/** A slot by its instants (from the calendar or from the api's alternatives). */
export interface ChosenSlot {
  start: string;
  end: string;
}

/** Whether two ISO instants (any offset) are the same moment. */
export function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}

/** The dates with at least one free place. */
export function freeDates(availability: AvailabilityDto): IsoDate[] {
  return availability.days.filter((day) => day.slots.some((slot) => slot.remaining > 0)).map((day) => day.date);
}
