import { randomBytes } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, bookingCodePrefix, generateBookingCode, isBookingCodeFormat, normalizeBookingCode, type RandomBytes } from './booking-code';

/** A fake source that hands out the given bytes in order and records each request. */
function fakeBytes(bytes: number[]): RandomBytes & { requests: number[] } {
  const queue = [...bytes];
  const requests: number[] = [];
  const source = (count: number) => {
    requests.push(count);
    if (queue.length < count) throw new Error('fake ran out of bytes');
    return queue.splice(0, count);
  };
  return Object.assign(source, { requests });
}

const cryptoBytes: RandomBytes = (count) => Array.from(randomBytes(count));

describe('BOOKING_CODE_ALPHABET', () => {
  it('has 28 distinct characters: digits 2–9 and consonants, no look-alikes, no vowels', () => {
    expect(BOOKING_CODE_ALPHABET).toBe('23456789BCDFGHJKMNPQRSTVWXYZ');
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(28);
    for (const excluded of ['0', 'O', '1', 'I', 'L', 'A', 'E', 'U']) expect(BOOKING_CODE_ALPHABET).not.toContain(excluded);
  });
});

describe('generateBookingCode', () => {
  it('maps byte values deterministically: byte % 28 into the alphabet', () => {
    expect(generateBookingCode('CIE', fakeBytes([0, 1, 2, 3, 4, 5]))).toBe('CIE-234567');
    expect(generateBookingCode('CIE', fakeBytes([27, 26, 28, 55, 56, 251]))).toBe('CIE-ZY2Z2Z');
    expect(generateBookingCode('SPID', fakeBytes([8, 9, 10, 11, 12, 13]))).toBe('SPID-BCDFGH');
  });

  it('asks for exactly the 6 bytes it needs', () => {
    const source = fakeBytes([14, 15, 16, 17, 18, 19]);
    expect(generateBookingCode('CIE', source)).toBe('CIE-JKMNPQ');
    expect(source.requests).toEqual([6]);
  });

  it('rejects bytes 252–255 and asks again for the missing characters only', () => {
    const source = fakeBytes([252, 0, 253, 1, 254, 255, /* again: */ 2, 255, 3, 4, /* again: */ 5]);
    expect(generateBookingCode('CIE', source)).toBe('CIE-23456' + '7');
    expect(source.requests).toEqual([6, 4, 1]);
  });

  it('each character is reached by exactly 9 accepted byte values (no modulo bias)', () => {
    const hits = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      try {
        const char = generateBookingCode('X', fakeBytes([byte, 0, 0, 0, 0, 0])).slice(2, 3);
        hits.set(char, (hits.get(char) ?? 0) + 1);
      } catch {
        // the fake ran out: the byte was rejected and a second round was requested
        expect(byte).toBeGreaterThanOrEqual(252);
      }
    }
    expect([...hits.keys()].sort().join('')).toBe([...BOOKING_CODE_ALPHABET].sort().join(''));
    expect(new Set(hits.values())).toEqual(new Set([9]));
  });

  it('throws instead of looping forever on a source that only gives rejected bytes', () => {
    expect(() => generateBookingCode('CIE', (n) => Array(n).fill(255))).toThrow(/only rejected bytes/);
  });

  it('throws on a miswired source', () => {
    expect(() => generateBookingCode('CIE', () => [1, 2, 3])).toThrow(/must return 6 values, got 3/);
    expect(() => generateBookingCode('CIE', (n) => Array(n).fill(256))).toThrow(/integers 0–255/);
    expect(() => generateBookingCode('CIE', (n) => Array(n).fill(-1))).toThrow(/integers 0–255/);
    expect(() => generateBookingCode('CIE', (n) => Array(n).fill(0.5))).toThrow(/integers 0–255/);
  });

  it('produces 6 alphabet characters from real random bytes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateBookingCode('CIE', cryptoBytes);
      expect(code).toMatch(/^CIE-[23456789BCDFGHJKMNPQRSTVWXYZ]{6}$/);
      expect(isBookingCodeFormat(code)).toBe(true);
    }
  });

  it('characters are roughly uniform over many real random codes', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      for (const char of generateBookingCode('X', cryptoBytes).slice(2)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    // 30,000 characters, 1071 expected each; ±20% is > 6 standard deviations.
    expect(counts.size).toBe(28);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(857);
      expect(count).toBeLessThan(1286);
    }
  });
});

describe('prefix handling', () => {
  it.each([
    ['CIE', 'CIE'],
    ['cie', 'CIE'],
    ['anagrafe-residenza', 'ANAGRAFERE'],
    ['SPID 2', 'SPID2'],
    ['Ü-ok', 'OK'],
    ['1234567890ABC', '1234567890'],
  ])('%j → %j', (service, prefix) => {
    expect(bookingCodePrefix(service)).toBe(prefix);
    expect(generateBookingCode(service, fakeBytes([0, 0, 0, 0, 0, 0]))).toBe(`${prefix}-222222`);
  });

  it.each(['', '---', 'àè'])('throws for %j (nothing left)', (service) => {
    expect(() => generateBookingCode(service, fakeBytes([0, 0, 0, 0, 0, 0]))).toThrow(/prefix must contain a letter or digit/);
  });
});

describe('isBookingCodeFormat', () => {
  it.each(['CIE-7K3P9Q', 'X-222222', 'ANAGRAFERE-ZZZZZZ', 'SPID2-BCDFGH'])('accepts %s', (code) => {
    expect(isBookingCodeFormat(code)).toBe(true);
  });

  it.each([
    ['lower case', 'cie-7k3p9q'],
    ['surrounding space', ' CIE-7K3P9Q'],
    ['no dash', 'CIE7K3P9Q'],
    ['no prefix', '-7K3P9Q'],
    ['prefix longer than 10', 'ANAGRAFERES-7K3P9Q'],
    ['5 random characters', 'CIE-7K3P9'],
    ['7 random characters', 'CIE-7K3P9QR'],
    ['zero', 'CIE-7K3P90'],
    ['letter O', 'CIE-7K3P9O'],
    ['one', 'CIE-7K3P91'],
    ['letter I', 'CIE-7K3P9I'],
    ['letter L', 'CIE-7K3P9L'],
    ['vowel', 'CIE-7K3P9A'],
    ['empty', ''],
  ])('rejects: %s', (_, code) => {
    expect(isBookingCodeFormat(code)).toBe(false);
  });

  it('rejects non-strings from untyped callers', () => {
    expect(isBookingCodeFormat(undefined as unknown as string)).toBe(false);
  });
});

describe('normalizeBookingCode', () => {
  it('uppercases, trims and removes inner spaces', () => {
    expect(normalizeBookingCode('  cie-7k3p9q ')).toBe('CIE-7K3P9Q');
    expect(normalizeBookingCode('CIE - 7K3 P9Q')).toBe('CIE-7K3P9Q');
    expect(normalizeBookingCode('cie-7k3p9q\n')).toBe('CIE-7K3P9Q');
    expect(isBookingCodeFormat(normalizeBookingCode(' cie-7k3 p9q '))).toBe(true);
  });

  it('puts back a missing dash before the 6 random characters (the kiosk, the phone)', () => {
    expect(normalizeBookingCode('cie2q4bx9')).toBe('CIE-2Q4BX9');
    expect(normalizeBookingCode('CIE 2Q4 BX9')).toBe('CIE-2Q4BX9');
    expect(normalizeBookingCode('spid7k3p9q')).toBe('SPID-7K3P9Q');
    expect(normalizeBookingCode('residenza7k3p9q')).toBe('RESIDENZA-7K3P9Q');
    expect(isBookingCodeFormat(normalizeBookingCode('cie2q4bx9'))).toBe(true);
  });

  it('reads dash-like characters and repeated dashes as one dash', () => {
    expect(normalizeBookingCode('CIE\u20137K3P9Q')).toBe('CIE-7K3P9Q');
    expect(normalizeBookingCode('cie_7k3p9q')).toBe('CIE-7K3P9Q');
    expect(normalizeBookingCode('CIE--7K3P9Q')).toBe('CIE-7K3P9Q');
  });

  it('leaves what cannot be a code as it is, for the format check to refuse', () => {
    // A vowel in the random part, too short, too long: no dash is invented.
    expect(normalizeBookingCode('cie2q4ba9')).toBe('CIE2Q4BA9');
    expect(isBookingCodeFormat(normalizeBookingCode('cie2q4ba9'))).toBe(false);
    expect(normalizeBookingCode('2q4bx9')).toBe('2Q4BX9');
    expect(isBookingCodeFormat(normalizeBookingCode('2q4bx9'))).toBe(false);
    expect(isBookingCodeFormat(normalizeBookingCode('abcdefghijk2q4bx9'))).toBe(false);
  });

  it('returns an empty string for non-strings', () => {
    expect(normalizeBookingCode(null as unknown as string)).toBe('');
  });
});
