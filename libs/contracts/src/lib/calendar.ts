/** Shapes of the public calendar API (`/api/offices`, `/api/services`, `/api/availability`). */
import type {
  AccessibilityNoteDtoSchema,
  AvailabilityDayDtoSchema,
  AvailabilityDtoSchema,
  LegalNotesDtoSchema,
  LocalizedTextSchema,
  OfficeDtoSchema,
  OnlineAlternativeDtoSchema,
  OpeningIntervalDtoSchema,
  PrivacyNoticeDtoSchema,
  ServiceDtoSchema,
  ServiceSuspensionDtoSchema,
  SlotDtoSchema,
} from './schema/answers';
import type * as z from 'zod';
import type { AvailabilityQuerySchema } from './schema/staff';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text kept in both languages the product speaks. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export type OfficeDto = z.infer<typeof OfficeDtoSchema>;

export type OpeningIntervalDto = z.infer<typeof OpeningIntervalDtoSchema>;

export type OnlineAlternativeDto = z.infer<typeof OnlineAlternativeDtoSchema>;

export type ServiceDto = z.infer<typeof ServiceDtoSchema>;

export type ServiceSuspensionDto = z.infer<typeof ServiceSuspensionDtoSchema>;

/**
 * `GET /api/offices/{officeId}/legal`: the texts of the privacy notice (GDPR art. 13) and the
 * accessibility page, from the office's settings. Null texts: the page says Sportello's
 * standard text (what the software does with the data).
 */
export type LegalNotesDto = z.infer<typeof LegalNotesDtoSchema>;

export type PrivacyNoticeDto = z.infer<typeof PrivacyNoticeDtoSchema>;

export type AccessibilityNoteDto = z.infer<typeof AccessibilityNoteDtoSchema>;

export type SlotDto = z.infer<typeof SlotDtoSchema>;

export type AvailabilityDayDto = z.infer<typeof AvailabilityDayDtoSchema>;

export type AvailabilityDto = z.infer<typeof AvailabilityDtoSchema>;

export type AvailabilityQuery = z.input<typeof AvailabilityQuerySchema>;

/** The longest range `/api/availability` answers in one call. */
export const MAX_AVAILABILITY_RANGE_DAYS = 93;
