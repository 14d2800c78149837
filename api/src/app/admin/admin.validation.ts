import type {
  DeskInput,
  OfficeInput,
  OfficeSettingsInput,
  OpeningIntervalDto,
  ServiceInput,
  StaffUserCreateInput,
  StaffUserUpdateInput,
} from '@sportello/contracts';
import {
  DeskRequestSchema,
  NewOfficeRequestSchema,
  OfficeRequestSchema,
  officeSettingsRequestSchema,
  OpeningHoursRequestSchema,
  PasswordResetRequestSchema,
  ServiceRequestSchema,
  staffUserCreateRequestSchema,
  StaffUserUpdateRequestSchema,
} from '@sportello/contracts/schemas';
import type { PasswordStrength } from '@sportello/contracts/schemas';
import type { PasswordOwner } from '@sportello/domain';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password';
import { newPasswordProblem, PASSWORD_MESSAGES } from '../auth/password-strength';
import { ApiError } from '../common/api-error';
import { parse } from '../common/validation';

// The admin pages' bodies, read by their schemas in libs/contracts: every wrong field at
// once (400 VALIDATION_FAILED), before anything is read from or written to the database.

export function readOffice(body: unknown, creating: boolean): OfficeInput {
  return creating ? parse(NewOfficeRequestSchema, body) : parse(OfficeRequestSchema, body);
}

export function readSettings(body: unknown, reconfirmDeadlineHours: number): OfficeSettingsInput {
  return parse(officeSettingsRequestSchema(reconfirmDeadlineHours), body);
}

export function readService(body: unknown): ServiceInput & { confirm: boolean } {
  return parse(ServiceRequestSchema, body);
}

export function readOpeningHours(body: unknown): { serviceId: string | null; intervals: OpeningIntervalDto[]; confirm: boolean } {
  return parse(OpeningHoursRequestSchema, body);
}

export function readDesk(body: unknown): DeskInput & { confirm: boolean } {
  return parse(DeskRequestSchema, body);
}

/** The password policy of libs/domain with zxcvbn (length, not the account's names, score ≥ 3). */
const strength: PasswordStrength = (password, owner) => {
  const problem = newPasswordProblem(password, owner);
  return problem ? { key: PASSWORD_MESSAGES[problem], params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH } } : null;
};
const StaffUserCreate = staffUserCreateRequestSchema(strength);

export function readStaffCreate(body: unknown): StaffUserCreateInput {
  return parse(StaffUserCreate, body);
}

export function readStaffUpdate(body: unknown): StaffUserUpdateInput {
  return parse(StaffUserUpdateRequestSchema, body);
}

/** A reset: only the password's length here (the account is read later: `requireStrongPassword`). */
export function readPassword(body: unknown): string {
  return parse(PasswordResetRequestSchema, body).password;
}

/** 400 naming `password` unless it is strong enough for this account. */
export function requireStrongPassword(password: string, owner: PasswordOwner): void {
  const problem = newPasswordProblem(password, owner);
  if (problem)
    throw ApiError.validation([{ field: 'password', key: PASSWORD_MESSAGES[problem], params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH } }]);
}
