import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest, StaffOfficeDto, StaffRole, StaffSessionDto, StaffUserDto } from '@sportello/contracts';
import { STAFF_ROLES } from '@sportello/contracts';

// OpenAPI descriptions of the staff login; each class `implements` its contract interface.

export class LoginDoc implements LoginRequest {
  @ApiProperty({ example: 'operatore', description: 'Case-insensitive' }) username: string;
  @ApiProperty({ example: 'sportello-demo', format: 'password' }) password: string;
}

export class StaffOfficeDoc implements StaffOfficeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'URP – Ufficio Relazioni con il Pubblico' }) name: string;
}

export class StaffUserDoc implements StaffUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'operatore' }) username: string;
  @ApiProperty({ example: 'Operatore di sportello' }) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ type: [StaffOfficeDoc], description: 'Every office for an admin' }) offices: StaffOfficeDoc[];
}

export class StaffSessionDoc implements StaffSessionDto {
  @ApiProperty({ type: StaffUserDoc }) user: StaffUserDoc;
}
