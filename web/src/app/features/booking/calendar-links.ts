import { ManageTarget, manageBase } from '../../core/api/api-client';
import { utcStamp } from '../../core/format';

export interface CalendarEvent {
  title: string;
  start: string;
  end: string;
  details: string;
  location: string;
}

/** The token at the end of a manage link ("…/gestisci/{token}"), or null. */
export function manageToken(manageUrl: string): string | null {
  const match = /\/gestisci\/([^/?#]+)/.exec(manageUrl);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The in-app path of the manage page for a token. */
export function managePath(token: string): string {
  return `/gestisci/${encodeURIComponent(token)}`;
}

/** The booking's .ics file from the api (a plain link: the browser downloads it). */
export function icsUrl(target: ManageTarget): string {
  return `${manageBase(target)}/calendar.ics`;
}

/**
 * A Google Calendar "new event" link. Times are given in UTC (the trailing Z) so the
 * event lands at the right instant whatever the calendar's zone.
 */
export function googleCalendarUrl(event: CalendarEvent): string {
  const query = [
    'action=TEMPLATE',
    `text=${encodeURIComponent(event.title)}`,
    `dates=${utcStamp(event.start)}/${utcStamp(event.end)}`,
    `details=${encodeURIComponent(event.details)}`,
    `location=${encodeURIComponent(event.location)}`,
  ];
  return `https://calendar.google.com/calendar/render?${query.join('&')}`;
}
