import { hashPassword } from '../auth/password';
import { activeAccountsWithDemoPassword, DEMO_STAFF_PASSWORD } from './demo-staff';

describe('activeAccountsWithDemoPassword', () => {
  it('names the active accounts whose hash verifies against the demo password, and only those', async () => {
    const rows = [
      { username: 'admin', password_hash: await hashPassword(DEMO_STAFF_PASSWORD) },
      { username: 'mario.rossi', password_hash: await hashPassword('una-password-lunga') },
      { username: 'operatore', password_hash: await hashPassword(DEMO_STAFF_PASSWORD) },
      { username: 'rotto', password_hash: 'not-a-phc-string' },
    ];
    const queries: string[] = [];
    const db = { query: async (sql: string) => (queries.push(sql), rows) };
    expect(await activeAccountsWithDemoPassword(db as never)).toEqual({ checked: 4, found: ['admin', 'operatore'] });
    // Inactive accounts cannot log in: only active ones are read.
    expect(queries).toEqual([expect.stringMatching(/FROM staff_user WHERE active/)]);
  });

  it('finds nothing in an empty database', async () => {
    expect(await activeAccountsWithDemoPassword({ query: async () => [] } as never)).toEqual({ checked: 0, found: [] });
  });
});
