/**
 * The "Richiedente" form as plain data: its values, the checks made in the browser (the
 * api's own schema, so a valid form is accepted) and the mapping of the api's
 * field errors onto the form's fields.
 */
// First: zod must know it may not eval before the schemas below are defined.
import '../../core/zod-jitless';
import type { CitizenInput, FieldError } from '@sportello/contracts';
import { NOTES_MAX_LENGTH } from '@sportello/contracts';
import { CitizenInputSchema, email } from '@sportello/contracts/schemas';
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

// The api's own rule for an address (the contract's e-mail field), so a form never sends what it refuses.
const EMAIL = email();

/** Why an e-mail address would be refused (surrounding spaces are fine), or null when it is valid. */
export function emailProblem(value: string): 'EMPTY' | 'INVALID' | null {
  const trimmed = value.trim();
  if (!trimmed) return 'EMPTY';
  return EMAIL.safeParse(trimmed).success ? null : 'INVALID';
}

const EMPTY_KEYS: Partial<Record<ApplicantField, MessageKey>> = {
  firstName: 'applicant.error.firstName.empty',
  lastName: 'applicant.error.lastName.empty',
  email: 'applicant.error.email.empty',
};

/**
 * The browser's message for a problem the api's own schema (CitizenInputSchema, the
 * contract) found in a field: the schema reports api message keys (field.required,
 * field.name, fiscalCode.FORMAT…), the form shows its own wording of each.
 */
function citizenProblem(field: ApplicantField, key: string, params: Record<string, string | number> | undefined, form: ApplicantForm): FieldProblem {
  if (field === 'fiscalCode') return fiscalCodeProblem(form.fiscalCode) ?? { key: FISCAL_CODE_KEYS.FORMAT };
  if (key === 'field.required') return { key: EMPTY_KEYS[field] ?? 'applicant.error.name' };
  if (field === 'phone') return { key: 'applicant.error.phone' };
  if (field === 'email') return { key: 'applicant.error.email' };
  if (key === 'field.tooLong') return { key: 'applicant.error.tooLong', params: { max: Number(params?.['max']) } };
  return { key: 'applicant.error.name' };
}

/** Every problem of the form, by field; an empty object means it can be sent. */
export function validateApplicant(form: ApplicantForm): ApplicantProblems {
  const problems: ApplicantProblems = {};
  // The same schema the api validates the booking's citizen with: a form it accepts here is accepted there.
  const checked = CitizenInputSchema.safeParse({
    firstName: form.firstName,
    lastName: form.lastName,
    fiscalCode: form.fiscalCode,
    email: form.email,
    phone: form.phone,
  });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as ApplicantField;
      const params = (issue as { params?: Record<string, string | number> }).params;
      problems[field] ??= citizenProblem(field, issue.message, params, form);
    }
  }

  const notes = [...form.notes.trim()].length;
  if (notes > NOTES_MAX_LENGTH) {
    problems.notes = { key: 'applicant.error.notes', params: { max: NOTES_MAX_LENGTH, count: notes - NOTES_MAX_LENGTH } };
  }

  if (!form.privacyAccepted) problems.privacyAccepted = { key: 'applicant.error.privacy' };
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
