import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AccessibilityNoteDto,
  AvailabilityDayDto,
  LegalNotesDto,
  PrivacyNoticeDto,
  ServiceSuspensionDto,
  AvailabilityDto,
  LocalizedText,
  OfficeDto,
  OnlineAlternativeDto,
  OpeningIntervalDto,
  ServiceDto,
  SlotDto,
} from '@sportello/contracts';

// OpenAPI descriptions of the calendar answers. Each class `implements` its contract
// interface, so the documentation cannot drift from what the api returns.

export class LocalizedTextDoc implements LocalizedText {
  @ApiProperty() it: string;
  @ApiProperty() en: string;
}

export class OpeningIntervalDoc implements OpeningIntervalDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '08:30' }) start: string;
  @ApiProperty({ example: '12:30' }) end: string;
}

export class OfficeDoc implements OfficeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'URP-CALDERARA' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() city: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: () => LocationDoc, nullable: true }) location: LocationDoc | null;
  @ApiProperty({ description: 'The office on OpenStreetMap: a pin at the location, else a search for the address' }) mapUrl: string;
  @ApiProperty({ example: 'Europe/Rome' }) timeZone: string;
  @ApiProperty({ example: 90, description: "Days after the appointment when the citizen's personal data are deleted" }) retentionDays: number;
  @ApiProperty({ example: 24, description: 'Cancelling and moving online close this long before the start' }) cancelCutoffHours: number;
  @ApiProperty({ type: [OpeningIntervalDoc] }) openingHours: OpeningIntervalDoc[];
}

export class LocationDoc {
  @ApiProperty({ example: 44.5641 }) latitude: number;
  @ApiProperty({ example: 11.2729 }) longitude: number;
}

export class ServiceSuspensionDoc implements ServiceSuspensionDto {
  @ApiProperty({ type: String, nullable: true, description: 'The reason staff gave for the closure over the first time' }) reason: string | null;
  @ApiProperty({ example: '2027-05-01T00:00:00+02:00', description: 'When the last of those closures ends' }) until: string;
  @ApiProperty({ example: '2027-04-30' }) lastClosedDate: string;
}

export class PrivacyNoticeDoc implements PrivacyNoticeDto {
  @ApiProperty({ type: String, nullable: true }) controller: string | null;
  @ApiProperty({ type: String, nullable: true }) controllerEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) dpoName: string | null;
  @ApiProperty({ type: String, nullable: true }) dpoEmail: string | null;
  @ApiProperty({ type: LocalizedTextDoc, nullable: true, description: "null: Sportello's standard text" }) purposes: LocalizedTextDoc | null;
  @ApiProperty({ type: LocalizedTextDoc, nullable: true }) legalBasis: LocalizedTextDoc | null;
  @ApiProperty({ type: LocalizedTextDoc, nullable: true }) recipients: LocalizedTextDoc | null;
  @ApiProperty({ example: 90 }) retentionDays: number;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
}

export class AccessibilityNoteDoc implements AccessibilityNoteDto {
  @ApiProperty({ type: String, nullable: true, example: 'https://form.agid.gov.it/view/…' }) declarationUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) feedbackEmail: string | null;
}

export class LegalNotesDoc implements LegalNotesDto {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty() officeName: string;
  @ApiProperty({ type: PrivacyNoticeDoc }) privacy: PrivacyNoticeDoc;
  @ApiProperty({ type: AccessibilityNoteDoc }) accessibility: AccessibilityNoteDoc;
}

export class OnlineAlternativeDoc implements OnlineAlternativeDto {
  @ApiProperty() url: string;
  @ApiProperty({ type: LocalizedTextDoc }) description: LocalizedTextDoc;
}

class DocumentsByLanguageDoc {
  @ApiProperty({ type: [String] }) it: string[];
  @ApiProperty({ type: [String] }) en: string[];
}

export class ServiceDoc implements ServiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ example: 'CIE' }) code: string;
  @ApiProperty({ description: 'Name in the language of the request' }) name: string;
  @ApiProperty({ type: LocalizedTextDoc }) names: LocalizedTextDoc;
  @ApiProperty({ type: LocalizedTextDoc }) description: LocalizedTextDoc;
  @ApiProperty({ example: 20 }) durationMinutes: number;
  @ApiProperty({ example: 2, description: 'Citizens per slot (parallel desks)' }) capacity: number;
  @ApiProperty({ type: [String], description: 'Documents to bring, in the language of the request' }) documents: string[];
  @ApiProperty({ type: DocumentsByLanguageDoc }) documentsByLanguage: DocumentsByLanguageDoc;
  @ApiProperty({ type: Number, nullable: true, description: 'Fee in euro cents' }) feeCents: number | null;
  @ApiPropertyOptional({ type: LocalizedTextDoc, nullable: true }) feeNote: LocalizedTextDoc | null;
  @ApiPropertyOptional({ type: OnlineAlternativeDoc, nullable: true }) onlineAlternative: OnlineAlternativeDoc | null;
  @ApiProperty({ type: ServiceSuspensionDoc, nullable: true, description: 'Closures take every time of the booking horizon' }) suspension: ServiceSuspensionDoc | null;
}

export class SlotDoc implements SlotDto {
  @ApiProperty({ example: '2027-03-29T08:30:00+02:00' }) start: string;
  @ApiProperty({ example: '2027-03-29T08:50:00+02:00' }) end: string;
  @ApiProperty({ example: 2 }) remaining: number;
}

export class AvailabilityDayDoc implements AvailabilityDayDto {
  @ApiProperty({ example: '2027-03-29' }) date: string;
  @ApiProperty({ type: [SlotDoc] }) slots: SlotDoc[];
}

export class AvailabilityDoc implements AvailabilityDto {
  @ApiProperty({ example: 'Europe/Rome' }) timeZone: string;
  @ApiProperty({ type: [AvailabilityDayDoc] }) days: AvailabilityDayDoc[];
}
