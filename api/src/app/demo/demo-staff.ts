import type { StaffRole } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../auth/password';
import { createStaffUser } from '../auth/staff-accounts';
import { demoRepository } from './demo.repository';

/**
 * Demo staff accounts, created in demo mode only (DEMO_MODE), bound to the demo office.
 * The password is public (README, launcher): never use these outside the demo.
 * tools/launcher/start.mjs prints the same list.
 */
export const DEMO_STAFF_PASSWORD = 'sportello-demo';
export const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; role: StaffRole }> = [
  { username: 'operatore', displayName: 'Operatore di sportello (demo)', role: 'operator' },
  { username: 'responsabile', displayName: 'Responsabile URP (demo)', role: 'manager' },
  { username: 'admin', displayName: 'Amministratore (demo)', role: 'admin' },
  { username: 'totem', displayName: 'Totem di sala d’attesa (demo)', role: 'kiosk' },
];
const DEMO_OFFICE_CODE = 'URP-CALDERARA';

/**
 * Creates the demo accounts that are missing (an existing account with a demo name is left
 * alone). Returns the usernames created. Nothing happens without the demo office.
 */
export async function seedDemoStaff(db: DataSource): Promise<string[]> {
  const officeId = await demoRepository.officeIdByCode(db, DEMO_OFFICE_CODE);
  if (officeId === null) return [];
  const existing = await demoRepository.existingUsernames(
    db,
    DEMO_STAFF.map((s) => s.username),
  );
  const missing = DEMO_STAFF.filter((s) => !existing.includes(s.username));
  if (missing.length === 0) return [];
  return db.transaction(async (tx) => {
    const created: string[] = [];
    for (const account of missing) {
      const id = await createStaffUser(tx, { ...account, password: DEMO_STAFF_PASSWORD, officeIds: [officeId] });
      if (id) created.push(account.username);
    }
    return created;
  });
}

/**
 * The active accounts whose password is still the demo's, by username: a database that
 * was a demo must not serve a real office with a public password. Only the argon2 hashes
 * are read (each verification costs about as much as a login, the whole set is checked in
 * parallel); the password is never stored anywhere else.
 */
export async function activeAccountsWithDemoPassword(db: Pick<DataSource, 'query'>): Promise<{ checked: number; found: string[] }> {
  const accounts = await demoRepository.activeAccountHashes(db);
  const matches = await Promise.all(accounts.map((a) => verifyPassword(a.password_hash, DEMO_STAFF_PASSWORD)));
  return { checked: accounts.length, found: accounts.filter((_, i) => matches[i]).map((a) => a.username) };
}
