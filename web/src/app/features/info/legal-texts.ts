import type { Language } from '@sportello/contracts';

/**
 * The texts of the privacy notice (GDPR art. 13) and of the accessibility page, loaded with
 * those pages only (not with every citizen's first page). Where the office's settings give
 * no text of its own, these standard ones say what Sportello itself does with the data.
 */
const IT = {
  'privacy.intro':
    'Questa informativa spiega, ai sensi dell’articolo 13 del Regolamento (UE) 2016/679 (GDPR), come sono trattati i dati personali che inserisci per prenotare un appuntamento all’Ufficio Relazioni con il Pubblico, per iscriverti alla lista d’attesa di un servizio o quando prendi un numero allo sportello.',
  'privacy.controller.title': 'Titolare del trattamento',
  'privacy.controller.missing': 'Il Comune di Calderara di Reno.',
  'privacy.dpo.title': 'Responsabile della protezione dei dati',
  'privacy.dpo.text': 'Puoi contattare il responsabile della protezione dei dati (RPD/DPO) per ogni domanda sul trattamento dei tuoi dati.',
  'privacy.dpo.missing': 'Il Comune ha designato un responsabile della protezione dei dati: chiedi all’URP come contattarlo.',
  'privacy.data.title': 'Quali dati trattiamo',
  'privacy.data.text':
    'Per una prenotazione: nome, cognome, codice fiscale, indirizzo e-mail e, solo se li indichi, telefono e note per l’ufficio; poi la data e l’ora dell’appuntamento, il servizio e la registrazione del tuo arrivo. Per la lista d’attesa: solo l’indirizzo e-mail e la lingua. Per un numero preso al totem o allo sportello: il numero e, solo se lo dici all’operatore, il nome.',
  'privacy.purposes.title': 'Finalità',
  'privacy.purposes.standard':
    'Gestire l’appuntamento che prenoti (conferma, promemoria, spostamento o annullamento, codice per l’accettazione), chiamarti allo sportello, avvisarti se l’ufficio deve annullare l’appuntamento o, se ti sei iscritto, quando si libera un posto; ricavare statistiche anonime sull’attività dell’ufficio.',
  'privacy.legalBasis.title': 'Base giuridica',
  'privacy.legalBasis.standard':
    'L’esecuzione di compiti di interesse pubblico di cui è investito il Comune (articolo 6, paragrafo 1, lettera e, del GDPR e articolo 2-ter del Codice in materia di protezione dei dati personali, d.lgs. 196/2003), come il rilascio della carta d’identità elettronica e i servizi anagrafici. L’iscrizione alla lista d’attesa si basa sul tuo consenso (articolo 6, paragrafo 1, lettera a), che puoi revocare in ogni momento con il link dell’avviso.',
  'privacy.required.title': 'Obbligo di fornire i dati',
  'privacy.required.text':
    'Nome, cognome, codice fiscale ed e-mail servono per prenotare: senza non si può prenotare online, ma puoi sempre rivolgerti all’URP. Telefono e note sono facoltativi.',
  'privacy.recipients.title': 'Destinatari',
  'privacy.recipients.standard':
    'I dati sono trattati dal personale dell’URP autorizzato e dai fornitori che gestiscono per il Comune il servizio informatico e l’invio delle e-mail, nominati responsabili del trattamento (articolo 28 del GDPR). Non sono diffusi né trasferiti fuori dall’Unione europea.',
  'privacy.channels.io':
    'Se lo scegli quando prenoti («Ricevi anche su App IO»), conferma, promemoria e avvisi arrivano anche nell’app IO: il Comune invia al tuo codice fiscale, tramite la piattaforma IO di PagoPA S.p.A., il testo del messaggio (servizio, ufficio, data e ora, codice). Se non usi IO o hai bloccato il servizio, il messaggio non parte. Puoi sempre prenotare solo con l’e-mail.',
  'privacy.retention.title': 'Per quanto tempo',
  'privacy.retention.text.one':
    'I dati della prenotazione sono conservati per {count} giorno dopo l’appuntamento, poi cancellati: restano solo dati anonimi per le statistiche. L’indirizzo della lista d’attesa è cancellato un giorno dopo l’avviso, alla scadenza dell’iscrizione (al più tardi alla fine del periodo prenotabile) o subito se esci dalla lista.',
  'privacy.retention.text.other':
    'I dati della prenotazione sono conservati per {count} giorni dopo l’appuntamento, poi cancellati: restano solo dati anonimi per le statistiche. L’indirizzo della lista d’attesa è cancellato un giorno dopo l’avviso, alla scadenza dell’iscrizione (al più tardi alla fine del periodo prenotabile) o subito se esci dalla lista.',
  'privacy.rights.title': 'I tuoi diritti',
  'privacy.rights.text':
    'Puoi chiedere in ogni momento di accedere ai tuoi dati, di correggerli o di cancellarli, di limitarne il trattamento e di opporti al trattamento (articoli 15–18 e 21 del GDPR), e revocare il consenso alla lista d’attesa senza che ciò tocchi quanto fatto prima. Per esercitarli scrivi o telefona all’URP:',
  'privacy.rights.missing': 'Per esercitarli rivolgiti all’URP.',
  'privacy.complaint.title': 'Reclamo al Garante',
  'privacy.complaint.text':
    'Se ritieni che il trattamento dei tuoi dati violi il GDPR, puoi proporre reclamo al Garante per la protezione dei dati personali (articolo 77 del GDPR), Piazza Venezia 11, 00187 Roma:',
  'privacy.complaint.link': 'garanteprivacy.it',
  'privacy.storage.title': 'Dati salvati nel tuo browser',
  'privacy.storage.text':
    'Il sito non usa cookie di profilazione né strumenti di terze parti. Nel tuo browser salva solo la lingua scelta e, mentre prenoti, la prenotazione in corso (nella memoria della scheda, cancellata alla fine della prenotazione o alla chiusura della scheda), così che un ricaricamento della pagina non la perda.',
  'privacy.profiling': 'Non ci sono decisioni automatizzate né profilazione.',

  'accessibility.intro':
    'Il Comune di Calderara di Reno si impegna a rendere accessibile questo servizio di prenotazione, in conformità alla Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID sull’accessibilità degli strumenti informatici. Il servizio è progettato e verificato per i requisiti WCAG 2.1 di livello AA: si usa con la sola tastiera, con i lettori di schermo e su schermi piccoli.',
  'accessibility.declaration.title': 'Dichiarazione di accessibilità',
  'accessibility.declaration.text':
    'Lo stato di conformità è descritto nella dichiarazione di accessibilità pubblicata dal Comune sul sito dell’Agenzia per l’Italia Digitale:',
  'accessibility.declaration.link': 'Dichiarazione di accessibilità del Comune (form.agid.gov.it)',
  'accessibility.declaration.missing': 'La dichiarazione di accessibilità non è ancora collegata a questo servizio: chiedila all’URP.',
  'accessibility.feedback.title': 'Segnala un problema',
  'accessibility.feedback.text':
    'Se trovi un contenuto che non riesci a usare, o una parte non accessibile, scrivici: ti rispondiamo entro 30 giorni e, se serve, ti diamo le informazioni in un altro modo.',
  'accessibility.feedback.missing': 'Puoi segnalare i problemi di accessibilità all’URP.',
  'accessibility.enforcement':
    'Se la risposta non è soddisfacente o non arriva entro 30 giorni, puoi rivolgerti al Difensore civico per il digitale presso AgID.',

  'legal.backHome': 'Torna ai servizi',
} as const;

export type LegalKey = keyof typeof IT;

const EN: Record<LegalKey, string> = {
  'privacy.intro':
    'This notice explains, under article 13 of Regulation (EU) 2016/679 (GDPR), how the personal data you enter to book an appointment with the Public Relations Office, to join the waiting list of a service, or when you take a number at the desk are processed.',
  'privacy.controller.title': 'Data controller',
  'privacy.controller.missing': 'The Comune di Calderara di Reno.',
  'privacy.dpo.title': 'Data protection officer',
  'privacy.dpo.text': 'You can contact the data protection officer (DPO) with any question about how your data are processed.',
  'privacy.dpo.missing': 'The Comune has appointed a data protection officer: ask the URP how to contact them.',
  'privacy.data.title': 'What data we process',
  'privacy.data.text':
    'For a booking: first and last name, tax code (codice fiscale), e-mail address and, only if you give them, phone and notes for the office; then the date and time of the appointment, the service and the record of your arrival. For the waiting list: only the e-mail address and the language. For a number taken at the kiosk or the desk: the number and, only if you tell the operator, your name.',
  'privacy.purposes.title': 'Purposes',
  'privacy.purposes.standard':
    'Managing the appointment you book (confirmation, reminder, moving or cancelling it, the code for checking in), calling you to the desk, telling you if the office has to cancel the appointment or, if you signed up, when a place becomes free; producing anonymous statistics of the office’s work.',
  'privacy.legalBasis.title': 'Legal basis',
  'privacy.legalBasis.standard':
    'The performance of tasks carried out in the public interest by the Comune (article 6(1)(e) GDPR and article 2-ter of the Italian Data Protection Code, legislative decree 196/2003), such as issuing the electronic identity card and the registry services. The waiting list is based on your consent (article 6(1)(a)), which you can withdraw at any time with the link in the notice.',
  'privacy.required.title': 'Whether you must give the data',
  'privacy.required.text':
    'First and last name, tax code and e-mail are needed to book: without them you cannot book online, but you can always go to the URP. Phone and notes are optional.',
  'privacy.recipients.title': 'Recipients',
  'privacy.recipients.standard':
    'The data are processed by authorised URP staff and by the providers running the IT service and the sending of e-mails for the Comune, appointed as processors (article 28 GDPR). They are not published or transferred outside the European Union.',
  'privacy.channels.io':
    'If you choose it when booking ("Also receive it in the IO app"), the confirmation, reminder and notices also reach the IO app: the Comune sends the message (service, office, date and time, code) to your tax code through PagoPA S.p.A.’s IO platform. If you do not use IO or have blocked the service, nothing is sent. You can always book with e-mail only.',
  'privacy.retention.title': 'How long',
  'privacy.retention.text.one':
    'Booking data are kept for {count} day after the appointment, then deleted: only anonymous data remain for the statistics. A waiting-list address is deleted one day after the notice, when the sign-up expires (at the latest at the end of the booking period), or at once if you leave the list.',
  'privacy.retention.text.other':
    'Booking data are kept for {count} days after the appointment, then deleted: only anonymous data remain for the statistics. A waiting-list address is deleted one day after the notice, when the sign-up expires (at the latest at the end of the booking period), or at once if you leave the list.',
  'privacy.rights.title': 'Your rights',
  'privacy.rights.text':
    'You may at any time ask to access your data, to have them corrected or erased, to restrict their processing and to object to it (articles 15–18 and 21 GDPR), and withdraw your consent to the waiting list without affecting what was done before. To exercise them, write to or call the URP:',
  'privacy.rights.missing': 'To exercise them, contact the URP.',
  'privacy.complaint.title': 'Complaint to the Garante',
  'privacy.complaint.text':
    'If you believe that the processing of your data infringes the GDPR, you can lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (article 77 GDPR), Piazza Venezia 11, 00187 Roma:',
  'privacy.complaint.link': 'garanteprivacy.it',
  'privacy.storage.title': 'Data stored in your browser',
  'privacy.storage.text':
    'The site uses no profiling cookies and no third-party tools. In your browser it stores only the language you chose and, while you book, the booking in progress (in the tab’s storage, deleted when the booking ends or the tab is closed), so that reloading the page does not lose it.',
  'privacy.profiling': 'There are no automated decisions and no profiling.',

  'accessibility.intro':
    'The Comune di Calderara di Reno is committed to making this booking service accessible, in accordance with Italian Law no. 4 of 9 January 2004 and the AgID guidelines on the accessibility of IT tools. The service is designed and checked for WCAG 2.1 level AA: it works with the keyboard alone, with screen readers and on small screens.',
  'accessibility.declaration.title': 'Accessibility declaration',
  'accessibility.declaration.text':
    'The state of conformity is described in the accessibility declaration the Comune publishes on the site of the Agency for Digital Italy:',
  'accessibility.declaration.link': 'Accessibility declaration of the Comune (form.agid.gov.it)',
  'accessibility.declaration.missing': 'The accessibility declaration is not linked to this service yet: ask the URP for it.',
  'accessibility.feedback.title': 'Report a problem',
  'accessibility.feedback.text':
    'If you find content you cannot use, or a part that is not accessible, write to us: we answer within 30 days and, where needed, give you the information in another way.',
  'accessibility.feedback.missing': 'You can report accessibility problems to the URP.',
  'accessibility.enforcement':
    'If the answer is not satisfactory or does not come within 30 days, you can turn to the Digital Ombudsman (Difensore civico per il digitale) at AgID.',

  'legal.backHome': 'Back to the services',
};

export const LEGAL_TEXTS: Record<Language, Record<LegalKey, string>> = { it: IT, en: EN };
