import { addDays, closureForLocalDates, localToday } from '@sportello/domain';
import { DataSource } from 'typeorm';
import type { Service } from '../calendar/service.entity';
import { demoRepository } from './demo.repository';

const TIME_ZONE = 'Europe/Rome';

/** URP opening hours: every weekday morning, Tuesday and Thursday afternoons too. */
const OPENING_HOURS: Array<[number, string, string]> = [
  [1, '08:30', '12:30'],
  [2, '08:30', '12:30'],
  [2, '14:30', '17:30'],
  [3, '08:30', '12:30'],
  [4, '08:30', '12:30'],
  [4, '14:30', '17:30'],
  [5, '08:30', '12:30'],
  [6, '08:30', '12:00'],
];

const SERVICES: Array<Partial<Service>> = [
  {
    code: 'CIE',
    nameIt: "Carta d'identità elettronica (CIE)",
    nameEn: 'Electronic identity card (CIE)',
    descriptionIt:
      "Richiesta della carta d'identità elettronica, per il primo rilascio, la scadenza, il furto o lo smarrimento. La carta arriva per posta in circa sei giorni lavorativi.",
    descriptionEn: 'Application for the electronic identity card: first issue, renewal, theft or loss. The card is posted to you in about six working days.',
    durationMinutes: 20,
    capacity: 2,
    documentsIt: [
      "Carta d'identità scaduta o in scadenza (in caso di furto o smarrimento, la denuncia)",
      'Una fototessera recente, su sfondo chiaro',
      'Tessera sanitaria (codice fiscale)',
      "Per i minori: presenza di entrambi i genitori, o l'assenso scritto del genitore assente",
    ],
    documentsEn: [
      'Your expired or expiring identity card (if it was stolen or lost, the police report)',
      'One recent passport-style photo, on a light background',
      'Health insurance card (codice fiscale)',
      'For minors: both parents present, or the written consent of the absent parent',
    ],
    feeCents: 2221,
    feeNoteIt: 'Il duplicato per furto, smarrimento o deterioramento costa 27,37 €. Si paga allo sportello con carta o PagoPA.',
    feeNoteEn: 'A duplicate for theft, loss or damage costs €27.37. Payable at the desk by card or PagoPA.',
    sortOrder: 1,
    ticketPrefix: 'C',
    outcomes: [
      { code: 'CIE_REQUEST_TAKEN', it: 'Richiesta CIE acquisita', en: 'CIE request taken' },
      { code: 'CIE_INCOMPLETE', it: 'Documentazione incompleta', en: 'Documents incomplete' },
    ],
  },
  {
    code: 'SPID',
    nameIt: 'Riconoscimento per SPID (LepidaID)',
    nameEn: 'Identity check for SPID (LepidaID)',
    descriptionIt: "Riconoscimento di persona per attivare l'identità digitale SPID di Lepida, dopo aver caricato i documenti sul portale LepidaID.",
    descriptionEn: 'In-person identity check to activate your LepidaID SPID digital identity, after uploading your documents on the LepidaID portal.',
    durationMinutes: 15,
    capacity: 1,
    documentsIt: [
      "Documento d'identità valido (lo stesso caricato sul portale)",
      'Tessera sanitaria (codice fiscale)',
      "Il telefono cellulare e l'indirizzo e-mail indicati nella richiesta",
      'Il codice della pratica ricevuto da LepidaID',
    ],
    documentsEn: [
      'A valid identity document (the one uploaded on the portal)',
      'Health insurance card (codice fiscale)',
      'The mobile phone and e-mail address given in the application',
      'The application code received from LepidaID',
    ],
    feeCents: null,
    onlineUrl: 'https://id.lepida.it/',
    onlineDescriptionIt: 'Con la CIE e il suo PIN puoi attivare SPID LepidaID interamente online, senza venire allo sportello.',
    onlineDescriptionEn: 'With your CIE and its PIN you can activate LepidaID SPID entirely online, without coming to the desk.',
    sortOrder: 2,
    ticketPrefix: 'S',
    outcomes: [
      { code: 'SPID_RECOGNISED', it: 'Identità SPID riconosciuta', en: 'SPID identity recognised' },
      { code: 'SPID_NOT_RECOGNISED', it: 'Riconoscimento non riuscito', en: 'Recognition failed' },
    ],
  },
  {
    code: 'RESIDENZA',
    nameIt: 'Cambio di residenza',
    nameEn: 'Change of residence',
    descriptionIt: 'Dichiarazione di residenza per chi arriva a Calderara di Reno o cambia indirizzo nel comune.',
    descriptionEn: 'Declaration of residence for people moving to Calderara di Reno or changing address within the town.',
    durationMinutes: 30,
    capacity: 1,
    documentsIt: [
      "Documento d'identità e tessera sanitaria di ogni persona che si trasferisce",
      "Contratto d'affitto registrato, atto di proprietà o dichiarazione di ospitalità",
      'Targhe dei veicoli e numeri delle patenti',
      'Per i cittadini non UE: permesso di soggiorno e passaporto',
    ],
    documentsEn: [
      'Identity document and health insurance card of everyone who moves',
      'Registered rental contract, deed of ownership or statement of hospitality',
      'Vehicle number plates and driving licence numbers',
      'For non-EU citizens: residence permit and passport',
    ],
    feeCents: null,
    onlineUrl: 'https://www.anagrafenazionale.interno.it/servizi-al-cittadino/',
    onlineDescriptionIt: "Puoi dichiarare il cambio di residenza online con SPID o CIE tramite ANPR, l'Anagrafe nazionale, oppure per e-mail.",
    onlineDescriptionEn: 'You can declare your change of residence online with SPID or CIE through ANPR, the national registry, or by e-mail.',
    sortOrder: 3,
    ticketPrefix: 'R',
    outcomes: [
      { code: 'RESIDENCY_RECEIVED', it: 'Dichiarazione di residenza ricevuta', en: 'Residency declaration received' },
      { code: 'RESIDENCY_INCOMPLETE', it: 'Dichiarazione incompleta', en: 'Declaration incomplete' },
    ],
  },
];

/** Contacts of the demo office: example values, clearly so (RFC 2606's .example domain). */
export const DEMO_CONTACTS = {
  phone: '051 000 0000',
  email: 'urp@calderara-di-reno.example',
  controllerEmail: 'protocollo@calderara-di-reno.example',
  dpoEmail: 'dpo@calderara-di-reno.example',
  accessibilityDeclarationUrl: 'https://form.agid.gov.it/view/00000000-0000-0000-0000-000000000000',
} as const;

/**
 * Seeds the Calderara di Reno URP when the database has no office yet. Returns whether
 * it seeded. Runs in one transaction: a failed seed leaves nothing behind.
 */
export async function seedDemoData(db: DataSource, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await demoRepository.countOffices(tx)) > 0) return false;
    const office = await demoRepository.insertOffice(tx, {
      code: 'URP-CALDERARA',
      name: 'URP – Ufficio Relazioni con il Pubblico',
      address: 'Piazza Marconi 7',
      city: '40012 Calderara di Reno (BO)',
      // The address is the town hall's; the phone and the e-mail are EXAMPLE values (the
      // seed material does not give the URP's): the reserved .example domain, a number
      // nobody answers. An installation enters its own on the admin office page.
      phone: DEMO_CONTACTS.phone,
      email: DEMO_CONTACTS.email,
      latitude: null,
      longitude: null,
      timeZone: TIME_ZONE,
      patronSaintMonth: null,
      patronSaintDay: null,
    });
    // The demo shows reconfirmation of attendance: the reminder asks for one click.
    await demoRepository.insertSettings(tx, {
      officeId: office.id,
      bookingHorizonDays: 60,
      minNoticeMinutes: 60,
      reconfirmRequired: true,
      // The privacy notice's controller is the comune; the DPO and the AgID declaration are EXAMPLE values.
      privacyController: 'Comune di Calderara di Reno, Piazza Marconi 7, 40012 Calderara di Reno (BO)',
      privacyControllerEmail: DEMO_CONTACTS.controllerEmail,
      privacyDpoName: 'Responsabile della protezione dei dati (esempio)',
      privacyDpoEmail: DEMO_CONTACTS.dpoEmail,
      accessibilityDeclarationUrl: DEMO_CONTACTS.accessibilityDeclarationUrl,
    });
    const services = await demoRepository.insertServices(
      tx,
      SERVICES.map((s) => ({ ...s, officeId: office.id })),
    );
    // Three desks: two for everything, the third for CIE and SPID only.
    const byCode = new Map(services.map((s) => [s.code, s.id]));
    const desks = await demoRepository.insertDesks(
      tx,
      [1, 2, 3].map((number) => ({ officeId: office.id, number, name: `Sportello ${number}` })),
    );
    await demoRepository.insertDeskServices(
      tx,
      desks.flatMap((desk) =>
        (desk.number === 3 ? ['CIE', 'SPID'] : ['CIE', 'SPID', 'RESIDENZA']).map((code) => ({ deskId: desk.id, serviceId: byCode.get(code) as string })),
      ),
    );
    await demoRepository.insertOpeningHours(
      tx,
      OPENING_HOURS.map(([weekday, startTime, endTime]) => ({ officeId: office.id, serviceId: null, weekday, startTime, endTime })),
    );
    // An example closure two weeks ahead, so the calendar shows how closures look.
    const closedDay = addDays(localToday(now, TIME_ZONE), 14);
    const closure = closureForLocalDates(closedDay, closedDay, TIME_ZONE);
    await demoRepository.insertClosure(tx, {
      officeId: office.id,
      serviceId: null,
      startsAt: new Date(closure.start),
      endsAt: new Date(closure.end),
      reason: 'Chiusura per formazione del personale',
    });
    return true;
  });
}
