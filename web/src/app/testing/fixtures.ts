import type {
  AppointmentCreatedDto,
  AvailabilityDto,
  CitizenAppointmentDto,
  CitizenDto,
  HoldDto,
  ManagedAppointmentDto,
  OfficeDto,
  PublicConfigDto,
  ServiceDto,
} from '@sportello/contracts';

/** Demo data shaped like the api's answers, for unit tests. */
export const OFFICE: OfficeDto = {
  id: 'office-1',
  code: 'URP',
  name: 'URP Calderara di Reno',
  address: 'Piazza Marconi 7',
  city: '40012 Calderara di Reno (BO)',
  phone: '051 646 1111',
  email: 'urp@example.org',
  location: null,
  mapUrl: 'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207%2C%2040012%20Calderara%20di%20Reno',
  timeZone: 'Europe/Rome',
  retentionDays: 90,
  cancelCutoffHours: 24,
  openingHours: [
    { weekday: 1, start: '08:30', end: '12:30' },
    { weekday: 2, start: '14:30', end: '17:30' },
    { weekday: 2, start: '08:30', end: '12:30' },
    { weekday: 4, start: '08:30', end: '12:30' },
    { weekday: 6, start: '09:00', end: '12:00' },
  ],
};

export const CIE: ServiceDto = {
  id: 'svc-cie',
  officeId: 'office-1',
  code: 'CIE',
  name: 'Carta d’identità elettronica',
  names: { it: 'Carta d’identità elettronica', en: 'Electronic identity card' },
  description: {
    it: 'Rilascio e rinnovo della carta d’identità elettronica.',
    en: 'Issue and renewal of the electronic identity card.',
  },
  durationMinutes: 30,
  capacity: 2,
  documents: ['Fototessera recente', 'Documento scaduto o denuncia di smarrimento'],
  documentsByLanguage: {
    it: ['Fototessera recente', 'Documento scaduto o denuncia di smarrimento'],
    en: ['Recent passport photo', 'Expired document or loss report'],
  },
  feeCents: 2221,
  feeNote: { it: 'Pagamento con PagoPA', en: 'Paid with PagoPA' },
  onlineAlternative: null,
  suspension: null,
  signInRequired: false,
};

export const SPID: ServiceDto = {
  ...CIE,
  id: 'svc-spid',
  code: 'SPID',
  name: 'Riconoscimento SPID',
  names: { it: 'Riconoscimento SPID', en: 'SPID identity check' },
  description: { it: 'Riconoscimento per l’identità digitale.', en: 'Identity check for SPID.' },
  durationMinutes: 20,
  capacity: 1,
  documents: ['Documento d’identità'],
  documentsByLanguage: { it: ['Documento d’identità'], en: ['Identity document'] },
  feeCents: null,
  feeNote: null,
};

export const RESIDENZA: ServiceDto = {
  ...CIE,
  id: 'svc-res',
  code: 'RESIDENZA',
  name: 'Cambio di residenza',
  names: { it: 'Cambio di residenza', en: 'Change of residence' },
  description: { it: 'Dichiarazione di residenza.', en: 'Residence declaration.' },
  durationMinutes: 45,
  documents: [],
  documentsByLanguage: { it: [], en: [] },
  feeCents: null,
  feeNote: null,
  onlineAlternative: {
    url: 'https://www.anagrafenazionale.interno.it/',
    description: { it: 'Cambio di residenza online con ANPR', en: 'Change of residence online via ANPR' },
  },
};

/**
 * Free slots in spring 2027 (CEST, +02:00). "Today" in these tests is 2027-03-20, so the
 * calendar must open on March (first free day 2027-03-29) and end at 2027-06-19.
 */
export const AVAILABILITY: AvailabilityDto = {
  timeZone: 'Europe/Rome',
  days: [
    {
      date: '2027-03-29',
      slots: [
        { start: '2027-03-29T08:30:00+02:00', end: '2027-03-29T09:00:00+02:00', remaining: 2 },
        // Same instant rule, written in UTC: must still show 09:00 Rome time.
        { start: '2027-03-29T07:00:00Z', end: '2027-03-29T07:30:00Z', remaining: 1 },
        { start: '2027-03-29T09:30:00+02:00', end: '2027-03-29T10:00:00+02:00', remaining: 0 },
      ],
    },
    {
      date: '2027-03-31',
      slots: [{ start: '2027-03-31T14:30:00+02:00', end: '2027-03-31T15:00:00+02:00', remaining: 1 }],
    },
    {
      date: '2027-04-06',
      slots: [{ start: '2027-04-06T08:30:00+02:00', end: '2027-04-06T09:00:00+02:00', remaining: 2 }],
    },
  ],
};

/** 2027-03-20 10:00 in Rome. */
export const NOW = new Date('2027-03-20T09:00:00Z');

/** A 43-character manage token, as the api makes them. */
export const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

/** The hold of the 08:30 slot of 2027-03-29: 10 minutes from NOW. */
export const HOLD: HoldDto = { holdId: '11111111-2222-4333-8444-555555555555', expiresAt: '2027-03-20T09:10:00.000Z' };

export const CREATED: AppointmentCreatedDto = {
  code: 'CIE-7K3P9Q',
  start: '2027-03-29T08:30:00+02:00',
  end: '2027-03-29T09:00:00+02:00',
  officeId: 'office-1',
  serviceId: 'svc-cie',
  status: 'BOOKED',
  manageUrl: `https://sportello.example.org/gestisci/${TOKEN}`,
  changeableUntil: '2027-03-28T06:30:00.000Z',
};

export const MANAGED: ManagedAppointmentDto = {
  code: 'CIE-7K3P9Q',
  status: 'BOOKED',
  start: '2027-03-29T08:30:00+02:00',
  end: '2027-03-29T09:00:00+02:00',
  timeZone: 'Europe/Rome',
  officeId: 'office-1',
  serviceId: 'svc-cie',
  serviceCode: 'CIE',
  serviceName: { it: 'Carta d’identità elettronica', en: 'Electronic identity card' },
  officeName: 'URP Calderara di Reno',
  officeAddress: 'Piazza Marconi 7, 40012 Calderara di Reno (BO)',
  officePhone: '051 646 1111',
  officeEmail: 'urp@example.org',
  officeMapUrl: 'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207%2C%2040012%20Calderara%20di%20Reno',
  feeCents: 2221,
  feeNote: { it: 'Pagamento con PagoPA', en: 'Paid with PagoPA' },
  bookedAt: '2027-03-20T08:00:00.000Z',
  citizen: { firstName: 'Maria', lastName: 'Rossi', email: 'maria@example.org' },
  documents: ['Carta d’identità scaduta', 'Una fototessera'],
  language: 'it',
  changeableUntil: '2027-03-28T06:30:00.000Z',
  canChange: true,
  attendance: { status: 'NOT_REQUIRED', confirmBy: null, confirmedAt: null },
};

/** A citizen signed in with SPID/CIE, as GET /api/citizen/me answers. */
export const CITIZEN: CitizenDto = { fiscalCode: 'BNCGLI90A41A944S', firstName: 'Giulia', lastName: 'Bianchi', email: 'giulia.bianchi@example.org' };

/** GET /api/config where the comune offers SPID/CIE, and where it does not. */
export const SIGN_IN_CONFIG: PublicConfigDto = {
  signIn: { available: true, providerName: 'SPID / CIE', loginUrl: '/api/citizen/login' },
  channels: { io: false },
};
export const NO_SIGN_IN_CONFIG: PublicConfigDto = { signIn: { available: false, providerName: null, loginUrl: null }, channels: { io: false } };
/** Where App IO is configured too: the booking form offers "Ricevi anche su App IO". */
export const IO_CONFIG: PublicConfigDto = { ...NO_SIGN_IN_CONFIG, channels: { io: true } };

/** One of the signed-in citizen's bookings: the CIE one of 2027-03-29, changeable (NOW is 2027-03-20). */
export const MINE: CitizenAppointmentDto = {
  code: 'CIE-7K3P9Q',
  start: '2027-03-29T08:30:00+02:00',
  end: '2027-03-29T09:00:00+02:00',
  officeId: 'office-1',
  serviceId: 'svc-cie',
  status: 'BOOKED',
  attendance: { status: 'NOT_REQUIRED', confirmBy: null, confirmedAt: null },
  timeZone: 'Europe/Rome',
  serviceCode: 'CIE',
  serviceName: { it: 'Carta d’identità elettronica', en: 'Electronic identity card' },
  officeName: 'URP Calderara di Reno',
  canChange: true,
};
