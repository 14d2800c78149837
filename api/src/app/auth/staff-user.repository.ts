import type { StaffRole } from '@sportello/contracts';
import { queryRows, type Tx } from '../database/db';

/**
 * Inserts an account with its offices; null when the username is taken. A function without Nest:
 * `create-admin` and the demo seed run it outside the Nest application.
 */
export async function insertStaffUser(
  tx: Tx,
  user: { username: string; displayName: string; role: StaffRole; passwordHash: string; officeIds: string[] },
): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    tx,
    `INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username, user.displayName, user.role, user.passwordHash],
  );
  const id = rows[0]?.id;
  if (id === undefined) return null;
  if (user.officeIds.length > 0) {
    await tx.query(`INSERT INTO staff_user_office (staff_user_id, office_id) SELECT $1, unnest($2::uuid[])`, [id, user.officeIds]);
  }
  return id;
}
