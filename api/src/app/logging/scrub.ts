import { EMAIL_IN_TEXT, FISCAL_CODE_IN_TEXT } from '../common/personal-data';

/**
 * Text that reaches a log line (a message, an error's text from a library or from
 * PostgreSQL, which quotes the values of a failed row) with what looks like personal data
 * or a credential replaced. Field values are redacted by name (REDACTED_FIELDS); this is
 * the second line of defence for free text.
 */
const PATTERNS: [RegExp, string][] = [
  // Codice fiscale (omocodia letters included).
  [FISCAL_CODE_IN_TEXT, '[codice fiscale]'],
  [EMAIL_IN_TEXT, '[e-mail]'],
  // International numbers, then Italian mobile and landline numbers.
  [/(?:\+|\b00)\d[\d ()./-]{6,}\d\b/g, '[phone]'],
  [/\b3\d{2}[ .-]?\d{6,7}\b/g, '[phone]'],
  [/\b0\d{1,3}[ .-]?\d{5,8}\b/g, '[phone]'],
  [/\b(Bearer|Basic)\s+[^\s,;]+/gi, '$1 [redacted]'],
  [/\b(sportello_session|XSRF-TOKEN)=[^;\s]+/gi, '$1=[redacted]'],
  // Manage links carry the citizen's token in the path.
  [/(\/manage\/)[^/\s?#"']+/g, '$1[redacted]'],
];

export function scrub(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
