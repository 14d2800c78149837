/**
 * Italian codice fiscale of a person (DM 23 December 1976), checked in full: shape, month,
 * day, omocodia and check character. Shared by the api and the web form, so it returns
 * problem codes, never messages: each side translates them.
 */

export type FiscalCodeProblem = 'EMPTY' | 'LENGTH' | 'FORMAT' | 'MONTH' | 'DAY' | 'CHECK_CHARACTER';

export type FiscalCodeResult =
  { valid: true; normalized: string; birthDate: string; sex: 'M' | 'F' } | { valid: false; normalized: string; reason: FiscalCodeProblem };

/** Birth month letters, January to December. */
const MONTH_LETTERS = 'ABCDEHLMPRST';

/**
 * Omocodia: when two people would get the same code, digits are replaced, from the right,
 * by the letter at the digit's index here (0 → L … 9 → V).
 */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';

/** 0-based positions of the digits omocodia may replace (1-based 7, 8, 10, 11, 13, 14, 15). */
const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

const DIGIT = '[0-9LMNPQRSTUV]';

/**
 * Surname (3) + name (3) letters, year (2), month letter, day (2), place (letter + 3), check.
 * The month is any letter here so that a wrong month letter is reported as MONTH.
 */
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT}{2}[A-Z]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);

/** Check-character values at odd 1-based positions for A–Z; a digit counts as the letter of its index (0 as A). */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Uppercase, all whitespace removed (people type codes in groups or in lower case). */
export function normalizeFiscalCode(input: string): string {
  return typeof input === 'string' ? input.replace(/\s+/g, '').toUpperCase() : '';
}

/**
 * Validates a codice fiscale. On success returns the birth date and sex it encodes.
 *
 * The year has two digits, so `birthDate` is a best guess of the century: the most recent
 * of 20yy/19yy that is not after `today` (a code ending in 1925 and one in 2025 look alike).
 * `today` only matters for that guess; validity does not depend on it.
 */
export function validateFiscalCode(input: string, today: Date = new Date()): FiscalCodeResult {
  const normalized = normalizeFiscalCode(input);
  const invalid = (reason: FiscalCodeProblem): FiscalCodeResult => ({ valid: false, normalized, reason });

  if (normalized === '') return invalid('EMPTY');
  if (normalized.length !== 16) return invalid('LENGTH');
  if (!SHAPE.test(normalized)) return invalid('FORMAT');

  const month = MONTH_LETTERS.indexOf(normalized[8] ?? '') + 1;
  if (month === 0) return invalid('MONTH');

  const decoded = decodeOmocodia(normalized);
  const yy = Number(decoded.slice(6, 8));
  const dayAndSex = decodeDayAndSex(Number(decoded.slice(9, 11)));
  if (!dayAndSex) return invalid('DAY');
  const { day, sex } = dayAndSex;

  // Only the 2-digit year is known: accept 29 February if 19yy or 20yy was a leap year.
  const years = [2000 + yy, 1900 + yy].filter((year) => day <= daysInMonth(year, month));
  if (years.length === 0) return invalid('DAY');

  if (checkCharacter(normalized.slice(0, 15)) !== normalized[15]) return invalid('CHECK_CHARACTER');

  const birthDate = guessBirthDate(years, month, day, today);
  return { valid: true, normalized, birthDate, sex };
}

/**
 * The key that compares people rather than spellings: upper case, no spaces, every
 * omocodia letter (L M N P Q R S T U V at 1-based positions 7, 8, 10, 11, 13, 14, 15)
 * mapped back to its digit, and without the check character (which only follows from the
 * rest, and differs between spellings). All spellings of one code give the same 15
 * characters; what is not a well-formed codice fiscale is only upper-cased and stripped
 * of spaces. The migration that added `appointment.fiscal_code_key` computes the same in SQL.
 */
export function fiscalCodeKey(input: string): string {
  const normalized = normalizeFiscalCode(input);
  if (normalized.length !== 16 || !SHAPE.test(normalized)) return normalized;
  return decodeOmocodia(normalized).slice(0, 15);
}

/** Puts the digits back where omocodia replaced them with letters. */
function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const position of OMOCODIA_POSITIONS) {
    const digit = OMOCODIA_LETTERS.indexOf(chars[position] ?? '');
    if (digit >= 0) chars[position] = String(digit);
  }
  return chars.join('');
}

/** Men have the day 1–31, women the day + 40 (41–71). */
function decodeDayAndSex(field: number): { day: number; sex: 'M' | 'F' } | null {
  if (field >= 1 && field <= 31) return { day: field, sex: 'M' };
  if (field >= 41 && field <= 71) return { day: field - 40, sex: 'F' };
  return null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The official algorithm: characters at odd 1-based positions (1st, 3rd … 15th) use the
 * odd table, those at even positions their plain value; the sum modulo 26 is the letter.
 * It runs on the code as written, omocodic letters included.
 */
function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const value = charValue(first15[i] ?? '');
    sum += i % 2 === 0 ? (ODD_VALUES[value] ?? NaN) : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** 0–9 for digits, 0–25 for A–Z. */
function charValue(char: string): number {
  return char >= '0' && char <= '9' ? char.charCodeAt(0) - 48 : char.charCodeAt(0) - 65;
}

/** `years` are the candidates (newest first) in which the date exists. */
function guessBirthDate(years: number[], month: number, day: number, today: Date): string {
  // The UTC date is close enough: this is a guess of the century, not of the day.
  const todayIso = today.toISOString().slice(0, 10);
  const dates = years.map((year) => `${year}-${pad2(month)}-${pad2(day)}`);
  return dates.find((date) => date <= todayIso) ?? dates[dates.length - 1] ?? '';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
