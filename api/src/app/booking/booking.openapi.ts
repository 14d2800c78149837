import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppointmentCreatedDto,
  AttendanceDto,
  AttendanceStatusDto,
  CitizenInput,
  CreateAppointmentRequest,
  CreateHoldRequest,
  HoldDto,
  HoldLimitBody,
  ManagedAppointmentDto,
  RescheduleRequest,
  SlotAlternativeDto,
  SlotUnavailableBody,
} from '@sportello/contracts';
import { NOTES_MAX_LENGTH } from '@sportello/contracts';
import { LocalizedTextDoc } from '../calendar/calendar.openapi';

// OpenAPI descriptions of booking; each class `implements` its contract interface.

export class CreateHoldDoc implements CreateHoldRequest {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ example: '2027-03-29T08:30:00+02:00' }) start: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A hold of this client given up for this one (another time, or after a reload): released in the same transaction, before the cap counts' })
  replacesHoldId?: string;
}

export class HoldLimitDoc implements HoldLimitBody {
  @ApiProperty({ enum: [429] }) statusCode: 429;
  @ApiProperty({ enum: ['HOLD_LIMIT_REACHED'] }) code: 'HOLD_LIMIT_REACHED';
  @ApiProperty() message: string;
  @ApiProperty({ description: "When the first of this client's open holds runs out (also Retry-After, in seconds)" }) retryAt: string;
}

export class HoldDoc implements HoldDto {
  @ApiProperty({ format: 'uuid' }) holdId: string;
  @ApiProperty({ example: '2027-03-20T10:10:00.000Z' }) expiresAt: string;
}

export class CitizenDoc implements CitizenInput {
  @ApiProperty({ example: 'Maria' }) firstName: string;
  @ApiProperty({ example: 'Rossi' }) lastName: string;
  @ApiProperty({ example: 'RSSMRA85T50A944X', description: 'Checked in full; lower case and spaces accepted' }) fiscalCode: string;
  @ApiProperty({ example: 'maria.rossi@example.it' }) email: string;
  @ApiPropertyOptional({ example: '+39 333 1234567' }) phone?: string;
}

export class CreateAppointmentDoc implements CreateAppointmentRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The hold to turn into the appointment' }) holdId?: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ example: '2027-03-29T08:30:00+02:00' }) start: string;
  @ApiProperty({ type: CitizenDoc }) citizen: CitizenDoc;
  @ApiPropertyOptional({ maxLength: NOTES_MAX_LENGTH }) notes?: string;
  @ApiProperty({ enum: ['it', 'en'] }) language: 'it' | 'en';
  @ApiProperty({ enum: [true] }) privacyAccepted: true;
}

export class AppointmentCreatedDoc implements AppointmentCreatedDto {
  @ApiProperty({ example: 'CIE-7K3P9Q' }) code: string;
  @ApiProperty({ example: '2027-03-29T08:30:00+02:00' }) start: string;
  @ApiProperty({ example: '2027-03-29T08:50:00+02:00' }) end: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ enum: ['BOOKED'] }) status: 'BOOKED';
  @ApiProperty({ example: 'http://localhost:3000/gestisci/…' }) manageUrl: string;
  @ApiProperty({ description: 'The last moment to cancel or move online; already past when booked inside CANCEL_CUTOFF_HOURS' }) changeableUntil: string;
}

class AttendanceDoc implements AttendanceDto {
  @ApiProperty({ enum: ['NOT_REQUIRED', 'PENDING', 'CONFIRMED'], description: 'Reconfirmation of attendance, where the office asks for it' })
  status: AttendanceStatusDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'PENDING: unconfirmed appointments are released at this instant' }) confirmBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) confirmedAt: string | null;
}

class ManagedCitizenDoc {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
}

export class ManagedAppointmentDoc implements ManagedAppointmentDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['BOOKED', 'CANCELLED'] }) status: 'BOOKED' | 'CANCELLED';
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ example: 'Europe/Rome' }) timeZone: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty() serviceCode: string;
  @ApiProperty({ type: LocalizedTextDoc }) serviceName: LocalizedTextDoc;
  @ApiProperty() officeName: string;
  @ApiProperty() officeAddress: string;
  @ApiProperty({ type: String, nullable: true }) officePhone: string | null;
  @ApiProperty({ type: String, nullable: true }) officeEmail: string | null;
  @ApiProperty({ description: 'The office on OpenStreetMap' }) officeMapUrl: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Fee in euro cents; null: free' }) feeCents: number | null;
  @ApiProperty({ type: LocalizedTextDoc, nullable: true }) feeNote: LocalizedTextDoc | null;
  @ApiProperty({ description: 'When the booking was made' }) bookedAt: string;
  @ApiProperty({ type: ManagedCitizenDoc }) citizen: ManagedCitizenDoc;
  @ApiProperty({ type: [String], description: 'Documents to bring, in the booking language' }) documents: string[];
  @ApiProperty({ enum: ['it', 'en'] }) language: 'it' | 'en';
  @ApiProperty() changeableUntil: string;
  @ApiProperty() canChange: boolean;
  @ApiProperty({ type: AttendanceDoc }) attendance: AttendanceDoc;
}

export class RescheduleDoc implements RescheduleRequest {
  @ApiProperty({ example: '2027-03-30T09:00:00+02:00' }) start: string;
}

export class SlotAlternativeDoc implements SlotAlternativeDto {
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class SlotUnavailableDoc implements SlotUnavailableBody {
  @ApiProperty({ enum: [409] }) statusCode: 409;
  @ApiProperty({ enum: ['SLOT_UNAVAILABLE'] }) code: 'SLOT_UNAVAILABLE';
  @ApiProperty() message: string;
  @ApiProperty({ type: [SlotAlternativeDoc], description: 'Up to five nearest free slots' }) alternatives: SlotAlternativeDoc[];
}
