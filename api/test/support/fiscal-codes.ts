// Test-only generator of valid codici fiscali (an implementation independent of the
// domain's validator): letters, birth date, sex and place, then the check character.
const ODD: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};
const MONTHS = 'ABCDEHLMPRST';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function evenValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : LETTERS.indexOf(ch);
}

export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD[first15[i]] : evenValue(first15[i]);
  return LETTERS[sum % 26];
}

/** The n-th of many distinct valid codes (n < 26³·28). */
export function fiscalCode(n: number, sex: 'M' | 'F' = n % 2 === 0 ? 'M' : 'F'): string {
  const letters = [0, 1, 2].map((k) => LETTERS[Math.floor(n / 26 ** k) % 26]).join('');
  const day = (Math.floor(n / 26 ** 3) % 28) + 1 + (sex === 'F' ? 40 : 0);
  const body = `RSS${letters}${String(80 + (n % 20)).padStart(2, '0')}${MONTHS[n % 12]}${String(day).padStart(2, '0')}A944`;
  return body + checkCharacter(body);
}
