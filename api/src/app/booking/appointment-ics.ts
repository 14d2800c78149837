import { buildIcsEvent } from '@sportello/domain';
import type { FastifyReply } from 'fastify';

/** What the calendar file of an appointment says; shared by the download and the e-mails. */
export interface AppointmentIcsInput {
  appointmentId: string;
  /** The appointment's SEQUENCE (bumped on every move). */
  sequence: number;
  code: string;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  language: 'it' | 'en';
  serviceName: string;
  officeName: string;
  /** Street and city. */
  officeAddress: string;
  /** ORGANIZER: RFC 5546 requires it with METHOD:PUBLISH and CANCEL. */
  organizer: { name: string; email: string };
  documents: string[];
  manageUrl: string | null;
  /** A cancellation: METHOD:CANCEL with the next SEQUENCE, no alarm, no link. */
  cancelled?: boolean;
  now: Date;
}

const LABELS = {
  it: { code: 'Codice prenotazione', manage: 'Gestisci la prenotazione' },
  en: { code: 'Booking code', manage: 'Manage your booking' },
} as const;

/**
 * The RFC 5545 file of an appointment, in its office's zone. One UID per appointment, so
 * the download, the confirmation and every later update land on the same calendar entry.
 */
export function appointmentIcs(a: AppointmentIcsInput): string {
  const labels = LABELS[a.language];
  const link = a.cancelled ? null : a.manageUrl;
  return buildIcsEvent({
    uid: `${a.appointmentId}@sportello`,
    sequence: a.cancelled ? a.sequence + 1 : a.sequence,
    start: a.startAt.toISOString(),
    end: a.endAt.toISOString(),
    timeZone: a.timeZone,
    summary: `${a.serviceName} – ${a.officeName}`,
    description: [`${labels.code}: ${a.code}`, ...a.documents.map((d) => `- ${d}`), ...(link ? [`${labels.manage}: ${link}`] : [])].join('\n'),
    location: `${a.officeName}, ${a.officeAddress}`,
    organizerName: a.organizer.name,
    organizerEmail: a.organizer.email,
    ...(link ? { url: link } : {}),
    method: a.cancelled ? 'CANCEL' : 'PUBLISH',
    ...(a.cancelled ? {} : { alarmMinutesBefore: 60 }),
    now: a.now,
  });
}

/**
 * The organizer of an appointment's calendar entry: the office with its e-mail; an office
 * without one is named with the address e-mails come from (MAIL_FROM), never left out.
 */
export function icsOrganizer(office: { name: string; email: string | null }, mailFrom: string): { name: string; email: string } {
  const sender = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { name: office.name, email: office.email ?? sender };
}

/** The download of a calendar file: text/calendar, saved as `<code>.ics`, never cached. */
export function sendIcs(reply: FastifyReply, file: { code: string; ics: string }): void {
  reply.header('Content-Type', 'text/calendar; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="${file.code}.ics"`);
  reply.header('Cache-Control', 'no-store');
  reply.send(file.ics);
}
