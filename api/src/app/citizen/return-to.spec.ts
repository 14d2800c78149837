import { safeReturnTo } from './return-to';

describe('safeReturnTo: where the sign-in goes back to', () => {
  it.each([
    ['/le-mie-prenotazioni', '/le-mie-prenotazioni'],
    ['/prenota/CIE?giorno=2027-03-29#orari', '/prenota/CIE?giorno=2027-03-29#orari'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %s', (given, kept) => expect(safeReturnTo(given)).toBe(kept));

  it.each([
    ['https://evil.example/x'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['/a\nSet-Cookie: x=1'],
    ['prenota'],
    [''],
    [`/${'a'.repeat(600)}`],
    [undefined],
    [['/a', '/b']],
  ])('sends %p to /', (given) => expect(safeReturnTo(given)).toBe('/'));
});
