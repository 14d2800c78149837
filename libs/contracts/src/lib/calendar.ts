/** Shapes of the public calendar API (`/api/offices`, `/api/services`, `/api/availability`). */

export type Language = 'it' | 'en';

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
  timeZone: string;
  /** Days after the appointment when the citizen's personal data are deleted (the privacy notice states it). */
  retentionDays: number;
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

export interface AvailabilityQuery {
  officeId: string;
  serviceId: string;
  from: string;
  to: string;
}

/** The longest range `/api/availability` answers in one call. */
export const MAX_AVAILABILITY_RANGE_DAYS = 93;
