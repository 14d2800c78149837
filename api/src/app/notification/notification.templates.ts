/**
 * The e-mails sent to citizens, as plain functions (no template engine, no Nest): each
 * message in Italian or English, as accessible HTML (lang attribute, headings, lists, no
 * layout tables, alt text) and as plain text. Every time is written in the office's local
 * time WITH the zone, e.g. "lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)". Every message
 * ends with the office's contacts (phone, e-mail, address, a map link) for anyone who needs help.
 */
import { appointmentIcs } from '../booking/appointment-ics';
import { DateTime } from 'luxon';

export type MessageKind = 'CONFIRMATION' | 'REMINDER' | 'CANCELLATION' | 'RESCHEDULE' | 'RELEASED' | 'CLOSURE' | 'OFFICE_CHANGE';
export type MessageLanguage = 'it' | 'en';

/** Content id of the inline QR image of the booking code. */
export const QR_CID = 'qr-code@sportello';

export interface MessageContext {
  kind: MessageKind;
  language: MessageLanguage;
  appointmentId: string;
  /** The appointment's SEQUENCE (bumped on every move). */
  sequence: number;
  code: string;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  citizenName: string;
  officeName: string;
  /** Street and city. */
  officeAddress: string;
  officePhone: string | null;
  officeEmail: string | null;
  /** The office on OpenStreetMap. */
  officeMapUrl: string;
  /** The .ics ORGANIZER: the office with its e-mail (or the sender's). */
  organizer: { name: string; email: string };
  serviceName: string;
  documents: string[];
  feeCents: number | null;
  feeNote: string | null;
  /** The private link to see, move or cancel the booking; null when not known. */
  manageUrl: string | null;
  /** Where to book again (cancellation, release, closure): the booking page of the service. */
  bookUrl: string;
  /** REMINDER only: ask the citizen to confirm attendance by `deadline` at `url` (one click). */
  reconfirm?: { url: string; deadline: Date } | null;
  /** CLOSURE only: why the office is closed, as staff wrote it. */
  closureReason?: string | null;
  /** OFFICE_CHANGE only: the service is no longer offered at all. */
  serviceWithdrawn?: boolean;
}

/** A WAITLIST message: places are free for a service the citizen waited for. */
export interface WaitlistMessageContext {
  language: MessageLanguage;
  officeName: string;
  /** Street and city. */
  officeAddress: string;
  officePhone: string | null;
  officeEmail: string | null;
  officeMapUrl: string;
  serviceName: string;
  /** The booking page of that office and service. */
  bookUrl: string;
  /** Removes the address from the waitlist (token minted for this e-mail). */
  unsubscribeUrl: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Whether the HTML shows the QR image (attach it with content id QR_CID). */
  withQr: boolean;
  ics: { filename: string; content: string; method: 'PUBLISH' | 'CANCEL' } | null;
}

const ZONE_NAMES: Record<string, { it: string; en: string }> = {
  'Europe/Rome': { it: 'ora italiana', en: 'Italian time' },
};

/** "lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)" / "Monday 29 March 2027, 08:30 (Italian time, CEST)". */
export function formatLocalDateTime(instant: Date, timeZone: string, language: MessageLanguage): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(language);
  const zoneName = ZONE_NAMES[timeZone]?.[language] ?? timeZone;
  return `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${zoneName}, ${zoneAbbreviation(local)})`;
}

/** CET/CEST for Central European zones (Intl often says "GMT+2"); the offset otherwise. */
function zoneAbbreviation(local: DateTime): string {
  const english = local.setLocale('en-GB').offsetNameShort ?? '';
  if (/^CES?T$/.test(english)) return english;
  if (local.zoneName === 'Europe/Rome') return local.offset === 120 ? 'CEST' : 'CET';
  return `UTC${local.toFormat('ZZ')}`;
}

export function formatFee(feeCents: number | null, language: MessageLanguage): string {
  if (feeCents === null || feeCents === 0) return language === 'it' ? 'gratuito' : 'free of charge';
  return new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(feeCents / 100);
}

const CONTACT_TEXT = {
  it: { contacts: 'Per aiuto contatta l’ufficio', email: 'E-mail', address: 'Indirizzo', map: 'Vedi sulla mappa (OpenStreetMap)' },
  en: { contacts: 'For help, contact the office', email: 'E-mail', address: 'Address', map: 'See it on the map (OpenStreetMap)' },
} as const;

type ContactLabels = (typeof CONTACT_TEXT)[MessageLanguage] & { phone: string };

interface OfficeContacts {
  officeName: string;
  officeAddress: string;
  officePhone: string | null;
  officeEmail: string | null;
  officeMapUrl: string;
}

/** The office's contacts at the end of every message: text lines and HTML. */
function contactBlock(t: ContactLabels, o: OfficeContacts): { text: string[]; html: string[] } {
  const facts: Array<[string, string]> = [
    [t.address, `${o.officeName}, ${o.officeAddress}`],
    ...(o.officePhone ? [[t.phone, o.officePhone] as [string, string]] : []),
    ...(o.officeEmail ? [[t.email, o.officeEmail] as [string, string]] : []),
  ];
  const tel = o.officePhone ? `tel:${o.officePhone.replace(/[^\d+]/g, '')}` : null;
  return {
    text: ['', `${t.contacts}:`, ...facts.map(([label, value]) => `${label}: ${value}`), `${t.map}: ${o.officeMapUrl}`],
    html: [
      `<h2 style="font-size: 1.2em;">${esc(t.contacts)}</h2>`,
      '<ul>',
      `<li>${esc(t.address)}: ${esc(`${o.officeName}, ${o.officeAddress}`)} – <a href="${esc(o.officeMapUrl)}" style="color: #0066cc;">${esc(t.map)}</a></li>`,
      ...(o.officePhone && tel ? [`<li>${esc(t.phone)}: <a href="${esc(tel)}" style="color: #0066cc;">${esc(o.officePhone)}</a></li>`] : []),
      ...(o.officeEmail ? [`<li>${esc(t.email)}: <a href="mailto:${esc(o.officeEmail)}" style="color: #0066cc;">${esc(o.officeEmail)}</a></li>`] : []),
      '</ul>',
    ],
  };
}

const TEXT = {
  it: {
    subject: {
      CONFIRMATION: 'Prenotazione confermata',
      REMINDER: 'Promemoria appuntamento',
      CANCELLATION: 'Prenotazione annullata',
      RESCHEDULE: 'Appuntamento spostato',
      RELEASED: 'Appuntamento annullato per mancata conferma',
      CLOSURE: "Appuntamento annullato per chiusura dell'ufficio",
      OFFICE_CHANGE: "Appuntamento annullato per una modifica dell'ufficio",
    },
    lead: {
      CONFIRMATION: 'la tua prenotazione è confermata.',
      REMINDER: 'ti ricordiamo il tuo appuntamento.',
      CANCELLATION: 'la tua prenotazione è stata annullata.',
      RESCHEDULE: 'il tuo appuntamento è stato spostato. Ecco il nuovo orario.',
      RELEASED:
        'il tuo appuntamento è stato annullato perché la presenza non è stata confermata in tempo, e il posto è stato reso disponibile ad altri cittadini. Se ti serve ancora, puoi prenotare un nuovo appuntamento.',
    },
    /** CLOSURE: the lead names the time and the reason. */
    closure: (when: string, reason: string | null) =>
      `il tuo appuntamento di ${when} è annullato perché l'ufficio resterà chiuso${reason ? ` (${reason})` : ''}. Ci scusiamo per il disagio: puoi prenotare un nuovo appuntamento quando preferisci.`,
    /** OFFICE_CHANGE: the lead names the time and what changed. */
    officeChange: (when: string, withdrawn: boolean) =>
      withdrawn
        ? `il tuo appuntamento di ${when} è annullato perché l'ufficio non offre più questo servizio su prenotazione. Ci scusiamo per il disagio: per informazioni contatta l'ufficio.`
        : `il tuo appuntamento di ${when} è annullato perché l'ufficio ha cambiato i propri orari o il numero di sportelli per questo servizio, e quell'orario non è più disponibile. Ci scusiamo per il disagio: puoi prenotare un nuovo appuntamento quando preferisci.`,
    reconfirmTitle: 'Conferma la tua presenza',
    reconfirmText: (deadline: string) =>
      `Per favore conferma che verrai entro ${deadline}: basta un clic sul link qui sotto. Se non confermi entro quell'ora, l'appuntamento sarà annullato e il posto offerto ad altri cittadini. Se non puoi venire, annulla la prenotazione: il posto servirà a qualcun altro.`,
    reconfirmLink: 'Confermo che verrò',
    greeting: 'Gentile',
    details: 'Dettagli',
    service: 'Servizio',
    office: 'Ufficio',
    when: 'Data e ora',
    code: 'Codice prenotazione',
    fee: 'Costo',
    documents: 'Cosa portare',
    qrAlt: (code: string) => `Codice QR della prenotazione ${code}`,
    qrHint: 'Mostra il codice o il QR allo sportello o al totem per registrare il tuo arrivo.',
    manage: 'Gestisci la prenotazione (vedi, sposta o annulla)',
    calendar: 'In allegato trovi il file .ics da aggiungere al tuo calendario.',
    calendarCancel: "In allegato il file .ics che toglie l'appuntamento dal tuo calendario.",
    bookAgain: 'Prenota un nuovo appuntamento',
    cancelledWas: 'Appuntamento annullato',
    phone: 'Telefono',
    footer: 'Questo messaggio è stato inviato automaticamente: non rispondere a questo indirizzo.',
    filename: 'appuntamento',
    ...CONTACT_TEXT.it,
  },
  en: {
    subject: {
      CONFIRMATION: 'Booking confirmed',
      REMINDER: 'Appointment reminder',
      CANCELLATION: 'Booking cancelled',
      RESCHEDULE: 'Appointment moved',
      RELEASED: 'Appointment cancelled: attendance not confirmed',
      CLOSURE: 'Appointment cancelled: office closed',
      OFFICE_CHANGE: 'Appointment cancelled: office schedule changed',
    },
    lead: {
      CONFIRMATION: 'your booking is confirmed.',
      REMINDER: 'this is a reminder of your appointment.',
      CANCELLATION: 'your booking has been cancelled.',
      RESCHEDULE: 'your appointment has been moved. Here is the new time.',
      RELEASED:
        'your appointment has been cancelled because your attendance was not confirmed in time, and the place has been made available to other citizens. If you still need it, you can book a new appointment.',
    },
    /** CLOSURE: the lead names the time and the reason. */
    closure: (when: string, reason: string | null) =>
      `your appointment on ${when} is cancelled because the office will be closed${reason ? ` (${reason})` : ''}. We apologise for the inconvenience: you can book a new appointment whenever you like.`,
    /** OFFICE_CHANGE: the lead names the time and what changed. */
    officeChange: (when: string, withdrawn: boolean) =>
      withdrawn
        ? `your appointment on ${when} is cancelled because the office no longer offers this service by appointment. We apologise for the inconvenience: please contact the office for information.`
        : `your appointment on ${when} is cancelled because the office changed its opening hours or the number of desks for this service, and that time is no longer available. We apologise for the inconvenience: you can book a new appointment whenever you like.`,
    reconfirmTitle: 'Please confirm you will come',
    reconfirmText: (deadline: string) =>
      `Please confirm you will come by ${deadline}: one click on the link below is enough. If it is not confirmed by then, the appointment will be cancelled and the place offered to other citizens. If you cannot come, please cancel the booking so that someone else can use the place.`,
    reconfirmLink: 'I confirm I will come',
    greeting: 'Dear',
    details: 'Details',
    service: 'Service',
    office: 'Office',
    when: 'Date and time',
    code: 'Booking code',
    fee: 'Fee',
    documents: 'What to bring',
    qrAlt: (code: string) => `QR code of booking ${code}`,
    qrHint: 'Show the code or the QR code at the desk or the kiosk to check in.',
    manage: 'Manage your booking (view, move or cancel)',
    calendar: 'The attached .ics file adds the appointment to your calendar.',
    calendarCancel: 'The attached .ics file removes the appointment from your calendar.',
    bookAgain: 'Book a new appointment',
    cancelledWas: 'Cancelled appointment',
    phone: 'Phone',
    footer: 'This message was sent automatically: please do not reply to this address.',
    filename: 'appointment',
    ...CONTACT_TEXT.en,
  },
} as const;

const CANCELLED_KINDS: ReadonlySet<MessageKind> = new Set(['CANCELLATION', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE']);

/**
 * What a message about an appointment says, whatever the channel renders: title, lead,
 * facts, documents, the link and the reconfirmation question, in the message's language.
 */
export interface MessageParts {
  /** The kind's title ("Prenotazione confermata"). */
  title: string;
  /** "Gentile", "Dear". */
  greeting: string;
  lead: string;
  facts: Array<[string, string]>;
  /** "Cosa portare" and the list (empty for cancellations). */
  documentsTitle: string;
  documents: string[];
  link: { label: string; url: string } | null;
  reconfirm: { title: string; text: string; label: string; url: string } | null;
  cancelled: boolean;
  /** Shown where a QR code comes with the message. */
  qrHint: string;
}

export function messageParts(ctx: MessageContext): MessageParts {
  const t = TEXT[ctx.language];
  const when = formatLocalDateTime(ctx.startAt, ctx.timeZone, ctx.language);
  const cancelled = CANCELLED_KINDS.has(ctx.kind);
  const full = ctx.kind === 'CONFIRMATION' || ctx.kind === 'RESCHEDULE' || ctx.kind === 'REMINDER';
  const location = `${ctx.officeName}, ${ctx.officeAddress}`;
  const lead =
    ctx.kind === 'CLOSURE'
      ? t.closure(when, ctx.closureReason?.trim() || null)
      : ctx.kind === 'OFFICE_CHANGE'
        ? t.officeChange(when, ctx.serviceWithdrawn === true)
        : t.lead[ctx.kind];

  const facts: Array<[string, string]> = [
    [t.service, ctx.serviceName],
    [t.office, location],
    [cancelled ? t.cancelledWas : t.when, when],
    [t.code, ctx.code],
  ];
  if (full) facts.push([t.fee, [formatFee(ctx.feeCents, ctx.language), ctx.feeNote].filter(Boolean).join(' – ')]);
  const documents = full ? ctx.documents : [];
  const link = cancelled ? { label: t.bookAgain, url: ctx.bookUrl } : ctx.manageUrl ? { label: t.manage, url: ctx.manageUrl } : null;
  const reconfirm =
    ctx.kind === 'REMINDER' && ctx.reconfirm
      ? {
          title: t.reconfirmTitle,
          text: t.reconfirmText(formatLocalDateTime(ctx.reconfirm.deadline, ctx.timeZone, ctx.language)),
          label: t.reconfirmLink,
          url: ctx.reconfirm.url,
        }
      : null;
  return {
    title: t.subject[ctx.kind],
    greeting: t.greeting,
    lead,
    facts,
    documentsTitle: t.documents,
    documents,
    link,
    reconfirm,
    cancelled,
    qrHint: t.qrHint,
  };
}

export function renderMessage(ctx: MessageContext, now: Date): RenderedMessage {
  const t = TEXT[ctx.language];
  const { lead, facts, documents, link, reconfirm, cancelled } = messageParts(ctx);
  const withQr = !cancelled;
  const subject = `${t.subject[ctx.kind]} ${ctx.code} – ${ctx.serviceName}`;
  const contacts = contactBlock(t, ctx);
  const ics = ctx.kind === 'REMINDER' ? null : calendarFile(ctx, now);

  const text = [
    `${t.greeting} ${ctx.citizenName},`,
    lead,
    ...(reconfirm ? ['', `${t.reconfirmTitle.toUpperCase()}`, reconfirm.text, `${t.reconfirmLink}: ${reconfirm.url}`] : []),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(documents.length > 0 ? ['', `${t.documents}:`, ...documents.map((d) => `- ${d}`)] : []),
    ...(withQr ? ['', t.qrHint] : []),
    ...(link ? ['', `${link.label}: ${link.url}`] : []),
    ...(ics ? ['', cancelled ? t.calendarCancel : t.calendar] : []),
    ...contacts.text,
    '',
    '--',
    t.footer,
    '',
  ].join('\n');

  const html = page(ctx.language, subject, [
    `<h1 style="font-size: 1.5em; color: #0066cc;">${esc(t.subject[ctx.kind])}</h1>`,
    `<p>${esc(t.greeting)} ${esc(ctx.citizenName)}, ${esc(lead)}</p>`,
    ...(reconfirm
      ? [`<h2 style="font-size: 1.2em;">${esc(t.reconfirmTitle)}</h2>`, `<p>${esc(reconfirm.text)}</p>`, `<p>${button(reconfirm.url, t.reconfirmLink)}</p>`]
      : []),
    `<h2 style="font-size: 1.2em;">${esc(t.details)}</h2>`,
    '<dl>',
    ...facts.map(([label, value]) => `<dt style="font-weight: bold;">${esc(label)}</dt><dd style="margin: 0 0 0.5em 0;">${esc(value)}</dd>`),
    '</dl>',
    ...(documents.length > 0 ? [`<h2 style="font-size: 1.2em;">${esc(t.documents)}</h2>`, '<ul>', ...documents.map((d) => `<li>${esc(d)}</li>`), '</ul>'] : []),
    ...(withQr ? [`<p><img src="cid:${QR_CID}" alt="${esc(t.qrAlt(ctx.code))}" width="200" height="200"></p>`, `<p>${esc(t.qrHint)}</p>`] : []),
    ...(link ? [`<p><a href="${esc(link.url)}" style="color: #0066cc; font-weight: bold;">${esc(link.label)}</a></p>`] : []),
    ...(ics ? [`<p>${esc(cancelled ? t.calendarCancel : t.calendar)}</p>`] : []),
    ...contacts.html,
    `<hr><p style="font-size: 0.875em;">${esc(t.footer)}</p>`,
  ]);

  return { subject, text, html, withQr, ics: ics ? { filename: `${t.filename}-${ctx.code}.ics`, ...ics } : null };
}

const WAITLIST_TEXT = {
  it: {
    subject: (service: string) => `Si è liberato un posto – ${service}`,
    title: 'Si è liberato un posto',
    greeting: 'Buongiorno,',
    lead: (service: string, office: string) =>
      `si è liberato un posto per «${service}» presso ${office}. Se ti interessa, prenota subito: il posto va a chi prenota per primo.`,
    why: "Ricevi questo messaggio perché hai lasciato il tuo indirizzo nella lista d'attesa di questo servizio. È l'unico avviso che riceverai: se il posto è già stato preso, puoi iscriverti di nuovo dalla pagina di prenotazione.",
    book: 'Prenota ora',
    unsubscribe: "Non ti interessa più? Togli il tuo indirizzo dalla lista d'attesa",
    service: 'Servizio',
    office: 'Ufficio',
    phone: 'Telefono',
    footer: 'Questo messaggio è stato inviato automaticamente: non rispondere a questo indirizzo.',
    ...CONTACT_TEXT.it,
  },
  en: {
    subject: (service: string) => `A place is free – ${service}`,
    title: 'A place is free',
    greeting: 'Hello,',
    lead: (service: string, office: string) =>
      `a place has become free for “${service}” at ${office}. If you still need it, book now: the place goes to whoever books first.`,
    why: 'You are receiving this message because you left your address on the waiting list of this service. This is the only notice you will get: if the place has already gone, you can join the list again from the booking page.',
    book: 'Book now',
    unsubscribe: 'No longer interested? Remove your address from the waiting list',
    service: 'Service',
    office: 'Office',
    phone: 'Phone',
    footer: 'This message was sent automatically: please do not reply to this address.',
    ...CONTACT_TEXT.en,
  },
} as const;

/** The one notice to a waitlisted citizen: places are free, book now (first come, first served). */
export function renderWaitlistMessage(ctx: WaitlistMessageContext): RenderedMessage {
  const t = WAITLIST_TEXT[ctx.language];
  const subject = t.subject(ctx.serviceName);
  const lead = t.lead(ctx.serviceName, ctx.officeName);
  const facts: Array<[string, string]> = [
    [t.service, ctx.serviceName],
    [t.office, `${ctx.officeName}, ${ctx.officeAddress}`],
  ];
  const contacts = contactBlock(t, ctx);
  const text = [
    t.greeting,
    lead,
    '',
    `${t.book}: ${ctx.bookUrl}`,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    t.why,
    '',
    `${t.unsubscribe}: ${ctx.unsubscribeUrl}`,
    ...contacts.text,
    '',
    '--',
    t.footer,
    '',
  ].join('\n');
  const html = page(ctx.language, subject, [
    `<h1 style="font-size: 1.5em; color: #0066cc;">${esc(t.title)}</h1>`,
    `<p>${esc(t.greeting)} ${esc(lead)}</p>`,
    `<p>${button(ctx.bookUrl, t.book)}</p>`,
    '<dl>',
    ...facts.map(([label, value]) => `<dt style="font-weight: bold;">${esc(label)}</dt><dd style="margin: 0 0 0.5em 0;">${esc(value)}</dd>`),
    '</dl>',
    `<p>${esc(t.why)}</p>`,
    `<p><a href="${esc(ctx.unsubscribeUrl)}" style="color: #0066cc;">${esc(t.unsubscribe)}</a></p>`,
    ...contacts.html,
    `<hr><p style="font-size: 0.875em;">${esc(t.footer)}</p>`,
  ]);
  return { subject, text, html, withQr: false, ics: null };
}

/** The HTML document around a message's body. */
function page(language: MessageLanguage, subject: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(subject)}</title></head>`,
    '<body style="font-family: Titillium Web, Geneva, Tahoma, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em; margin: 0 auto; padding: 1em;">',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A link that looks like a button (real text, enough contrast, large target). */
function button(url: string, label: string): string {
  return `<a href="${esc(url)}" style="display: inline-block; padding: 0.75em 1.25em; background: #0066cc; color: #ffffff; font-weight: bold; text-decoration: none; border-radius: 4px;">${esc(label)}</a>`;
}

/**
 * The .ics: UID stable per appointment, SEQUENCE the appointment's. A cancellation (of
 * any kind: by the citizen, released, office closed) is METHOD:CANCEL with the next SEQUENCE, so calendars replace and drop their copy.
 */
function calendarFile(ctx: MessageContext, now: Date): { content: string; method: 'PUBLISH' | 'CANCEL' } {
  const cancelled = CANCELLED_KINDS.has(ctx.kind);
  const content = appointmentIcs({
    appointmentId: ctx.appointmentId,
    sequence: ctx.sequence,
    code: ctx.code,
    startAt: ctx.startAt,
    endAt: ctx.endAt,
    timeZone: ctx.timeZone,
    language: ctx.language,
    serviceName: ctx.serviceName,
    officeName: ctx.officeName,
    officeAddress: ctx.officeAddress,
    organizer: ctx.organizer,
    documents: ctx.documents,
    manageUrl: ctx.manageUrl,
    cancelled,
    now,
  });
  return { content, method: cancelled ? 'CANCEL' : 'PUBLISH' };
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
