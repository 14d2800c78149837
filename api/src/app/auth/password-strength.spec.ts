import { newPasswordProblem } from './password-strength';

const owner = { username: 'responsabile', displayName: 'Lucia Ferrari' };

// The real zxcvbn-ts with the common and Italian dictionaries (nothing mocked).
describe('newPasswordProblem', () => {
  it.each(['password1234', 'aaaaaaaaaaaa', '123456789012', 'qwertyuiop12', 'passwordpassword'])('refuses %s as too easy to guess', (password) => {
    expect(newPasswordProblem(password, owner)).toBe('WEAK');
  });

  it('refuses the username and the display name inside a password', () => {
    expect(newPasswordProblem('Responsabile-Tramonto-77', owner)).toBe('CONTAINS_NAME');
    expect(newPasswordProblem('ferrari ombrello giallo 9', owner)).toBe('CONTAINS_NAME');
  });

  it('refuses short ones before scoring them', () => {
    expect(newPasswordProblem('k#9Lq!2x', owner)).toBe('TOO_SHORT');
  });

  it('accepts passphrases and long random strings', () => {
    expect(newPasswordProblem('ombrello vulcano biscotto lanterna', owner)).toBeNull();
    expect(newPasswordProblem('tX7#qL2!vR9@mK4s', owner)).toBeNull();
  });
});
