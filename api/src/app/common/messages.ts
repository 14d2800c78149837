import type { Language } from '@sportello/contracts';

/** Every message the api sends to people, in Italian and English. */
const MESSAGES = {
  'validation.failed': { it: 'Alcuni dati non sono validi.', en: 'Some of the data is not valid.' },
  'field.required': { it: 'Campo obbligatorio.', en: 'This field is required.' },
  'field.uuid': { it: 'Identificativo non valido.', en: 'Not a valid identifier.' },
  'field.date': { it: 'Data non valida: usare il formato AAAA-MM-GG.', en: 'Not a valid date: use the format YYYY-MM-DD.' },
  'field.dateRange': { it: 'Data fuori intervallo: tra il {min} e il {max}.', en: 'Date out of range: from {min} to {max}.' },
  'field.monthRange': { it: 'Mese fuori intervallo: tra il {min} e il {max}.', en: 'Month out of range: from {min} to {max}.' },
  'field.single': { it: 'Indicare un solo valore.', en: 'Give a single value.' },
  'range.reversed': { it: 'La data finale precede quella iniziale.', en: 'The end date is before the start date.' },
  'range.tooLong': { it: "L'intervallo può coprire al massimo {max} giorni.", en: 'The range can cover at most {max} days.' },
  'office.notFound': { it: 'Ufficio non trovato.', en: 'Office not found.' },
  'field.time': { it: 'Ora non valida: usare il formato HH:MM.', en: 'Not a valid time: use the format HH:MM.' },
  'closure.timeOrder': { it: "L'ora di fine deve seguire quella di inizio.", en: 'The end time must be after the start time.' },
  'closure.singleDay': { it: 'Una chiusura con orario riguarda un solo giorno.', en: 'A closure with times covers a single day.' },
  'closure.confirm': {
    it: 'La chiusura annullerebbe {count} prenotazioni: confermare per procedere (i cittadini riceveranno un avviso).',
    en: 'The closure would cancel {count} bookings: confirm to go ahead (the citizens will be told).',
  },
  'closure.notFound': { it: 'Chiusura non trovata.', en: 'Closure not found.' },
  'notice.endAfterStart': { it: "La fine dell'avviso deve seguire il suo inizio.", en: "The notice's end must be after its start." },
  'notice.notFound': { it: 'Avviso non trovato.', en: 'Notice not found.' },
  unavailable: {
    it: 'Servizio momentaneamente non disponibile. Riprova tra qualche secondo.',
    en: 'Service temporarily unavailable. Please try again in a few seconds.',
  },
  'field.boolean': { it: 'Indicare true o false.', en: 'Give true or false.' },
  'bookingCode.format': {
    it: 'Questo non è un codice di prenotazione: è nell’e-mail di conferma, per esempio CIE-7K3P9Q (maiuscole, spazi e trattino non contano).',
    en: 'This is not a booking code: it is in the confirmation e-mail, for example CIE-7K3P9Q (capitals, spaces and the dash do not matter).',
  },
  'checkIn.cancelled': { it: 'Questa prenotazione è stata annullata.', en: 'This booking was cancelled.' },
  'checkIn.wrongDay': {
    it: "La prenotazione non è per oggi: controlla la data nell'e-mail di conferma.",
    en: 'The booking is not for today: check the date in the confirmation e-mail.',
  },
  'checkIn.tooEarly': {
    it: "È presto: l'accettazione apre {minutes} minuti prima dell'appuntamento.",
    en: 'Too early: check-in opens {minutes} minutes before the appointment.',
  },
  'checkIn.tooLate': {
    it: "L'orario dell'appuntamento è passato da più di {minutes} minuti: rivolgiti allo sportello.",
    en: 'The appointment time passed more than {minutes} minutes ago: please ask at the desk.',
  },
  'desk.notFound': { it: 'Sportello non trovato.', en: 'Desk not found.' },
  'desk.busy': {
    it: 'Questo sportello sta già servendo un numero: concludilo prima di chiamare il prossimo.',
    en: 'This desk is already serving a ticket: finish it before calling the next one.',
  },
  'desk.paused': { it: 'Lo sportello è in pausa.', en: 'The desk is paused.' },
  'desk.noCurrent': { it: 'Nessun numero chiamato a questo sportello.', en: 'No ticket called at this desk.' },
  'ticket.notFound': { it: 'Biglietto non trovato.', en: 'Ticket not found.' },
  'ticket.notServed': {
    it: 'Nessuno sportello serve questo servizio: non si possono dare biglietti.',
    en: 'No desk serves this service: no tickets can be given.',
  },
  'ticket.officeClosed': { it: 'L’ufficio è chiuso in questo momento.', en: 'The office is closed right now.' },
  'ticket.undoExpired': {
    it: 'Non si può più annullare: passati {seconds} secondi, o lo sportello ha fatto altro nel frattempo.',
    en: 'It can no longer be undone: {seconds} seconds have passed, or the desk has done something else since.',
  },
  'ticket.state': {
    it: 'Operazione non possibile nello stato attuale del biglietto ({status}).',
    en: 'Not possible in the ticket’s current state ({status}).',
  },
  'outcome.unknown': {
    it: 'Esito non previsto per questo servizio. Esiti possibili: {allowed}.',
    en: 'Not an outcome of this service. Possible outcomes: {allowed}.',
  },
  'transfer.sameService': { it: 'Il biglietto è già per questo servizio.', en: 'The ticket is already for this service.' },
  'service.notFound': { it: 'Servizio non trovato per questo ufficio.', en: 'Service not found for this office.' },
  'route.notFound': { it: 'Risorsa non trovata.', en: 'Resource not found.' },
  'method.notAllowed': { it: 'Metodo non consentito per questa risorsa.', en: 'Method not allowed for this resource.' },
  internal: { it: 'Si è verificato un errore imprevisto. Riprova più tardi.', en: 'An unexpected error occurred. Please try again later.' },
  'field.text': { it: 'Inserire un testo.', en: 'Enter some text.' },
  'field.tooLong': { it: 'Al massimo {max} caratteri.', en: 'At most {max} characters.' },
  'field.name': { it: 'Usare solo lettere, spazi, apostrofi e trattini.', en: 'Use only letters, spaces, apostrophes and hyphens.' },
  'field.email': { it: 'Indirizzo e-mail non valido.', en: 'Not a valid e-mail address.' },
  'field.phone': { it: 'Numero di telefono non valido.', en: 'Not a valid phone number.' },
  'field.instant': {
    it: 'Data e ora non valide: usare il formato ISO 8601 con il fuso (es. 2027-03-29T08:30:00+02:00).',
    en: 'Not a valid date and time: use ISO 8601 with the offset (e.g. 2027-03-29T08:30:00+02:00).',
  },
  'field.language': { it: 'Lingua non valida: "it" o "en".', en: 'Not a valid language: "it" or "en".' },
  'field.privacy': { it: "Per prenotare occorre accettare l'informativa sulla privacy.", en: 'You must accept the privacy notice to book.' },
  'field.privacyWaitlist': {
    it: "Per iscriversi alla lista d'attesa occorre accettare l'informativa sulla privacy.",
    en: 'You must accept the privacy notice to join the waiting list.',
  },
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
  'fiscalCode.CHECK_CHARACTER': {
    it: 'Il codice fiscale non è corretto (carattere di controllo errato): verificarlo.',
    en: 'The codice fiscale is not correct (wrong check character): please check it.',
  },
  'slot.unavailable': {
    it: "L'orario scelto non è più disponibile. Ecco alcuni orari liberi vicini.",
    en: 'The chosen time is no longer available. Here are some free times nearby.',
  },
  'appointment.limit': {
    it: 'Hai già una prenotazione attiva per questo servizio. Puoi spostarla o annullarla dal link ricevuto.',
    en: 'You already have an active booking for this service. You can move or cancel it from the link you received.',
  },
  'appointment.emailLimit': {
    it: 'Con questo indirizzo e-mail ci sono già {max} prenotazioni attive in questo ufficio. Annullane una dal link ricevuto o usa un altro indirizzo.',
    en: 'This e-mail address already has {max} active bookings at this office. Cancel one from the link you received or use another address.',
  },
  'challenge.required': {
    it: 'Manca la verifica anti-automatismi (intestazione X-Altcha): attendi che la verifica sia completata e riprova.',
    en: 'The anti-bot check is missing (X-Altcha header): wait for the check to finish and try again.',
  },
  'challenge.invalid': {
    it: 'Verifica anti-automatismi non valida, scaduta o già usata: ripeti la verifica e riprova.',
    en: 'The anti-bot check is wrong, expired or already used: run it again and retry.',
  },
  'hold.limit': {
    it: 'Troppi orari tenuti in sospeso insieme. Completa o lascia scadere quelli aperti.',
    en: 'Too many times held at once. Complete them or let them expire.',
  },
  'hold.notFound': { it: 'Prenotazione temporanea non trovata.', en: 'Hold not found.' },
  'hold.mismatch': { it: "La prenotazione temporanea non corrisponde all'orario scelto.", en: 'The hold does not match the chosen time.' },
  'appointment.notFound': { it: 'Prenotazione non trovata o non più attiva.', en: 'Booking not found or no longer active.' },
  'change.closed': {
    it: 'Non è più possibile modificare o annullare online: mancano meno di {hours} ore. Contatta l’ufficio.',
    en: 'It is too late to change or cancel online: less than {hours} hours remain. Please contact the office.',
  },
  'change.sameSlot': { it: "È già l'orario della prenotazione.", en: 'That is already the booked time.' },
  'idempotency.reused': {
    it: 'Questa chiave di idempotenza è già stata usata per una richiesta diversa.',
    en: 'This idempotency key was already used for a different request.',
  },
  'idempotency.key': { it: 'Chiave di idempotenza non valida (da 8 a 200 caratteri).', en: 'Invalid idempotency key (8 to 200 characters).' },
  throttled: { it: 'Troppe richieste. Riprova tra poco.', en: 'Too many requests. Please try again shortly.' },
  'metrics.token': {
    it: 'Metriche riservate: serve Authorization: Bearer con il token METRICS_TOKEN.',
    en: 'Metrics are private: send Authorization: Bearer with the METRICS_TOKEN token.',
  },
  'auth.required': { it: 'Area riservata al personale: effettua l’accesso.', en: 'Staff only: please log in.' },
  'auth.invalid': { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  'auth.locked': {
    it: 'Troppi tentativi non riusciti: questo account è bloccato. Riprova tra {minutes} minuti.',
    en: 'Too many failed attempts: this account is locked. Try again in {minutes} minutes.',
  },
  'auth.csrf': {
    it: 'Richiesta non valida (token di sicurezza mancante o scaduto): ricarica la pagina e riprova.',
    en: 'Invalid request (security token missing or expired): reload the page and try again.',
  },
  'body.json': { it: 'Inviare i dati in formato JSON (Content-Type: application/json).', en: 'Send the data as JSON (Content-Type: application/json).' },
  'auth.role': { it: 'Il tuo ruolo non consente questa operazione.', en: 'Your role does not allow this.' },
  'auth.office': { it: 'Non sei abilitato a operare per questo ufficio.', en: 'You are not allowed to act for this office.' },
  'field.number': { it: 'Inserire un numero da {min} a {max} (decimali con il punto).', en: 'Enter a number from {min} to {max} (decimals with a point).' },
  'office.locationPair': {
    it: 'Indicare sia la latitudine sia la longitudine, oppure nessuna delle due.',
    en: 'Give both latitude and longitude, or neither.',
  },
  'settings.agidUrl': {
    it: 'La dichiarazione di accessibilità si pubblica su form.agid.gov.it: l’indirizzo deve iniziare con https://form.agid.gov.it/.',
    en: 'The accessibility declaration is published on form.agid.gov.it: the address must start with https://form.agid.gov.it/.',
  },
  'field.integer': { it: 'Inserire un numero intero da {min} a {max}.', en: 'Enter a whole number from {min} to {max}.' },
  'field.oneOf': { it: 'Valore non ammesso. Valori possibili: {allowed}.', en: 'Not an allowed value. Possible values: {allowed}.' },
  'field.array': { it: 'Inserire un elenco.', en: 'Give a list.' },
  'field.tooMany': { it: 'Al massimo {max} elementi.', en: 'At most {max} items.' },
  'field.url': { it: 'Indirizzo web non valido: deve iniziare con https://.', en: 'Not a valid web address: it must start with https://.' },
  'field.timeZone': { it: 'Fuso orario non valido (es. Europe/Rome).', en: 'Not a valid time zone (e.g. Europe/Rome).' },
  'field.monthDay': { it: 'Giorno non valido per quel mese.', en: 'Not a valid day for that month.' },
  'field.duplicate': { it: 'Valore ripetuto.', en: 'This value is repeated.' },
  'office.codeFormat': {
    it: 'Codice: lettere maiuscole, cifre e trattini, fino a 40 (es. URP-CALDERARA).',
    en: 'Code: capital letters, digits and hyphens, up to 40 (e.g. URP-CALDERARA).',
  },
  'office.codeTaken': { it: 'Esiste già un ufficio con questo codice.', en: 'An office with this code already exists.' },
  'office.inUse': {
    it: "L'ufficio ha già prenotazioni o biglietti: non si può eliminare.",
    en: 'The office already has bookings or tickets: it cannot be deleted.',
  },
  'service.codeFormat': {
    it: 'Codice: una lettera maiuscola e poi lettere o cifre, fino a 10 (es. CIE). Apre i codici di prenotazione.',
    en: 'Code: a capital letter, then letters or digits, up to 10 (e.g. CIE). It starts the booking codes.',
  },
  'service.codeTaken': { it: 'Questo ufficio ha già un servizio con questo codice.', en: 'This office already has a service with this code.' },
  'service.ticketPrefix': { it: 'Prefisso: da 1 a 3 lettere maiuscole (es. C).', en: 'Prefix: 1 to 3 capital letters (e.g. C).' },
  'service.outcomeCode': {
    it: 'Codice esito: lettere maiuscole, cifre e _, fino a 40 (es. CIE_REQUEST_TAKEN).',
    en: 'Outcome code: capital letters, digits and _, up to 40 (e.g. CIE_REQUEST_TAKEN).',
  },
  'service.outcomeReserved': {
    it: 'INFO_ONLY (solo informazioni) è già previsto per ogni servizio.',
    en: 'INFO_ONLY (information only) already exists for every service.',
  },
  'service.inUse': {
    it: 'Il servizio ha già prenotazioni o biglietti: disattivalo invece di eliminarlo.',
    en: 'The service already has bookings or tickets: deactivate it instead of deleting it.',
  },
  'hours.weekday': { it: 'Giorno della settimana non valido (1 = lunedì … 7 = domenica).', en: 'Not a valid weekday (1 = Monday … 7 = Sunday).' },
  'hours.overlap': { it: 'Si sovrappone a un altro intervallo dello stesso giorno.', en: 'Overlaps another interval of the same day.' },
  'time.order': { it: "L'ora di fine deve seguire quella di inizio.", en: 'The end time must be after the start time.' },
  'desk.numberTaken': { it: 'Esiste già uno sportello con questo numero.', en: 'A desk with this number already exists.' },
  'desk.inUse': {
    it: 'Lo sportello ha già servito dei biglietti: disattivalo invece di eliminarlo.',
    en: 'The desk has already served tickets: deactivate it instead of deleting it.',
  },
  'settings.reminderDeadline': {
    it: 'Il promemoria deve partire più di {hours} ore prima dell’appuntamento: è la scadenza per confermare la presenza (RECONFIRM_DEADLINE_HOURS).',
    en: 'The reminder must go out more than {hours} hours before the appointment: that is the deadline to confirm attendance (RECONFIRM_DEADLINE_HOURS).',
  },
  'settings.ioApiKey': {
    it: 'La chiave API di App IO è di 8–200 caratteri, senza spazi.',
    en: 'The App IO API key is 8–200 characters, without spaces.',
  },
  'settings.mandateOrder': { it: 'La fine del mandato deve seguire l’inizio.', en: 'The end of the mandate must be after its start.' },
  'change.confirm': {
    it: 'La modifica riguarda {count} prenotazioni o biglietti: confermare per procedere (le prenotazioni saranno annullate e i cittadini avvisati per e-mail).',
    en: 'The change affects {count} bookings or tickets: confirm to go ahead (the bookings will be cancelled and the citizens told by e-mail).',
  },
  'staff.usernameFormat': {
    it: 'Nome utente: lettere minuscole, cifre, ".", "_" e "-", da 2 a 64 caratteri.',
    en: 'Username: lower-case letters, digits, ".", "_" and "-", 2 to 64 characters.',
  },
  'staff.usernameTaken': { it: 'Nome utente già in uso.', en: 'This username is already taken.' },
  'password.TOO_SHORT': { it: 'La password deve avere almeno {min} caratteri.', en: 'The password must have at least {min} characters.' },
  'password.TOO_LONG': { it: 'La password può avere al massimo {max} caratteri.', en: 'The password may have at most {max} characters.' },
  'password.CONTAINS_NAME': {
    it: 'La password non può contenere il nome utente né il nome visualizzato.',
    en: 'The password may not contain the username or the display name.',
  },
  'password.WEAK': {
    it: 'Password troppo facile da indovinare: usa più parole non collegate, o aggiungi lunghezza e varietà.',
    en: 'This password is too easy to guess: use several unrelated words, or add length and variety.',
  },
  'staff.officesRequired': { it: 'Indicare almeno un ufficio per questo ruolo.', en: 'Give at least one office for this role.' },
  'staff.self': { it: 'Non puoi disattivare il tuo account né cambiarne il ruolo.', en: 'You cannot deactivate your own account or change its role.' },
  'staff.notFound': { it: 'Account non trovato.', en: 'Account not found.' },
  'field.month': { it: 'Mese non valido: usare il formato AAAA-MM.', en: 'Not a valid month: use the format YYYY-MM.' },
  'field.year': { it: 'Anno non valido (da 2000 a 2100).', en: 'Not a valid year (2000 to 2100).' },
  'field.count': {
    it: 'Inserire un numero intero da 0 a {max}, oppure null per cancellarlo.',
    en: 'Enter a whole number from 0 to {max}, or null to clear it.',
  },
  'field.format': { it: 'Formato non valido: "json" o "csv".', en: 'Not a valid format: "json" or "csv".' },
  'month.future': { it: 'Il mese non può essere successivo a quello corrente ({latest}).', en: 'The month cannot be later than the current one ({latest}).' },
  'counters.empty': { it: 'Indicare almeno uno tra phoneCalls e residencyOnline.', en: 'Give at least one of phoneCalls and residencyOnline.' },
  'body.csv': { it: 'Inviare il file come testo CSV (Content-Type: text/csv).', en: 'Send the file as CSV text (Content-Type: text/csv).' },
  'import.rejected': {
    it: 'Il file non è stato importato: correggere le righe indicate. Nessun dato è stato salvato.',
    en: 'The file was not imported: correct the lines listed. Nothing was saved.',
  },
  'import.EMPTY': { it: 'Il file non contiene righe di dati.', en: 'The file has no data lines.' },
  'import.HEADER': { it: 'La prima riga deve essere l’intestazione {expected}.', en: 'The first line must be the header {expected}.' },
  'import.COLUMNS': {
    it: 'Servono {expected} valori (mese, metrica, valore), trovati {found}.',
    en: '{expected} values are needed (month, metric, value), found {found}.',
  },
  'import.QUOTES': { it: 'Virgolette non chiuse o testo dopo le virgolette.', en: 'Unclosed quotes or text after the closing quote.' },
  'import.MONTH': { it: 'Mese non valido: usare il formato AAAA-MM (es. 2023-01).', en: 'Not a valid month: use the format YYYY-MM (e.g. 2023-01).' },
  'import.MONTH_FUTURE': { it: 'Mese futuro: al massimo {latest}.', en: 'A future month: {latest} at the latest.' },
  'import.METRIC': { it: 'Metrica sconosciuta. Metriche possibili: {allowed}.', en: 'Unknown metric. Possible metrics: {allowed}.' },
  'import.VALUE': {
    it: 'Il valore deve essere un numero intero non negativo, senza separatori delle migliaia.',
    en: 'The value must be a non-negative whole number, without thousands separators.',
  },
  'import.VALUE_TOO_LARGE': { it: 'Valore troppo grande: al massimo {max}.', en: 'Value too large: {max} at most.' },
  'import.DUPLICATE': { it: 'Stesso mese e stessa metrica della riga {other}.', en: 'Same month and metric as line {other}.' },
  'import.TOO_MANY_ROWS': { it: 'Troppe righe: al massimo {max} per file.', en: 'Too many lines: {max} per file at most.' },
  'import.RECORDED': {
    it: 'Sportello ha già registrato {count} per questo mese e questa metrica: importarlo li conterebbe due volte.',
    en: 'Sportello already recorded {count} for this month and metric: importing it would count them twice.',
  },
  badRequest: { it: 'Richiesta non valida.', en: 'Invalid request.' },
  'citizen.required': { it: 'Accedi con SPID o CIE per continuare.', en: 'Sign in with SPID or CIE to continue.' },
  'citizen.signInRequired': {
    it: 'Per questo servizio la prenotazione richiede l’accesso con SPID o CIE.',
    en: 'Booking this service requires signing in with SPID or CIE.',
  },
  'citizen.unavailable': {
    it: 'L’accesso con SPID o CIE non è disponibile in questo momento. Riprova tra qualche minuto o prenota senza accedere.',
    en: 'Signing in with SPID or CIE is not available right now. Try again in a few minutes or book without signing in.',
  },
  'citizen.signInFailed': {
    it: 'Accesso non riuscito: la risposta del fornitore di identità non è valida, è scaduta o è già stata usata. Nessuna sessione è stata aperta: riprova ad accedere.',
    en: 'Sign-in failed: the identity provider’s answer is not valid, has expired or was already used. No session was opened: please sign in again.',
  },
  'citizen.notConfigured': { it: 'L’accesso con SPID o CIE non è attivo.', en: 'Signing in with SPID or CIE is not enabled.' },
  'citizen.identityMismatch': {
    it: 'Il dato non corrisponde alla tua identità digitale: lascialo vuoto o indica quello dell’identità.',
    en: 'This does not match your digital identity: leave it empty or give the one of the identity.',
  },
  'recover.accepted': {
    it: 'Se esiste una prenotazione futura con questo codice fiscale e questo indirizzo e-mail, ti abbiamo inviato di nuovo il link per gestirla.',
    en: 'If there is a future booking with this codice fiscale and this e-mail address, we have sent its management link again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(key: MessageKey, language: Language, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Whether `key` names a message (the schemas of libs/contracts name them as plain strings). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}
