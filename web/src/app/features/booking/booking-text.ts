import { Injectable } from '@angular/core';
import { FeatureText } from '../../core/i18n/feature-text';

/**
 * Texts only the booking steps and the manage page say (the hold limit, the cutoff, a
 * suspended service…): loaded with those lazy pages, not with the home page's first render.
 * The core dictionary's keys work here too.
 */
const BOOKING_IT = {
  'hold.announce.minutes.one': 'Resta {count} minuto per completare la prenotazione.',
  'hold.announce.minutes.other': 'Restano {count} minuti per completare la prenotazione.',
  'hold.announce.seconds.one': 'Resta {count} secondo per completare la prenotazione.',
  'hold.announce.seconds.other': 'Restano {count} secondi per completare la prenotazione.',
  'applicant.privacyNotice.one':
    'Il Comune di Calderara di Reno usa i tuoi dati solo per gestire questo appuntamento e inviarti conferma e promemoria; li conserva per {count} giorno dopo l’appuntamento, poi li cancella.',
  'applicant.privacyNotice.other':
    'Il Comune di Calderara di Reno usa i tuoi dati solo per gestire questo appuntamento e inviarti conferma e promemoria; li conserva per {count} giorni dopo l’appuntamento, poi li cancella.',
  'summary.zoneOther': 'Ora locale: {zone}',
  'summary.fee': 'Costo',
  'summary.cutoffInside.one':
    'Questo orario è a meno di {count} ora dall’inizio: una volta prenotato non si potrà spostare né annullare online. Per qualunque cambiamento dovrai contattare l’URP.',
  'summary.cutoffInside.other':
    'Questo orario è a meno di {count} ore dall’inizio: una volta prenotato non si potrà spostare né annullare online. Per qualunque cambiamento dovrai contattare l’URP.',
  'summary.cutoffUntil': 'Potrai spostare o annullare la prenotazione online fino a {until}.',
  'manage.closedFromStart.one':
    'Questa prenotazione non si può spostare né annullare online: è stata fatta a meno di {count} ora dall’appuntamento. Per qualunque cambiamento contatta l’URP.',
  'manage.closedFromStart.other':
    'Questa prenotazione non si può spostare né annullare online: è stata fatta a meno di {count} ore dall’appuntamento. Per qualunque cambiamento contatta l’URP.',
  'manage.qrTitle': 'Codice QR per il totem',
  'manage.fee': 'Costo',
  'signIn.requiredTitle': 'Serve l’accesso con SPID o CIE',
  'signIn.required':
    'Per questo servizio il Comune chiede di accedere con SPID o CIE: così ogni persona prenota per sé. Puoi guardare gli orari liberi; per tenerne uno, accedi.',
  'applicant.fromIdentity': 'Nome, cognome e codice fiscale vengono dalla tua identità digitale e non si possono cambiare qui.',
  'suspended.booking': 'Per tutto il periodo prenotabile l’ufficio è chiuso per questo servizio: al momento non ci sono orari da scegliere.',
  'holdLimit.title': 'Hai già altri orari riservati',
  'holdLimit.text':
    'Si possono tenere pochi orari in sospeso insieme. Questi sono riservati da questo browser (anche in altre schede): libera quelli che non ti servono più e continua.',
  'holdLimit.held': '{service}: {date} alle {time}, riservato fino alle {until}',
  'holdLimit.release': 'Libera',
  'holdLimit.releaseAll': 'Libera tutti e continua',
  'holdLimit.unknown': 'Gli orari tenuti in sospeso dalla tua rete si liberano da soli: il primo alle {time}. Riprova dopo quell’ora, oppure contatta l’URP.',
  'holdLimit.retry': 'Riprova',
  'holdLimit.released': 'Orario liberato.',
  'booking.restoring': 'Stiamo ripristinando la tua prenotazione…',
  'booking.restoreLost': 'L’orario che avevi scelto non è più disponibile: scegline un altro. I dati che hai inserito sono stati conservati.',
} as const;

export type BookingKey = keyof typeof BOOKING_IT;

const BOOKING_EN: Record<BookingKey, string> = {
  'hold.announce.minutes.one': '{count} minute left to complete the booking.',
  'hold.announce.minutes.other': '{count} minutes left to complete the booking.',
  'hold.announce.seconds.one': '{count} second left to complete the booking.',
  'hold.announce.seconds.other': '{count} seconds left to complete the booking.',
  'applicant.privacyNotice.one':
    'The Comune di Calderara di Reno uses your data only to manage this appointment and to send you the confirmation and reminder; it keeps them for {count} day after the appointment, then deletes them.',
  'applicant.privacyNotice.other':
    'The Comune di Calderara di Reno uses your data only to manage this appointment and to send you the confirmation and reminder; it keeps them for {count} days after the appointment, then deletes them.',
  'summary.zoneOther': 'Local time: {zone}',
  'summary.fee': 'Fee',
  'summary.cutoffInside.one':
    'This time is less than {count} hour away: once booked it cannot be moved or cancelled online. For any change you will need to contact the URP.',
  'summary.cutoffInside.other':
    'This time is less than {count} hours away: once booked it cannot be moved or cancelled online. For any change you will need to contact the URP.',
  'summary.cutoffUntil': 'You will be able to move or cancel the booking online until {until}.',
  'manage.closedFromStart.one':
    'This booking cannot be moved or cancelled online: it was made less than {count} hour before the appointment. For any change please contact the URP.',
  'manage.closedFromStart.other':
    'This booking cannot be moved or cancelled online: it was made less than {count} hours before the appointment. For any change please contact the URP.',
  'manage.qrTitle': 'QR code for the kiosk',
  'manage.fee': 'Fee',
  'signIn.requiredTitle': 'Sign-in with SPID or CIE needed',
  'signIn.required':
    'For this service the comune asks you to sign in with SPID or CIE, so that everyone books for themselves. You can look at the free times; to take one, sign in.',
  'applicant.fromIdentity': 'First name, last name and codice fiscale come from your digital identity and cannot be changed here.',
  'suspended.booking': 'The office is closed for this service for the whole booking period: there are no times to choose at the moment.',
  'holdLimit.title': 'You already have other times reserved',
  'holdLimit.text': 'Only a few times can be held at once. These are held by this browser (in other tabs too): release the ones you no longer need and go on.',
  'holdLimit.held': '{service}: {date} at {time}, reserved until {until}',
  'holdLimit.release': 'Release',
  'holdLimit.releaseAll': 'Release them all and continue',
  'holdLimit.unknown': 'The times held from your network are released on their own: the first at {time}. Try again after then, or contact the URP.',
  'holdLimit.retry': 'Try again',
  'holdLimit.released': 'Time released.',
  'booking.restoring': 'Restoring your booking…',
  'booking.restoreLost': 'The time you had chosen is no longer available: please choose another. The data you entered have been kept.',
};

export const BOOKING_TEXTS = { it: BOOKING_IT as Record<BookingKey, string>, en: BOOKING_EN };

/** The booking steps' and the manage page's texts (the core dictionary's keys work here too). */
@Injectable({ providedIn: 'root' })
export class BookingText extends FeatureText<BookingKey> {
  protected readonly dictionaries = BOOKING_TEXTS;
}
