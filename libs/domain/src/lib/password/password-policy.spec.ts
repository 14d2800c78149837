import { ownerWords, passwordProblem } from './password-policy';

const owner = { username: 'mario.rossi', displayName: 'Mario Rossì' };

describe('passwordProblem', () => {
  it('checks the length first, in characters', () => {
    expect(passwordProblem('short', owner, 4)).toBe('TOO_SHORT');
    expect(passwordProblem('é'.repeat(11), owner, 4)).toBe('TOO_SHORT');
    expect(passwordProblem('x'.repeat(257), owner, 4)).toBe('TOO_LONG');
  });

  it('refuses the username and the display name, in any case and without accents', () => {
    expect(passwordProblem('Tramonto-mario.rossi-42', owner, 4)).toBe('CONTAINS_NAME');
    expect(passwordProblem('viola ROSSI campanile 7', owner, 4)).toBe('CONTAINS_NAME');
    expect(passwordProblem('lampada MARIO ottobre', owner, 4)).toBe('CONTAINS_NAME');
  });

  it('then wants a score of at least 3', () => {
    expect(passwordProblem('lampada ottobre campanile', owner, 2)).toBe('WEAK');
    expect(passwordProblem('lampada ottobre campanile', owner, 3)).toBeNull();
  });
});

describe('ownerWords', () => {
  it('splits usernames and names, drops words under three characters', () => {
    expect(ownerWords({ username: 'g.de-luca', displayName: "Gianna D'Amico" })).toEqual(['g.de-luca', 'luca', "gianna d'amico", 'gianna', 'amico']);
  });
});
