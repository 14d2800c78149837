/** Request schemas of booking (`/api/holds`, `/api/appointments`) and the waitlist. */
import { validateFiscalCode } from '@sportello/domain';
import { NOTES_MAX_LENGTH } from '../booking';
import { body, email, field, instant, isTrue, object, oneOf, optionalBoolean, optionalText, optionalUuid, orNull, text, uuid } from './fields';
import { LANGUAGES } from '../calendar';

// Letters of any script, spaces, apostrophes (straight and typographic), dots and hyphens.
const PERSON_NAME = /^[\p{L}][\p{L}\p{M} '’.-]*$/u;
const PHONE = /^\+?[0-9][0-9 ./-]{5,19}$/;

/** A first or last name: 1..100 letters (spaces collapsed). */
const personName = (example: string) =>
  text(100, { example }).transform((value, ctx) => {
    if (!PERSON_NAME.test(value)) ctx.issues.push({ code: 'custom', message: 'field.name', input: value });
    return value.replace(/\s+/g, ' ');
  });

/** The codice fiscale, checked in full by the domain's `validateFiscalCode`, normalised (upper case, no spaces). */
export const fiscalCode = () =>
  text(40, { example: 'RSSMRA85T50A944X', description: 'Checked in full; lower case and spaces accepted' }).transform((value, ctx) => {
    const result = validateFiscalCode(value);
    if (!result.valid) ctx.issues.push({ code: 'custom', message: `fiscalCode.${result.reason}`, input: value });
    return result.normalized;
  });

const phone = () =>
  field<string | null, string | null>({ type: ['string', 'null'], maxLength: 30, example: '+39 333 1234567' }, (raw, fail) => {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
    if (typeof raw !== 'string') return fail('field.text');
    const value = raw.trim();
    if ([...value].length > 30) return fail('field.tooLong', { max: 30 });
    return PHONE.test(value) ? value : fail('field.phone');
  })
    .optional()
    .transform((value) => value ?? null);

export const CreateHoldRequestSchema = body({
  // Read first, as it always was: its problem comes first in the list.
  replacesHoldId: optionalUuid({
    description: 'A hold of this client given up for this one (another time, or after a reload): released in the same transaction, before the cap counts',
  }),
  officeId: uuid(),
  serviceId: uuid(),
  start: instant({ description: "The slot's start, as returned by /api/availability" }),
}).meta({ id: 'CreateHoldRequest' });

export const RescheduleRequestSchema = body({ start: instant({ example: '2027-03-30T09:00:00+02:00' }) }).meta({ id: 'RescheduleRequest' });

export const CitizenInputSchema = object({
  firstName: personName('Maria'),
  lastName: personName('Rossi'),
  fiscalCode: fiscalCode(),
  email: email(),
  phone: phone(),
});

export const CreateAppointmentRequestSchema = body({
  holdId: optionalUuid({ description: 'The hold to turn into the appointment' }),
  officeId: uuid(),
  serviceId: uuid(),
  start: instant(),
  citizen: CitizenInputSchema,
  notes: optionalText(NOTES_MAX_LENGTH).transform((value) => value ?? null),
  language: oneOf(LANGUAGES, 'field.language'),
  privacyAccepted: isTrue('field.privacy'),
  channels: orNull(
    object({
      io: optionalBoolean(true, { description: 'Also send the messages through App IO (by codice fiscale), where the office has it configured' }),
    }),
  ).transform((channels) => ({ io: channels?.io ?? true })),
}).meta({ id: 'CreateAppointmentRequest' });

export const CreateWaitlistEntryRequestSchema = body({
  officeId: uuid(),
  serviceId: uuid(),
  email: email(),
  language: oneOf(LANGUAGES, 'field.language', { description: 'Language of the notice e-mail' }),
  privacyAccepted: isTrue('field.privacyWaitlist'),
}).meta({ id: 'CreateWaitlistEntryRequest' });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** The Idempotency-Key header of POST /api/appointments: 8..200 visible ASCII characters, optional. */
export const IdempotencyKeySchema = field<string, string | undefined>(
  { type: 'string', pattern: '^[\\x21-\\x7e]{8,200}$', description: 'Repeats with the same key return the first answer and book nothing more' },
  (raw, fail) => (raw === undefined ? undefined : typeof raw === 'string' && IDEMPOTENCY_KEY.test(raw) ? raw : fail('idempotency.key')),
).optional();
