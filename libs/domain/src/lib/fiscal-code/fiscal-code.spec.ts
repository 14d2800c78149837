import { checkCharacter as check, LETTERS, MONTHS, withCheck } from '../../../testing/fiscal-codes.cjs';
import { fiscalCodeKey, normalizeFiscalCode, validateFiscalCode, type FiscalCodeResult } from './fiscal-code';

// The generator is test-only and independent of the implementation: the check character
// comes from libs/domain/testing/fiscal-codes.cjs, written out from the official tables.
const OMOCODIA: Record<string, string> = { '0': 'L', '1': 'M', '2': 'N', '3': 'P', '4': 'Q', '5': 'R', '6': 'S', '7': 'T', '8': 'U', '9': 'V' };
/** 1-based positions replaceable by omocodia, from the right: the order the Agenzia uses. */
const OMOCODIA_POSITIONS_FROM_RIGHT = [15, 14, 13, 11, 10, 8, 7];

interface Person {
  surname: string; // 3 letters
  name: string; // 3 letters
  year: number;
  month: number;
  day: number;
  sex: 'M' | 'F';
  place: string; // e.g. A562
}

function fiscalCode(p: Person, omocodicDigits = 0): string {
  const yy = String(p.year % 100).padStart(2, '0');
  const dd = String(p.sex === 'F' ? p.day + 40 : p.day).padStart(2, '0');
  const chars = `${p.surname}${p.name}${yy}${MONTHS[p.month - 1]}${dd}${p.place}`.split('');
  for (const position of OMOCODIA_POSITIONS_FROM_RIGHT.slice(0, omocodicDigits)) {
    chars[position - 1] = OMOCODIA[chars[position - 1] ?? ''] ?? '';
  }
  return withCheck(chars.join(''));
}

/** Replaces the 1-based `position` with its omocodia letter and recomputes the check character. */
function omocodicAt(code: string, position: number): string {
  const chars = code.slice(0, 15).split('');
  chars[position - 1] = OMOCODIA[chars[position - 1] ?? ''] ?? '';
  return withCheck(chars.join(''));
}

/** Deterministic PRNG (mulberry32), so the property test is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = new Date('2027-06-01T10:00:00Z');
const validate = (input: string) => validateFiscalCode(input, TODAY);
const reason = (result: FiscalCodeResult) => (result.valid ? 'VALID' : result.reason);

// ---------------------------------------------------------------------------------------

describe('the test generator', () => {
  it('reproduces published examples', () => {
    // Mario Rossi, 10 December 1985 (the classic example).
    expect(check('RSSMRA85T10A562')).toBe('S');
    expect(fiscalCode({ surname: 'RSS', name: 'MRA', year: 1985, month: 12, day: 10, sex: 'M', place: 'A562' })).toBe('RSSMRA85T10A562S');
    // Matteo Moretti, Milano, 9 April 1925 (the Italian Wikipedia example).
    expect(fiscalCode({ surname: 'MRT', name: 'MTT', year: 1925, month: 4, day: 9, sex: 'M', place: 'F205' })).toBe('MRTMTT25D09F205Z');
  });
});

describe('normalizeFiscalCode', () => {
  it('uppercases and strips all whitespace', () => {
    expect(normalizeFiscalCode('  rss mra 85t10\ta562s\n')).toBe('RSSMRA85T10A562S');
    expect(normalizeFiscalCode('RSSMRA85T10A562S')).toBe('RSSMRA85T10A562S');
    expect(normalizeFiscalCode('\u00a0rssmra85t10a562s\u00a0')).toBe('RSSMRA85T10A562S'); // non-breaking spaces from copy-paste
  });

  it('keeps other characters (the validator reports them)', () => {
    expect(normalizeFiscalCode('rss-mra')).toBe('RSS-MRA');
  });
});

describe('validateFiscalCode: valid codes', () => {
  it('accepts the classic example and decodes date and sex', () => {
    expect(validate('RSSMRA85T10A562S')).toEqual({ valid: true, normalized: 'RSSMRA85T10A562S', birthDate: '1985-12-10', sex: 'M' });
  });

  it.each<[Person, string]>([
    [{ surname: 'BNC', name: 'LRA', year: 1990, month: 1, day: 1, sex: 'F', place: 'A944' }, '1990-01-01'], // Bologna
    [{ surname: 'VRD', name: 'GPP', year: 1951, month: 4, day: 30, sex: 'M', place: 'B249' }, '1951-04-30'], // Calderara di Reno
    [{ surname: 'FRR', name: 'GLI', year: 2003, month: 7, day: 31, sex: 'F', place: 'F205' }, '2003-07-31'], // Milano
    [{ surname: 'XXX', name: 'KWZ', year: 1976, month: 2, day: 29, sex: 'M', place: 'Z404' }, '1976-02-29'], // born abroad, leap day
    [{ surname: 'CLM', name: 'NNA', year: 2000, month: 2, day: 29, sex: 'F', place: 'L219' }, '2000-02-29'], // 2000 is a leap year
    [{ surname: 'SPS', name: 'LCU', year: 1999, month: 9, day: 15, sex: 'M', place: 'E506' }, '1999-09-15'],
    [{ surname: 'MRN', name: 'SFO', year: 2026, month: 12, day: 31, sex: 'F', place: 'H501' }, '2026-12-31'],
    [{ surname: 'GLL', name: 'PLA', year: 1928, month: 6, day: 1, sex: 'M', place: 'G273' }, '1928-06-01'],
  ])('accepts %o', (person, birthDate) => {
    const code = fiscalCode(person);
    expect(validate(code)).toEqual({ valid: true, normalized: code, birthDate, sex: person.sex });
  });

  it('accepts lower case and spaces, and returns the normalised code', () => {
    expect(validate(' rssmra 85t10 a562s ')).toEqual({ valid: true, normalized: 'RSSMRA85T10A562S', birthDate: '1985-12-10', sex: 'M' });
    expect(validate('Rss Mra 85 T 10 A 562 S')).toMatchObject({ valid: true, normalized: 'RSSMRA85T10A562S' });
  });

  it('women have the day + 40: 41 is the 1st, 71 the 31st', () => {
    const first = fiscalCode({ surname: 'BNC', name: 'LRA', year: 1980, month: 3, day: 1, sex: 'F', place: 'A944' });
    const last = fiscalCode({ surname: 'BNC', name: 'LRA', year: 1980, month: 3, day: 31, sex: 'F', place: 'A944' });
    expect(first.slice(9, 11)).toBe('41');
    expect(last.slice(9, 11)).toBe('71');
    expect(validate(first)).toMatchObject({ valid: true, birthDate: '1980-03-01', sex: 'F' });
    expect(validate(last)).toMatchObject({ valid: true, birthDate: '1980-03-31', sex: 'F' });
  });

  it('decodes every month letter', () => {
    const months = 'ABCDEHLMPRST'.split('').map((_, i) => {
      const result = validate(fiscalCode({ surname: 'RSS', name: 'MRA', year: 1985, month: i + 1, day: 10, sex: 'M', place: 'A562' }));
      return result.valid ? result.birthDate : result.reason;
    });
    expect(months).toEqual(Array.from({ length: 12 }, (_, i) => `1985-${String(i + 1).padStart(2, '0')}-10`));
  });
});

describe('validateFiscalCode: century guess', () => {
  const code = (year: number) => fiscalCode({ surname: 'RSS', name: 'MRA', year, month: 6, day: 1, sex: 'M', place: 'A562' });

  it('takes the most recent century that is not in the future', () => {
    expect(validate(code(2027))).toMatchObject({ birthDate: '2027-06-01' }); // born today
    expect(validateFiscalCode(code(2027), new Date('2027-05-31T12:00:00Z'))).toMatchObject({ birthDate: '1927-06-01' });
    expect(validate(code(1945))).toMatchObject({ birthDate: '1945-06-01' });
    expect(validate(code(2010))).toMatchObject({ birthDate: '2010-06-01' });
  });

  it('is only a guess: a person born in 1925 is read as 2025', () => {
    expect(validate(code(1925))).toMatchObject({ valid: true, birthDate: '2025-06-01' });
  });

  it('29 February of year 00: only 2000 was a leap year, so 2000 it is', () => {
    const feb29 = fiscalCode({ surname: 'RSS', name: 'MRA', year: 2000, month: 2, day: 29, sex: 'M', place: 'A562' });
    expect(validate(feb29)).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    // Even when 2000 is "in the future", 1900-02-29 does not exist.
    expect(validateFiscalCode(feb29, new Date('1999-01-01T00:00:00Z'))).toMatchObject({ valid: true, birthDate: '2000-02-29' });
  });

  it('defaults today to the current date', () => {
    expect(validateFiscalCode('RSSMRA85T10A562S')).toMatchObject({ valid: true, birthDate: '1985-12-10' });
  });
});

describe('validateFiscalCode: omocodia', () => {
  const base = 'RSSMRA85T10A562S';

  it.each([7, 8, 10, 11, 13, 14, 15])('accepts a letter at position %i and decodes it', (position) => {
    const code = omocodicAt(base, position);
    expect(code).not.toBe(base);
    expect(validate(code)).toEqual({ valid: true, normalized: code, birthDate: '1985-12-10', sex: 'M' });
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('accepts the first %i substitutions from the right, as the Agenzia assigns them', (count) => {
    const code = fiscalCode({ surname: 'RSS', name: 'MRA', year: 1985, month: 12, day: 10, sex: 'M', place: 'A562' }, count);
    expect(validate(code)).toMatchObject({ valid: true, birthDate: '1985-12-10', sex: 'M' });
  });

  it('known omocodic forms of the classic example', () => {
    expect(fiscalCode({ surname: 'RSS', name: 'MRA', year: 1985, month: 12, day: 10, sex: 'M', place: 'A562' }, 7)).toBe('RSSMRAURTMLARSNL');
    expect(validate('RSSMRAURTMLARSNL')).toMatchObject({ valid: true, birthDate: '1985-12-10', sex: 'M' });
    expect(validate('RSSMRA85T10A56NH')).toMatchObject({ valid: true, birthDate: '1985-12-10' });
  });

  it('decodes an omocodic woman’s day (41 → QM)', () => {
    const code = fiscalCode({ surname: 'BNC', name: 'LRA', year: 1990, month: 1, day: 1, sex: 'F', place: 'A944' }, 5);
    expect(code.slice(9, 11)).toBe('QM');
    expect(validate(code)).toMatchObject({ valid: true, birthDate: '1990-01-01', sex: 'F' });
  });

  it('letters that are not omocodia letters are not digits', () => {
    expect(reason(validate(withCheck('RSSMRA8AT10A562')))).toBe('FORMAT'); // A is not a substitute
    expect(reason(validate(withCheck('RSSMRA85T1OA562')))).toBe('FORMAT'); // letter O for zero
    expect(reason(validate(withCheck('RSSMRA85T10A5W2')))).toBe('FORMAT');
  });
});

describe('validateFiscalCode: wrong codes', () => {
  it.each(['', '   ', '\t\n'])('EMPTY for %j', (input) => {
    expect(validate(input)).toEqual({ valid: false, normalized: '', reason: 'EMPTY' });
  });

  it('EMPTY for a non-string from untyped callers', () => {
    expect(reason(validateFiscalCode(undefined as unknown as string))).toBe('EMPTY');
  });

  it.each(['RSSMRA85T10A562', 'RSSMRA85T10A562SX', 'R', 'RSSMRA85T10A562S1234'])('LENGTH for %s', (input) => {
    expect(validate(input)).toEqual({ valid: false, normalized: input, reason: 'LENGTH' });
  });

  it.each([
    ['digit among the surname letters', 'R5SMRA85T10A562S'],
    ['digit among the name letters', 'RSSMR485T10A562S'],
    ['letter in the year that is not an omocodia letter', 'RSSMRA8XT10A562S'],
    ['digit as month', 'RSSMRA85110A562S'],
    ['letter as day that is not an omocodia letter', 'RSSMRA85T1AA562S'],
    ['digit as place letter', 'RSSMRA85T1005620'],
    ['digit as check character', 'RSSMRA85T10A5620'],
    ['punctuation', 'RSSMRA85T10A56-S'],
    ['accented letter', 'RSSMRÀ85T10A562S'],
  ])('FORMAT: %s', (_, input) => {
    expect(reason(validate(input))).toBe('FORMAT');
  });

  it.each(['F', 'G', 'I', 'J', 'K', 'N', 'O', 'Q', 'U', 'V', 'W', 'X', 'Y', 'Z'])('MONTH: %s is not a month letter', (letter) => {
    expect(reason(validate(withCheck(`RSSMRA85${letter}10A562`)))).toBe('MONTH');
  });

  it.each([
    ['00', 'day 0'],
    ['32', 'day 32'],
    ['40', 'between men and women'],
    ['35', 'between men and women'],
    ['72', 'woman day 32'],
    ['99', 'day 99'],
  ])('DAY: %s (%s)', (dd) => {
    expect(reason(validate(withCheck(`RSSMRA85A${dd}A562`)))).toBe('DAY');
  });

  it.each([
    ['31 April', 'RSSMRA85D31A562'],
    ['31 June', 'RSSMRA85H31A562'],
    ['31 September', 'RSSMRA85P31A562'],
    ['31 November', 'RSSMRA85S31A562'],
    ['30 February', 'RSSMRA85B30A562'],
    ['71 (31) April for a woman', 'RSSMRA85D71A562'],
    ['29 February 1985/2085', 'RSSMRA85B29A562'],
    ['29 February 1901/2001', 'RSSMRA01B29A562'],
    ['omocodic 29 February 1985 (day NV)', 'RSSMRA85BNVA562'],
  ])('DAY: %s does not exist', (_, first15) => {
    expect(reason(validate(withCheck(first15)))).toBe('DAY');
  });

  it('29 February exists when 19yy or 20yy is a leap year', () => {
    expect(reason(validate(withCheck('RSSMRA84B29A562')))).toBe('VALID');
    expect(reason(validate(withCheck('RSSMRA00B29A562')))).toBe('VALID'); // 2000 (1900 was not)
    expect(reason(validate(withCheck('RSSMRA96B69A562')))).toBe('VALID'); // a woman
  });

  it('CHECK_CHARACTER for a mistyped character', () => {
    expect(validate('RSSMRA85T10A562T')).toEqual({ valid: false, normalized: 'RSSMRA85T10A562T', reason: 'CHECK_CHARACTER' });
    expect(reason(validate('RSSMRA85T10A563S'))).toBe('CHECK_CHARACTER'); // place digit
    expect(reason(validate('RSSMRA58T10A562S'))).toBe('CHECK_CHARACTER'); // swapped year digits
    expect(reason(validate('RSSMRB85T10A562S'))).toBe('CHECK_CHARACTER'); // name letter
    expect(reason(validate('RSSMRA85T10A56NS'))).toBe('CHECK_CHARACTER'); // omocodia without a new check character
  });

  it('reports the first problem in order: LENGTH, FORMAT, MONTH, DAY, CHECK_CHARACTER', () => {
    expect(reason(validate('RSSMRA85Z99A56!'))).toBe('LENGTH');
    expect(reason(validate('RSSMRA85Z99A56!X'))).toBe('FORMAT');
    expect(reason(validate('RSSMRA85Z99A562X'))).toBe('MONTH');
    expect(reason(validate('RSSMRA85T99A562X'))).toBe('DAY');
  });
});

describe('validateFiscalCode: property test with generated codes', () => {
  it('accepts thousands of random valid codes and rejects every other check letter', () => {
    const random = mulberry32(20_270_601);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const letters = (n: number) => Array.from({ length: n }, () => LETTERS[int(0, 25)]).join('');
    const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    const failures: { code: string; result: FiscalCodeResult }[] = [];
    let rejected = 0;
    let omocodic = 0;

    for (let i = 0; i < 3000; i++) {
      // 1928–2026: with TODAY in 2027 the century guess is always right for these years.
      const year = int(1928, 2026);
      const month = int(1, 12);
      const person: Person = {
        surname: letters(3),
        name: letters(3),
        year,
        month,
        day: int(1, daysIn(year, month)),
        sex: random() < 0.5 ? 'M' : 'F',
        place: letters(1) + String(int(1, 999)).padStart(3, '0'),
      };
      const substitutions = random() < 0.3 ? int(1, 7) : 0;
      if (substitutions > 0) omocodic++;
      const code = fiscalCode(person, substitutions);
      const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(person.day).padStart(2, '0')}`;

      // Failures are collected rather than asserted one by one: 81,000 expect() calls are slow.
      const result = validate(code);
      if (!result.valid || result.birthDate !== birthDate || result.sex !== person.sex) failures.push({ code, result });
      const spaced = validate(code.toLowerCase().replace(/(.{4})/g, '$1 '));
      if (!spaced.valid || spaced.normalized !== code) failures.push({ code, result: spaced });

      for (const other of LETTERS.replace(code[15] ?? '', '')) {
        const wrong = validate(code.slice(0, 15) + other);
        if (reason(wrong) === 'CHECK_CHARACTER') rejected++;
        else failures.push({ code: code.slice(0, 15) + other, result: wrong });
      }
    }
    expect(failures).toEqual([]);
    expect(rejected).toBe(3000 * 25);
    expect(omocodic).toBeGreaterThan(500); // the omocodic branch was really exercised
  });
});

describe('fiscalCodeKey: one person, one key', () => {
  it('gives the four spellings of the issue the same key: the plain code without its check character', () => {
    const spellings = ['FMMHPG93H18A556X', 'FMMHPG93H18A55SU', 'FMMHPG93H18ARRSB', 'FMMHPGVPHMUARRSK'];
    for (const code of spellings) expect(validate(code).valid).toBe(true);
    expect(new Set(spellings.map(fiscalCodeKey))).toEqual(new Set(['FMMHPG93H18A556']));
    expect(fiscalCodeKey(' fmmhpg93 h18a55su ')).toBe('FMMHPG93H18A556');
  });

  it('keeps different people apart and leaves letters outside the omocodia positions alone', () => {
    expect(fiscalCodeKey('RSSMRA85T10A562S')).toBe('RSSMRA85T10A562');
    expect(fiscalCodeKey('RSSMRA85T10A562S')).not.toBe(fiscalCodeKey('FMMHPG93H18A556X'));
    // Position 12 (the place letter) is never an omocodia position: A562 and L562 are two places.
    expect(fiscalCodeKey(withCheck('RSSMRA85T10L562'))).toBe('RSSMRA85T10L562');
  });

  it('maps every generated omocodic spelling back to its plain code', () => {
    // 500 people × 7 spellings each.
    const random = mulberry32(12);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const letters = (n: number) => Array.from({ length: n }, () => LETTERS[int(0, 25)]).join('');
    const wrong: string[] = [];
    for (let i = 0; i < 500; i++) {
      const person: Person = {
        surname: letters(3),
        name: letters(3),
        year: int(1930, 2020),
        month: int(1, 12),
        day: int(1, 28),
        sex: random() < 0.5 ? 'M' : 'F',
        place: letters(1) + String(int(1, 999)).padStart(3, '0'),
      };
      const plain = fiscalCode(person).slice(0, 15);
      for (let n = 1; n <= 7; n++) if (fiscalCodeKey(fiscalCode(person, n)) !== plain) wrong.push(fiscalCode(person, n));
    }
    expect(wrong).toEqual([]);
  });

  it('only normalises what is not a well-formed code', () => {
    expect(fiscalCodeKey(' abc ')).toBe('ABC');
  });
});
