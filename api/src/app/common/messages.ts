import type { Language } from '@sportello/contracts';

/** Every message the api sends to people, in Italian and English. */
const MESSAGES = {
  'validation.failed': { it: 'Alcuni dati non sono validi.', en: 'Some of the data is not valid.' },
  'field.required': { it: 'Campo obbligatorio.', en: 'This field is required.' },
  'field.uuid': { it: 'Identificativo non valido.', en: 'Not a valid identifier.' },
  'field.date': { it: 'Data non valida: usare il formato AAAA-MM-GG.', en: 'Not a valid date: use the format YYYY-MM-DD.' },
  'field.single': { it: 'Indicare un solo valore.', en: 'Give a single value.' },
  'range.reversed': { it: 'La data finale precede quella iniziale.', en: 'The end date is before the start date.' },
  'range.tooLong': { it: "L'intervallo può coprire al massimo {max} giorni.", en: 'The range can cover at most {max} days.' },
  'office.notFound': { it: 'Ufficio non trovato.', en: 'Office not found.' },
  'service.notFound': { it: 'Servizio non trovato per questo ufficio.', en: 'Service not found for this office.' },
  'route.notFound': { it: 'Risorsa non trovata.', en: 'Resource not found.' },
  'internal': { it: 'Si è verificato un errore imprevisto. Riprova più tardi.', en: 'An unexpected error occurred. Please try again later.' },
  'field.text': { it: 'Inserire un testo.', en: 'Enter some text.' },
  'field.tooLong': { it: 'Al massimo {max} caratteri.', en: 'At most {max} characters.' },
  'field.name': { it: 'Usare solo lettere, spazi, apostrofi e trattini.', en: 'Use only letters, spaces, apostrophes and hyphens.' },
  'field.email': { it: 'Indirizzo e-mail non valido.', en: 'Not a valid e-mail address.' },
  'field.phone': { it: 'Numero di telefono non valido.', en: 'Not a valid phone number.' },
  'field.instant': { it: 'Data e ora non valide: usare il formato ISO 8601 con il fuso (es. 2027-03-29T08:30:00+02:00).', en: 'Not a valid date and time: use ISO 8601 with the offset (e.g. 2027-03-29T08:30:00+02:00).' },
  'field.language': { it: 'Lingua non valida: "it" o "en".', en: 'Not a valid language: "it" or "en".' },
  'field.privacy': { it: "Per prenotare occorre accettare l'informativa sulla privacy.", en: 'You must accept the privacy notice to book.' },
  'field.privacyWaitlist': { it: "Per iscriversi alla lista d'attesa occorre accettare l'informativa sulla privacy.", en: 'You must accept the privacy notice to join the waiting list.' },
  'waitlist.slotsAvailable': {
    it: 'Ci sono ancora orari liberi per questo servizio: prenota direttamente, senza lista d’attesa.',
    en: 'This service still has free times: book one directly, no waiting list needed.',
  },
  'field.object': { it: 'Dati mancanti.', en: 'Missing data.' },
  'fiscalCode.EMPTY': { it: 'Inserire il codice fiscale.', en: 'Enter the codice fiscale.' },
  'fiscalCode.LENGTH': { it: 'Il codice fiscale ha 16 caratteri.', en: 'The codice fiscale has 16 characters.' },
  'fiscalCode.FORMAT': { it: 'Il codice fiscale non ha il formato corretto.', en: 'The codice fiscale does not have the right format.' },
  'fiscalCode.MONTH': { it: 'Il mese di nascita nel codice fiscale non è valido.', en: 'The birth month in the codice fiscale is not valid.' },
  'fiscalCode.DAY': { it: 'Il giorno di nascita nel codice fiscale non è valido.', en: 'The birth day in the codice fiscale is not valid.' },
  'fiscalCode.CHECK_CHARACTER': { it: 'Il codice fiscale non è corretto (carattere di controllo errato): verificarlo.', en: 'The codice fiscale is not correct (wrong check character): please check it.' },
  'slot.unavailable': { it: "L'orario scelto non è più disponibile. Ecco alcuni orari liberi vicini.", en: 'The chosen time is no longer available. Here are some free times nearby.' },
  'appointment.limit': { it: 'Hai già una prenotazione attiva per questo servizio. Puoi spostarla o annullarla dal link ricevuto.', en: 'You already have an active booking for this service. You can move or cancel it from the link you received.' },
  'hold.limit': { it: 'Troppi orari tenuti in sospeso insieme. Completa o lascia scadere quelli aperti.', en: 'Too many times held at once. Complete them or let them expire.' },
  'hold.notFound': { it: 'Prenotazione temporanea non trovata.', en: 'Hold not found.' },
  'hold.mismatch': { it: "La prenotazione temporanea non corrisponde all'orario scelto.", en: 'The hold does not match the chosen time.' },
  'appointment.notFound': { it: 'Prenotazione non trovata o non più attiva.', en: 'Booking not found or no longer active.' },
  'change.closed': { it: 'Non è più possibile modificare o annullare online: mancano meno di {hours} ore. Contatta l’ufficio.', en: 'It is too late to change or cancel online: less than {hours} hours remain. Please contact the office.' },
  'change.sameSlot': { it: "È già l'orario della prenotazione.", en: 'That is already the booked time.' },
  'idempotency.reused': { it: 'Questa chiave di idempotenza è già stata usata per una richiesta diversa.', en: 'This idempotency key was already used for a different request.' },
  'idempotency.key': { it: 'Chiave di idempotenza non valida (da 8 a 200 caratteri).', en: 'Invalid idempotency key (8 to 200 characters).' },
  'throttled': { it: 'Troppe richieste. Riprova tra poco.', en: 'Too many requests. Please try again shortly.' },
  'badRequest': { it: 'Richiesta non valida.', en: 'Invalid request.' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(key: MessageKey, language: Language, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
