/** Shapes of the public calendar API (`/api/offices`, `/api/services`, `/api/availability`). */
import type * as z from 'zod';
import type { AvailabilityQuerySchema } from './schema/staff';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text kept in both languages the product speaks. */
export interface LocalizedText {
  it: string;
  en: string;
}

export interface OfficeDto {
  id: string;
  code: string;
  name: string;
  address: string;
  city: string;
  phone: string | null;
  email: string | null;
  /** Where the office is, when its managers set it (a pin on the map); null: the address is searched. */
  location: { latitude: number; longitude: number } | null;
  /** The office on OpenStreetMap (a link, never an embed). */
  mapUrl: string;
  timeZone: string;
  /** Days after the appointment when the citizen's personal data are deleted (the privacy notice states it). */
  retentionDays: number;
  /** Cancelling and moving online close this long before the start (the office's CANCEL_CUTOFF_HOURS). */
  cancelCutoffHours: number;
  /** Weekly opening hours of the office, for display ("lun 8:30–12:30"). */
  openingHours: OpeningIntervalDto[];
}

export interface OpeningIntervalDto {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time "HH:mm". */
  start: string;
  /** Local time "HH:mm". */
  end: string;
}

export interface OnlineAlternativeDto {
  url: string;
  description: LocalizedText;
}

export interface ServiceDto {
  id: string;
  officeId: string;
  code: string;
  /** Name in the language of the request (`Accept-Language`), Italian by default. */
  name: string;
  names: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  /** Parallel desks serving this service: how many citizens one slot takes. */
  capacity: number;
  /** "Cosa serve": documents to bring, in the language of the request. */
  documents: string[];
  documentsByLanguage: { it: string[]; en: string[] };
  /** Fee in euro cents; null when the service is free. */
  feeCents: number | null;
  feeNote: LocalizedText | null;
  onlineAlternative: OnlineAlternativeDto | null;
  /** Closures take every time of the booking horizon: booking is suspended (null otherwise). */
  suspension: ServiceSuspensionDto | null;
}

export interface ServiceSuspensionDto {
  /** Why, as staff wrote it on the closure over the first time; null when they gave none. */
  reason: string | null;
  /** ISO instant when the last of those closures ends (exclusive). */
  until: string;
  /** The last closed local date, YYYY-MM-DD (the day before `until` when it ends at midnight). */
  lastClosedDate: string;
}

/**
 * `GET /api/offices/{officeId}/legal`: the texts of the privacy notice (GDPR art. 13) and the
 * accessibility page, from the office's settings. Null texts: the page says Sportello's
 * standard text (what the software does with the data).
 */
export interface LegalNotesDto {
  officeId: string;
  officeName: string;
  privacy: PrivacyNoticeDto;
  accessibility: AccessibilityNoteDto;
}

export interface PrivacyNoticeDto {
  /** The data controller (titolare del trattamento): name and address. */
  controller: string | null;
  /** The controller's contact (e-mail or PEC). */
  controllerEmail: string | null;
  /** The data protection officer (RPD/DPO). */
  dpoName: string | null;
  dpoEmail: string | null;
  purposes: LocalizedText | null;
  legalBasis: LocalizedText | null;
  recipients: LocalizedText | null;
  /** The office's retention period (days after the appointment). */
  retentionDays: number;
  /** Where to exercise the rights: the office's e-mail and phone. */
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface AccessibilityNoteDto {
  /** The comune's accessibility declaration on form.agid.gov.it. */
  declarationUrl: string | null;
  /** Where to report an accessibility problem (the office's e-mail when none is set). */
  feedbackEmail: string | null;
}

export interface SlotDto {
  /** ISO-8601 with the local offset, e.g. 2027-03-29T08:30:00+02:00. */
  start: string;
  end: string;
  remaining: number;
}

export interface AvailabilityDayDto {
  /** Local date YYYY-MM-DD. */
  date: string;
  slots: SlotDto[];
}

export interface AvailabilityDto {
  timeZone: string;
  days: AvailabilityDayDto[];
}

export type AvailabilityQuery = z.input<typeof AvailabilityQuerySchema>;

/** The longest range `/api/availability` answers in one call. */
export const MAX_AVAILABILITY_RANGE_DAYS = 93;
