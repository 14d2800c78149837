import { NOTES_MAX_LENGTH } from '@sportello/contracts';
import { validateFiscalCode } from '@sportello/domain';
import { BodyReader } from '../common/body';

/** A validated booking request: instants parsed, codice fiscale normalised. */
export interface BookingInput {
  holdId?: string;
  officeId: string;
  serviceId: string;
  start: Date;
  citizen: { firstName: string; lastName: string; fiscalCode: string; email: string; phone: string | null };
  notes: string | null;
  language: 'it' | 'en';
}

export interface HoldInput {
  officeId: string;
  serviceId: string;
  start: Date;
  replacesHoldId?: string;
}

// Letters of any script, spaces, apostrophes (straight and typographic), dots and hyphens.
const PERSON_NAME = /^[\p{L}][\p{L}\p{M} '’.-]*$/u;
const PHONE = /^\+?[0-9][0-9 ./-]{5,19}$/;

export function readHoldRequest(body: unknown): HoldInput {
  const reader = new BodyReader(body);
  const replaces = reader.optionalUuid('replacesHoldId');
  const input: HoldInput = { officeId: reader.uuid('officeId'), serviceId: reader.uuid('serviceId'), start: reader.instant('start'), ...(replaces && { replacesHoldId: replaces.toLowerCase() }) };
  reader.done();
  return input;
}

export function readRescheduleRequest(body: unknown): Date {
  const reader = new BodyReader(body);
  const start = reader.instant('start');
  reader.done();
  return start;
}

export function readBookingRequest(body: unknown): BookingInput {
  const reader = new BodyReader(body);
  const holdId = reader.optionalUuid('holdId');
  const officeId = reader.uuid('officeId');
  const serviceId = reader.uuid('serviceId');
  const start = reader.instant('start');
  const citizen = reader.object('citizen');
  const firstName = personName(citizen, 'firstName');
  const lastName = personName(citizen, 'lastName');
  const fiscalCode = fiscalCodeOf(citizen);
  const email = citizen.email('email');
  const phone = citizen.optionalText('phone', 30);
  if (phone !== undefined && !PHONE.test(phone)) citizen.add('phone', 'field.phone');
  const notes = reader.optionalText('notes', NOTES_MAX_LENGTH);
  const language = reader.oneOf('language', ['it', 'en'], 'field.language');
  reader.isTrue('privacyAccepted', 'field.privacy');
  reader.done();
  return { holdId, officeId, serviceId, start, citizen: { firstName, lastName, fiscalCode, email, phone: phone ?? null }, notes: notes ?? null, language };
}

function personName(reader: BodyReader, field: string): string {
  const value = reader.text(field, 100);
  if (value && !PERSON_NAME.test(value)) reader.add(field, 'field.name');
  return value.replace(/\s+/g, ' ');
}

function fiscalCodeOf(reader: BodyReader): string {
  const value = reader.text('fiscalCode', 40);
  if (!value) return '';
  const result = validateFiscalCode(value);
  if (!result.valid) reader.add('fiscalCode', `fiscalCode.${result.reason}`);
  return result.normalized;
}
