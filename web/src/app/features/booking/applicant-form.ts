/**
 * The "Richiedente" form as plain data: its values, the checks made in the browser (the
 * same rules as the api's, so a valid form is accepted) and the mapping of the api's
 * field errors onto the form's fields.
 */
import type { CitizenInput, FieldError } from '@sportello/contracts';
import { NOTES_MAX_LENGTH } from '@sportello/contracts';
import { FiscalCodeProblem, normalizeFiscalCode, validateFiscalCode } from '@sportello/domain';
import type { MessageKey, PluralKey } from '../../core/i18n/i18n';

export interface ApplicantForm {
  firstName: string;
  lastName: string;
  fiscalCode: string;
  email: string;
  phone: string;
  notes: string;
  privacyAccepted: boolean;
}

export type ApplicantField = keyof ApplicantForm;

/** The fields in the order they appear (and errors are listed). */
export const APPLICANT_FIELDS: readonly ApplicantField[] = ['firstName', 'lastName', 'fiscalCode', 'email', 'phone', 'notes', 'privacyAccepted'];

export const EMPTY_APPLICANT: ApplicantForm = {
  firstName: '',
  lastName: '',
  fiscalCode: '',
  email: '',
  phone: '',
  notes: '',
  privacyAccepted: false,
};

/** A problem found in the browser: a dictionary key and its parameters. */
export interface FieldProblem {
  key: MessageKey | PluralKey;
  params?: Record<string, string | number>;
  /** `key` is a plural stem, chosen by `params.count`. */
  plural?: boolean;
}

export type ApplicantProblems = Partial<Record<ApplicantField, FieldProblem>>;

// The api's rules (booking.validation.ts), repeated so the form never sends what it refuses.
const PERSON_NAME = /^[\p{L}][\p{L}\p{M} '’.-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ./-]{5,19}$/;
const NAME_MAX_LENGTH = 100;
const EMAIL_MAX_LENGTH = 254;
const PHONE_MAX_LENGTH = 30;

const FISCAL_CODE_KEYS: Record<FiscalCodeProblem, MessageKey | PluralKey> = {
  EMPTY: 'applicant.error.fiscalCode.EMPTY',
  LENGTH: 'applicant.error.fiscalCode.LENGTH',
  FORMAT: 'applicant.error.fiscalCode.FORMAT',
  MONTH: 'applicant.error.fiscalCode.MONTH',
  DAY: 'applicant.error.fiscalCode.DAY',
  CHECK_CHARACTER: 'applicant.error.fiscalCode.CHECK_CHARACTER',
};

/** The message for a codice fiscale, or null when it is valid (lower case and spaces are fine). */
export function fiscalCodeProblem(value: string): FieldProblem | null {
  const result = validateFiscalCode(value);
  if (result.valid) return null;
  if (result.reason === 'LENGTH') return { key: 'applicant.error.fiscalCode.LENGTH', params: { count: result.normalized.length }, plural: true };
  return { key: FISCAL_CODE_KEYS[result.reason] };
}

function length(value: string): number {
  return [...value].length;
}

function nameProblem(value: string, empty: MessageKey): FieldProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return { key: empty };
  if (length(trimmed) > NAME_MAX_LENGTH) return { key: 'applicant.error.tooLong', params: { max: NAME_MAX_LENGTH } };
  if (!PERSON_NAME.test(trimmed)) return { key: 'applicant.error.name' };
  return null;
}

/** Every problem of the form, by field; an empty object means it can be sent. */
export function validateApplicant(form: ApplicantForm): ApplicantProblems {
  const problems: ApplicantProblems = {};
  const set = (field: ApplicantField, problem: FieldProblem | null) => {
    if (problem) problems[field] = problem;
  };

  set('firstName', nameProblem(form.firstName, 'applicant.error.firstName.empty'));
  set('lastName', nameProblem(form.lastName, 'applicant.error.lastName.empty'));
  set('fiscalCode', fiscalCodeProblem(form.fiscalCode));

  const email = form.email.trim();
  if (!email) set('email', { key: 'applicant.error.email.empty' });
  else if (length(email) > EMAIL_MAX_LENGTH || !EMAIL.test(email)) set('email', { key: 'applicant.error.email' });

  const phone = form.phone.trim();
  if (phone && (length(phone) > PHONE_MAX_LENGTH || !PHONE.test(phone))) set('phone', { key: 'applicant.error.phone' });

  const notes = length(form.notes.trim());
  if (notes > NOTES_MAX_LENGTH) {
    set('notes', { key: 'applicant.error.notes', params: { max: NOTES_MAX_LENGTH, count: notes - NOTES_MAX_LENGTH } });
  }

  if (!form.privacyAccepted) set('privacyAccepted', { key: 'applicant.error.privacy' });
  return problems;
}

/** What the api receives: trimmed, the codice fiscale normalised, empty optionals left out. */
export function toCitizen(form: ApplicantForm): CitizenInput {
  const phone = form.phone.trim();
  return {
    firstName: form.firstName.trim().replace(/\s+/g, ' '),
    lastName: form.lastName.trim().replace(/\s+/g, ' '),
    fiscalCode: normalizeFiscalCode(form.fiscalCode),
    email: form.email.trim(),
    ...(phone ? { phone } : {}),
  };
}

/** The api's field paths that belong to the form. */
const SERVER_FIELDS = new Map<string, ApplicantField>([
  ['citizen.firstName', 'firstName'],
  ['citizen.lastName', 'lastName'],
  ['citizen.fiscalCode', 'fiscalCode'],
  ['citizen.email', 'email'],
  ['citizen.phone', 'phone'],
  ['notes', 'notes'],
  ['privacyAccepted', 'privacyAccepted'],
]);

export interface MappedServerErrors {
  /** Localized messages from the api, by form field (the first per field). */
  fields: Partial<Record<ApplicantField, string>>;
  /** Messages about anything else (the time, the office…), to show as they are. */
  other: string[];
}

/** Puts a 400's field errors (`citizen.fiscalCode` …) on the form's fields. */
export function mapServerErrors(errors: readonly FieldError[]): MappedServerErrors {
  const result: MappedServerErrors = { fields: {}, other: [] };
  for (const error of errors) {
    const field = SERVER_FIELDS.get(error.field);
    if (field) {
      result.fields[field] ??= error.message;
    } else {
      result.other.push(error.message);
    }
  }
  return result;
}
