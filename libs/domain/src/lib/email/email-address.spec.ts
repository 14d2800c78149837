import { emailKey, isPlainEmailAddress } from './email-address';

describe('isPlainEmailAddress', () => {
  it.each([
    'mario.rossi@comune.calderaradireno.bo.it',
    'a+tag@example.org',
    "o'brien@example.ie",
    'x_y-z@sub.example.co.uk',
    'a@xn--exmple-cua.org',
    'UPPER@EXAMPLE.ORG',
  ])('accepts %s', (address) => {
    expect(isPlainEmailAddress(address)).toBe(true);
  });

  it.each([
    ['a quoted local part', '"<script>"@example.org'],
    ['a quoted local part with a space', '"mario rossi"@example.org'],
    ['a display name', 'Mario <mario@example.org>'],
    ['a comment', 'mario(comment)@example.org'],
    ['two addresses', 'a@example.org,b@example.org'],
    ['two @', 'a@b@example.org'],
    ['a space', 'mario rossi@example.org'],
    ['a leading dot', '.mario@example.org'],
    ['a double dot', 'mario..rossi@example.org'],
    ['a trailing dot in the domain', 'mario@example.org.'],
    ['an IP literal', 'mario@[127.0.0.1]'],
    ['a hyphen starting a label', 'mario@-example.org'],
    ['a numeric top-level domain', 'mario@example.123'],
    ['no top-level domain', 'mario@localhost'],
    ['a Unicode domain', 'mario@exämple.org'],
    ['a Unicode local part', 'màrio@example.org'],
    ['a MIME encoded word', '=?utf-8?q?x?=@example.org'],
    ['a line break', 'a@example.org\nBcc: b@example.org'],
    ['a NUL', '\u0000a@example.org'],
    ['a backslash', 'a\\b@example.org'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.org`],
    ['over 254 characters', `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.org`],
  ])('refuses %s', (_why, address) => {
    expect(isPlainEmailAddress(address)).toBe(false);
  });
});

describe('emailKey', () => {
  it('counts one mailbox once', () => {
    expect(emailKey('Mario.Rossi+cie@Example.org')).toBe('mario.rossi@example.org');
    expect(emailKey('m.a.r.i.o+1@googlemail.com')).toBe('mario@gmail.com');
    expect(emailKey('mario@gmail.com')).toBe(emailKey('ma.rio+x@GMAIL.com'));
    expect(emailKey('mario.rossi@example.org')).not.toBe(emailKey('mariorossi@example.org'));
  });
});
