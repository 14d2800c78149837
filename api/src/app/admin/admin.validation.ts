import type { DeskInput, OfficeInput, OfficeSettingsInput, OpeningIntervalDto, PrivacySettingsDto, ServiceInput, ServiceOutcomeInput, StaffRole, StaffUserCreateInput, StaffUserUpdateInput } from '@sportello/contracts';
import { STAFF_ROLES } from '@sportello/contracts';
import { weeklyScheduleIssues } from '@sportello/domain';
import type { PasswordOwner } from '@sportello/domain';
import { IANAZone } from 'luxon';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password';
import { newPasswordProblem, PASSWORD_MESSAGES } from '../auth/password-strength';
import { normaliseUsername, USERNAME } from '../auth/staff-accounts';
import { ApiError } from '../common/api-error';
import { BodyReader } from '../common/body';
import type { MessageKey } from '../common/messages';

// Reading the admin pages' bodies: every wrong field at once (400 VALIDATION_FAILED), in
// the api's it/en messages, before anything is read from or written to the database.

const OFFICE_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const SERVICE_CODE = /^[A-Z][A-Z0-9]{0,9}$/;
const TICKET_PREFIX = /^[A-Z]{1,3}$/;
const OUTCOME_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const HTTPS_URL = /^https:\/\/[^\s]+$/;
/** AgID publishes every accessibility declaration on its form service. */
const AGID_FORM_URL = /^https:\/\/form\.agid\.gov\.it\/[^\s]*$/;
const PRIVACY_TEXT_MAX = 4000;
/** Days in each month of a leap year: 29 February is a valid patron saint's day. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** INFO_ONLY is every service's outcome already (the front desk adds it). */
export const RESERVED_OUTCOME = 'INFO_ONLY';

export function readOffice(body: unknown, creating: boolean): OfficeInput {
  const reader = new BodyReader(body);
  const code = reader.text('code', 40).toUpperCase();
  if (code && !OFFICE_CODE.test(code)) reader.add('code', 'office.codeFormat');
  const input: OfficeInput = {
    code,
    name: reader.text('name', 200),
    address: reader.text('address', 300),
    city: reader.text('city', 100),
    phone: reader.nullableText('phone', 40),
    email: reader.nullableText('email', 200)?.toLowerCase() ?? null,
    latitude: reader.nullableNumber('latitude', -90, 90),
    longitude: reader.nullableNumber('longitude', -180, 180),
  };
  if (input.email && !EMAIL.test(input.email)) reader.add('email', 'field.email');
  if ((input.latitude === null) !== (input.longitude === null) && !reader.hasProblem('latitude') && !reader.hasProblem('longitude')) {
    reader.add(input.latitude === null ? 'latitude' : 'longitude', 'office.locationPair');
  }
  if (creating) {
    input.timeZone = reader.optionalText('timeZone', 64) ?? 'Europe/Rome';
    if (!IANAZone.isValidZone(input.timeZone)) reader.add('timeZone', 'field.timeZone');
  }
  reader.done();
  return input;
}

export function readSettings(body: unknown, reconfirmDeadlineHours: number): OfficeSettingsInput {
  const reader = new BodyReader(body);
  const input: OfficeSettingsInput = {
    bookingHorizonDays: reader.integer('bookingHorizonDays', 1, 730),
    minNoticeMinutes: reader.integer('minNoticeMinutes', 0, 10_080),
    reconfirmRequired: reader.optionalBoolean('reconfirmRequired', true) ?? false,
    holdMinutes: reader.nullableInteger('holdMinutes', 1, 120),
    cancelCutoffHours: reader.nullableInteger('cancelCutoffHours', 0, 720),
    reminderHoursBefore: reader.nullableInteger('reminderHoursBefore', 1, 720),
    maxActivePerFiscalCode: reader.nullableInteger('maxActivePerFiscalCode', 1, 50),
    retentionDays: reader.nullableInteger('retentionDays', 1, 3650),
    mandateStart: reader.nullableDate('mandateStart'),
    mandateEnd: reader.nullableDate('mandateEnd'),
    patronSaint: null,
  };
  // The privacy notice and the accessibility page: absent keeps what is saved (older clients).
  if (reader.raw('privacy') !== undefined) input.privacy = readPrivacy(reader.object('privacy'));
  if (reader.raw('accessibility') !== undefined) {
    const a = reader.object('accessibility');
    input.accessibility = { declarationUrl: a.nullableText('declarationUrl', 500), feedbackEmail: a.nullableText('feedbackEmail', 200)?.toLowerCase() ?? null };
    if (input.accessibility.declarationUrl && !AGID_FORM_URL.test(input.accessibility.declarationUrl)) a.add('declarationUrl', 'settings.agidUrl');
    if (input.accessibility.feedbackEmail && !EMAIL.test(input.accessibility.feedbackEmail)) a.add('feedbackEmail', 'field.email');
  }
  if (input.reminderHoursBefore !== null && input.reminderHoursBefore <= reconfirmDeadlineHours) {
    reader.add('reminderHoursBefore', 'settings.reminderDeadline', { hours: reconfirmDeadlineHours });
  }
  if (input.mandateStart && input.mandateEnd && input.mandateEnd <= input.mandateStart) reader.add('mandateEnd', 'settings.mandateOrder');
  const patron = reader.raw('patronSaint');
  if (patron !== undefined && patron !== null) {
    const saint = reader.object('patronSaint');
    const month = saint.integer('month', 1, 12);
    const day = saint.integer('day', 1, 31);
    if (!saint.hasProblem('month') && !saint.hasProblem('day') && day > MONTH_DAYS[month - 1]) saint.add('day', 'field.monthDay');
    input.patronSaint = { month, day };
  }
  reader.done();
  return input;
}

/** A text of the privacy notice in both languages; both blank is null (the standard text). */
function legalText(reader: BodyReader, field: string): { it: string; en: string } | null {
  if (reader.raw(field) === undefined || reader.raw(field) === null) return null;
  const text = reader.object(field);
  const it = text.optionalText('it', PRIVACY_TEXT_MAX) ?? '';
  const en = text.optionalText('en', PRIVACY_TEXT_MAX) ?? '';
  return it || en ? { it, en } : null;
}

function readPrivacy(reader: BodyReader): PrivacySettingsDto {
  const privacy: PrivacySettingsDto = {
    controller: reader.nullableText('controller', 300),
    controllerEmail: reader.nullableText('controllerEmail', 200)?.toLowerCase() ?? null,
    dpoName: reader.nullableText('dpoName', 200),
    dpoEmail: reader.nullableText('dpoEmail', 200)?.toLowerCase() ?? null,
    purposes: legalText(reader, 'purposes'),
    legalBasis: legalText(reader, 'legalBasis'),
    recipients: legalText(reader, 'recipients'),
  };
  for (const field of ['controllerEmail', 'dpoEmail'] as const) {
    const value = privacy[field];
    if (value && !EMAIL.test(value)) reader.add(field, 'field.email');
  }
  return privacy;
}

function localized(reader: BodyReader, field: string, max: number, required: boolean): { it: string; en: string } {
  if (!required && (reader.raw(field) === undefined || reader.raw(field) === null)) return { it: '', en: '' };
  const text = reader.object(field);
  return required ? { it: text.text('it', max), en: text.text('en', max) } : { it: text.optionalText('it', max) ?? '', en: text.optionalText('en', max) ?? '' };
}

/** The Italian name is required; the English one may be left empty and is then the Italian one. */
function serviceNames(reader: BodyReader): { it: string; en: string } {
  const names = reader.object('names');
  const it = names.text('it', 200);
  const en = names.optionalText('en', 200) ?? '';
  return { it, en: en || it };
}

export function readService(body: unknown): ServiceInput & { confirm: boolean } {
  const reader = new BodyReader(body);
  const code = reader.text('code', 10).toUpperCase();
  if (code && !SERVICE_CODE.test(code)) reader.add('code', 'service.codeFormat');
  const ticketPrefix = reader.text('ticketPrefix', 3).toUpperCase();
  if (ticketPrefix && !TICKET_PREFIX.test(ticketPrefix)) reader.add('ticketPrefix', 'service.ticketPrefix');
  const names = serviceNames(reader);
  const descriptions = localized(reader, 'descriptions', 2000, false);
  const documents = reader.raw('documents') === undefined || reader.raw('documents') === null ? { it: [], en: [] } : documentsOf(reader.object('documents'));
  const feeNote = reader.raw('feeNote') === undefined || reader.raw('feeNote') === null ? null : localized(reader, 'feeNote', 500, false);
  let onlineAlternative: ServiceInput['onlineAlternative'] = null;
  if (reader.raw('onlineAlternative') !== undefined && reader.raw('onlineAlternative') !== null) {
    const online = reader.object('onlineAlternative');
    const url = online.text('url', 500);
    if (url && !HTTPS_URL.test(url)) online.add('url', 'field.url');
    onlineAlternative = { url, description: localized(online, 'description', 1000, false) };
  }
  const outcomes: ServiceOutcomeInput[] = [];
  reader.list('outcomes', 30).forEach((item, index) => {
    const outcome = { code: item.text('code', 40).toUpperCase(), it: item.text('it', 100), en: item.text('en', 100) };
    if (outcome.code && !OUTCOME_CODE.test(outcome.code)) item.add('code', 'service.outcomeCode');
    else if (outcome.code === RESERVED_OUTCOME) item.add('code', 'service.outcomeReserved');
    else if (outcome.code && outcomes.slice(0, index).some((o) => o.code === outcome.code)) item.add('code', 'field.duplicate');
    outcomes.push(outcome);
  });
  const input = {
    code,
    names,
    descriptions,
    durationMinutes: reader.integer('durationMinutes', 5, 480),
    capacity: reader.integer('capacity', 0, 100),
    documents,
    feeCents: reader.nullableInteger('feeCents', 0, 10_000_000),
    feeNote: feeNote && (feeNote.it || feeNote.en) ? feeNote : null,
    onlineAlternative,
    sortOrder: reader.has('sortOrder') ? reader.integer('sortOrder', -1000, 1000) : 0,
    active: reader.optionalBoolean('active') ?? true,
    ticketPrefix,
    outcomes,
    confirm: reader.optionalBoolean('confirm') ?? false,
  };
  reader.done();
  return input;
}

function documentsOf(reader: BodyReader): { it: string[]; en: string[] } {
  return { it: reader.texts('it', 20, 300), en: reader.texts('en', 20, 300) };
}

const INTERVAL_KEYS: Record<string, MessageKey> = { WEEKDAY: 'hours.weekday', START: 'field.time', END: 'field.time', ORDER: 'time.order', OVERLAP: 'hours.overlap' };

export function readOpeningHours(body: unknown): { serviceId: string | null; intervals: OpeningIntervalDto[]; confirm: boolean } {
  const reader = new BodyReader(body);
  const serviceId = reader.optionalUuid('serviceId') ?? null;
  const items = reader.list('intervals', 70, true);
  const raw = items.map((item) => ({ weekday: item.raw('weekday'), start: item.raw('start'), end: item.raw('end') }));
  for (const issue of weeklyScheduleIssues(raw)) items[issue.index].add(issue.field, INTERVAL_KEYS[issue.problem]);
  const confirm = reader.optionalBoolean('confirm') ?? false;
  reader.done();
  return { serviceId, intervals: raw.map((i) => ({ weekday: i.weekday as number, start: i.start as string, end: i.end as string })), confirm };
}

export function readDesk(body: unknown): DeskInput & { confirm: boolean } {
  const reader = new BodyReader(body);
  const input = {
    number: reader.integer('number', 1, 999),
    name: reader.text('name', 60),
    active: reader.optionalBoolean('active') ?? true,
    serviceIds: reader.uuids('serviceIds', 50),
    confirm: reader.optionalBoolean('confirm') ?? false,
  };
  reader.done();
  return input;
}

function readRole(reader: BodyReader): StaffRole {
  const role = reader.raw('role');
  if (role === undefined || role === null || role === '') reader.add('role', 'field.required');
  else if (!STAFF_ROLES.includes(role as StaffRole)) reader.add('role', 'field.oneOf', { allowed: STAFF_ROLES.join(', ') });
  else return role as StaffRole;
  return 'operator';
}

/**
 * A new password: the policy of libs/domain (length, not the account's names, zxcvbn score
 * ≥ 3). Without `owner` (a reset, where the account is read later) only its length here;
 * the service checks the rest with `requireStrongPassword`.
 */
function checkPassword(reader: BodyReader, field: string, owner: PasswordOwner | null): string {
  const password = reader.secret(field, 10_000);
  if (!password) return password;
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) reader.add(field, 'password.TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  else if (length > MAX_PASSWORD_LENGTH) reader.add(field, 'password.TOO_LONG', { max: MAX_PASSWORD_LENGTH });
  else if (owner) {
    const problem = newPasswordProblem(password, owner);
    if (problem) reader.add(field, PASSWORD_MESSAGES[problem], { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  }
  return password;
}

/** 400 naming `password` unless it is strong enough for this account. */
export function requireStrongPassword(password: string, owner: PasswordOwner): void {
  const problem = newPasswordProblem(password, owner);
  if (problem) throw ApiError.validation([{ field: 'password', key: PASSWORD_MESSAGES[problem], params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH } }]);
}

function checkOffices(reader: BodyReader, role: StaffRole, officeIds: string[]): string[] {
  if (role === 'admin') return [];
  if (officeIds.length === 0 && !reader.hasProblem('officeIds') && !reader.hasProblem('role')) reader.add('officeIds', 'staff.officesRequired');
  return officeIds;
}

export function readStaffCreate(body: unknown): StaffUserCreateInput {
  const reader = new BodyReader(body);
  const username = normaliseUsername(reader.text('username', 64));
  if (username && !USERNAME.test(username)) reader.add('username', 'staff.usernameFormat');
  const displayName = reader.text('displayName', 120);
  const role = readRole(reader);
  const password = checkPassword(reader, 'password', { username, displayName });
  const officeIds = checkOffices(reader, role, reader.uuids('officeIds', 100));
  reader.done();
  return { username, displayName, role, password, officeIds };
}

export function readStaffUpdate(body: unknown): StaffUserUpdateInput {
  const reader = new BodyReader(body);
  const displayName = reader.text('displayName', 120);
  const role = readRole(reader);
  const active = reader.optionalBoolean('active', true) ?? true;
  const officeIds = checkOffices(reader, role, reader.uuids('officeIds', 100));
  reader.done();
  return { displayName, role, active, officeIds };
}

export function readPassword(body: unknown): string {
  const reader = new BodyReader(body);
  const password = checkPassword(reader, 'password', null);
  reader.done();
  return password;
}
