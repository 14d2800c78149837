import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AvailabilityDayDto,
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
  @ApiProperty({ example: 'Europe/Rome' }) timeZone: string;
  @ApiProperty({ example: 90, description: "Days after the appointment when the citizen's personal data are deleted" }) retentionDays: number;
  @ApiProperty({ type: [OpeningIntervalDoc] }) openingHours: OpeningIntervalDoc[];
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
