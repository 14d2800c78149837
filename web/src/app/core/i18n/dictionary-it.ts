/**
 * Italian texts: the reference dictionary. Every other language must have the same keys
 * (checked by the compiler through `Dictionary`). Placeholders are written `{name}`.
 */
export const IT = {
  'app.name': 'Sportello URP',
  'app.comune': 'Comune di Calderara di Reno',
  'app.urp': 'URP – Ufficio Relazioni con il Pubblico',
  'app.area': 'Città metropolitana di Bologna',
  'app.home': 'Pagina iniziale dello Sportello URP',
  'skip.main': 'Vai al contenuto principale',

  'lang.label': 'Lingua',
  'lang.it': 'Italiano',
  'lang.en': 'English',

  'footer.heading': 'Informazioni',
  'footer.text':
    'Prenotazioni dell’Ufficio Relazioni con il Pubblico del Comune di Calderara di Reno.',
  'footer.links': 'Note legali',
  'footer.privacy': 'Informativa privacy',
  'footer.accessibility': 'Accessibilità',

  'common.loading': 'Caricamento in corso…',
  'common.retry': 'Riprova',
  'common.backHome': 'Torna ai servizi',
  'common.externalLink': '(sito esterno)',

  'error.network':
    'Non è stato possibile contattare il servizio di prenotazione. Controlla la connessione e riprova.',
  'error.generic': 'Si è verificato un errore imprevisto. Riprova tra qualche minuto.',

  'title.home': 'Prenota un appuntamento',
  'title.booking': 'Scegli data e orario',
  'title.notFound': 'Pagina non trovata',
  'title.privacy': 'Informativa privacy',
  'title.accessibility': 'Accessibilità',

  'home.title': 'Prenota un appuntamento all’URP',
  'home.intro':
    'L’Ufficio Relazioni con il Pubblico riceve soprattutto su appuntamento: così eviti la coda e sai già cosa portare. Scegli il servizio, poi il giorno e l’orario che preferisci.',
  'home.office.address': 'Indirizzo',
  'home.office.phone': 'Telefono',
  'home.office.email': 'E-mail',
  'home.office.hours': 'Orari di apertura',
  'home.office.closed': 'Chiuso',
  'home.services': 'Servizi prenotabili',
  'home.noOffice': 'Al momento non ci sono uffici che accettano prenotazioni online.',
  'home.noServices': 'Al momento non ci sono servizi prenotabili online.',

  'service.duration': 'Durata',
  'service.minutes': '{count} minuti',
  'service.fee': 'Costo',
  'service.free': 'Gratuito',
  'service.documents': 'Cosa serve',
  'service.online': 'Anche online',
  'service.book': 'Prenota',

  'steps.label': 'Passaggi della prenotazione',
  'steps.position': 'Passo {current} di {total}',
  'steps.office': 'Ufficio',
  'steps.service': 'Servizio',
  'steps.datetime': 'Data e orario',
  'steps.applicant': 'Richiedente',
  'steps.summary': 'Riepilogo',
  'steps.confirm': 'Conferma',
  'steps.done': 'completato',
  'steps.current': 'passo attuale',
  'steps.locked': 'non ancora disponibile',

  'booking.title': 'Scegli data e orario',
  'booking.serviceLabel': 'Servizio',
  'booking.officeLabel': 'Ufficio',
  'booking.changeService': 'Cambia servizio',
  'booking.serviceNotFound': 'Il servizio «{code}» non esiste o non si può prenotare online.',
  'booking.dayHeading': 'Scegli il giorno',
  'booking.dayHint': 'Sono selezionabili solo i giorni con orari liberi.',
  'booking.noAvailability':
    'Nei prossimi tre mesi non ci sono orari liberi per questo servizio. Riprova nei prossimi giorni oppure contatta l’URP.',
  'booking.noAvailabilityInMonth': 'Nessun orario libero in {month}.',
  'booking.timeHeading': 'Scegli l’orario',
  'booking.timesFor': 'Orari liberi di {date}',
  'booking.pickDayFirst': 'Scegli prima un giorno nel calendario.',
  'booking.choice': 'Hai scelto {date} alle {time} per «{service}».',
  'booking.continue': 'Continua',
  'booking.nextStepComing':
    'Il passo successivo (i dati del richiedente) sarà disponibile a breve: per ora la prenotazione online non si può ancora completare.',
  'booking.status.month': '{month}: {count} giorni con orari liberi.',
  'booking.status.day': '{date}: {count} orari liberi.',
  'booking.status.time': 'Orario selezionato: {time}.',

  'calendar.prev': 'Mese precedente',
  'calendar.next': 'Mese successivo',
  'calendar.free': 'orari liberi',
  'calendar.none': 'nessun orario libero',
  'calendar.selected': 'selezionato',

  'slot.remaining.one': '{count} posto libero',
  'slot.remaining.other': '{count} posti liberi',

  'notFound.title': 'Pagina non trovata',
  'notFound.text': 'L’indirizzo che hai aperto non corrisponde a nessuna pagina dello Sportello.',
  'notFound.home': 'Vai alla pagina iniziale',

  'privacy.title': 'Informativa privacy',
  'privacy.text':
    'Per prenotare un appuntamento il Comune di Calderara di Reno tratta i dati che inserisci (nome, codice fiscale, e-mail) solo per gestire l’appuntamento e inviarti conferma e promemoria. L’informativa completa ai sensi del Regolamento (UE) 2016/679 sarà pubblicata qui dal Comune.',
  'accessibility.title': 'Accessibilità',
  'accessibility.text':
    'Lo Sportello è progettato per rispettare i requisiti WCAG 2.1 livello AA (Legge 4/2004). La dichiarazione di accessibilità sarà pubblicata qui dal Comune; nel frattempo puoi segnalare problemi di accessibilità all’URP.',
} as const;

export type MessageKey = keyof typeof IT;
export type Dictionary = Record<MessageKey, string>;
