// Valid codici fiscali for tests and load runs: one test-only generator, written from the
// Agenzia delle Entrate's tables and independent of the domain's validator, so a test
// never checks the implementation against itself. Plain CommonJS so that Jest (the api's
// tiers, the domain spec) and the plain-Node benchmarks (tools/bench) load the same file.
'use strict';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTHS = 'ABCDEHLMPRST';
// The value of a character in an odd position (1st, 3rd, …); even positions count
// 0–9 for digits and 0–25 for letters.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function ordinal(ch) {
  return /\d/.test(ch) ? Number(ch) : LETTERS.indexOf(ch);
}

/** The check character (16th) of the first 15 characters. */
function checkCharacter(first15) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const value = ordinal(first15[i]);
    sum += i % 2 === 0 ? ODD_VALUES[value] : value;
  }
  return LETTERS[sum % 26];
}

/** The first 15 characters followed by their check character. */
function withCheck(first15) {
  return first15 + checkCharacter(first15);
}

/** The n-th of many distinct valid codes (n < 26³·28), born in Calderara di Reno (A944). */
function fiscalCode(n, sex = n % 2 === 0 ? 'M' : 'F') {
  const letters = [0, 1, 2].map((k) => LETTERS[Math.floor(n / 26 ** k) % 26]).join('');
  const day = (Math.floor(n / 26 ** 3) % 28) + 1 + (sex === 'F' ? 40 : 0);
  return withCheck(`RSS${letters}${String(80 + (n % 20)).padStart(2, '0')}${MONTHS[n % 12]}${String(day).padStart(2, '0')}A944`);
}

/**
 * A random valid code: the api allows one active booking per code and service, so a
 * browser test that runs against a kept database uses a new one each time.
 */
function randomFiscalCode() {
  const pick = (alphabet) => alphabet[Math.floor(Math.random() * alphabet.length)];
  const letters = Array.from({ length: 6 }, () => pick('BCDFGHLMNPRSTVZ')).join('');
  const day = 1 + Math.floor(Math.random() * 28) + (Math.random() < 0.5 ? 40 : 0);
  return withCheck(`${letters}${50 + Math.floor(Math.random() * 50)}${pick(MONTHS)}${String(day).padStart(2, '0')}A944`);
}

module.exports = { LETTERS, MONTHS, checkCharacter, withCheck, fiscalCode, randomFiscalCode };
