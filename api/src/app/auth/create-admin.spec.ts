import { CommandError, parseCreateAdminArgs } from './create-admin';

describe('create-admin arguments', () => {
  it('reads --username and --name in both forms; the username in lower case', () => {
    expect(parseCreateAdminArgs(['--username', 'Mario.Rossi'])).toEqual({ username: 'mario.rossi', displayName: 'Amministratore' });
    expect(parseCreateAdminArgs(['--username=admin', '--name', 'Ufficio CED'])).toEqual({ username: 'admin', displayName: 'Ufficio CED' });
  });

  it('refuses a missing or malformed username and unknown arguments', () => {
    expect(() => parseCreateAdminArgs([])).toThrow(CommandError);
    expect(() => parseCreateAdminArgs(['--username'])).toThrow(/needs a value/);
    expect(() => parseCreateAdminArgs(['--username', 'mario rossi'])).toThrow(/only letters, digits/);
    expect(() => parseCreateAdminArgs(['--username', 'x'])).toThrow(/2 to 64/);
    expect(() => parseCreateAdminArgs(['--username', 'admin', '--password', 'x'])).toThrow(/Unknown argument "--password"/);
  });
});
