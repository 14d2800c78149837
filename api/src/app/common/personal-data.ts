/**
 * Personal data inside free text, for the last lines of defence that keep it out of the
 * logs and the audit log (logging/scrub.ts, audit/audit-details.ts): one pattern each.
 */

/** A codice fiscale, omocodia letters included, in any case, even glued to other text. */
export const FISCAL_CODE_IN_TEXT = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/gi;

/** An e-mail address: `local@domain.tld`, where the local part stops at quotes, brackets, separators and `=`. */
export const EMAIL_IN_TEXT = /[^\s<>()[\]@,;:="']+@[^\s<>()[\]@,;:"']+\.[^\s<>()[\]@,;:"']+/g;
