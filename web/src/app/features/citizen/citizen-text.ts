import { Injectable } from '@angular/core';
import { FeatureText } from '../../core/i18n/feature-text';

/** Texts of the sign-in page and "Le mie prenotazioni" (loaded with those pages). */
const CITIZEN_IT = {
  'signIn.title': 'Accedi con SPID o CIE',
  'signIn.intro':
    'Con SPID o con la Carta d’identità elettronica ritrovi tutte le tue prenotazioni e, quando prenoti, nome e codice fiscale sono già compilati. Prenotare resta possibile anche senza accedere, salvo i servizi per cui il Comune lo chiede.',
  'signIn.already': 'Hai già effettuato l’accesso come {name}.',
  'signIn.unavailable': 'L’accesso con SPID o CIE non è attivo per questo sportello. Puoi prenotare senza accedere.',
  'signIn.noSpid': 'Non hai SPID? Scopri come ottenerlo',
  'signIn.noCie': 'Come attivare la CIE per i servizi online',
  'signIn.required': 'Per questo servizio il Comune chiede l’accesso con SPID o CIE: così ogni persona prenota per sé.',
  'mine.title': 'Le mie prenotazioni',
  'mine.intro': 'Le prenotazioni fatte con il tuo codice fiscale, anche senza accedere. Qui puoi spostarle, annullarle e confermare la presenza.',
  'mine.signInFirst': 'Accedi con SPID o CIE per vedere le tue prenotazioni.',
  'mine.upcoming': 'In programma',
  'mine.past': 'Passate e annullate',
  'mine.none': 'Non hai prenotazioni in programma.',
  'mine.book': 'Prenota un appuntamento',
  'mine.manage': 'Sposta o annulla',
  'mine.details': 'Dettagli',
  'mine.status.BOOKED': 'Prenotato',
  'mine.status.CANCELLED': 'Annullato',
  'mine.attendance.PENDING': 'Da confermare entro {deadline}',
  'mine.attendance.CONFIRMED': 'Presenza confermata',
  'mine.ics': 'Aggiungi al calendario (.ics)',
  'mine.back': 'Torna a Le mie prenotazioni',
  'mine.expired': 'La sessione è scaduta: accedi di nuovo.',
} as const;

type CitizenKey = keyof typeof CITIZEN_IT;

const CITIZEN_EN: Record<CitizenKey, string> = {
  'signIn.title': 'Sign in with SPID or CIE',
  'signIn.intro':
    'With SPID or the electronic identity card (CIE) you find all your bookings and, when you book, your name and codice fiscale are already filled in. You can still book without signing in, except for the services where the comune asks for it.',
  'signIn.already': 'You are signed in as {name}.',
  'signIn.unavailable': 'Sign-in with SPID or CIE is not active for this office. You can book without signing in.',
  'signIn.noSpid': 'No SPID? How to get one',
  'signIn.noCie': 'How to use the CIE for online services',
  'signIn.required': 'For this service the comune asks you to sign in with SPID or CIE, so that everyone books for themselves.',
  'mine.title': 'My bookings',
  'mine.intro':
    'The bookings made with your codice fiscale, also those made without signing in. Here you can move them, cancel them and confirm that you will come.',
  'mine.signInFirst': 'Sign in with SPID or CIE to see your bookings.',
  'mine.upcoming': 'Upcoming',
  'mine.past': 'Past and cancelled',
  'mine.none': 'You have no upcoming bookings.',
  'mine.book': 'Book an appointment',
  'mine.manage': 'Move or cancel',
  'mine.details': 'Details',
  'mine.status.BOOKED': 'Booked',
  'mine.status.CANCELLED': 'Cancelled',
  'mine.attendance.PENDING': 'To be confirmed by {deadline}',
  'mine.attendance.CONFIRMED': 'Attendance confirmed',
  'mine.ics': 'Add to calendar (.ics)',
  'mine.back': 'Back to My bookings',
  'mine.expired': 'Your session has ended: please sign in again.',
};

@Injectable({ providedIn: 'root' })
export class CitizenText extends FeatureText<CitizenKey> {
  protected readonly dictionaries = { it: CITIZEN_IT, en: CITIZEN_EN };
}
