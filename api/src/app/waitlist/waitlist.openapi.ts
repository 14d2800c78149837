import { ApiProperty } from '@nestjs/swagger';
import type { CreateWaitlistEntryRequest, WaitlistEntryCreatedDto, WaitlistUnsubscribedDto } from '@sportello/contracts';

// OpenAPI descriptions of the waitlist; each class `implements` its contract interface.

export class CreateWaitlistEntryDoc implements CreateWaitlistEntryRequest {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ example: 'maria.rossi@example.it' }) email: string;
  @ApiProperty({ enum: ['it', 'en'], description: 'Language of the notice e-mail' }) language: 'it' | 'en';
  @ApiProperty({ enum: [true] }) privacyAccepted: true;
}

export class WaitlistEntryCreatedDoc implements WaitlistEntryCreatedDto {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ example: '2027-05-19T10:00:00.000Z', description: 'The entry is deleted after this, told or not' }) expiresAt: string;
}

export class WaitlistUnsubscribedDoc implements WaitlistUnsubscribedDto {
  @ApiProperty({ enum: ['UNSUBSCRIBED'] }) status: 'UNSUBSCRIBED';
}
