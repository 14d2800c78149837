import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffOfficeDto, StaffRole } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import { afterFailure, LockoutPolicy, LockoutState, UNLOCKED } from './lockout';
import { affected, queryRows, transaction } from '../database/db';

/** Whose failures a row counts: one address, or one device cookie. */
export type LoginClientScope = 'ADDRESS' | 'DEVICE';

/** A logged-in staff member, as guards and controllers see it (`request.staff`). */
export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
  /** The offices this account may act for; for an admin, every office. */
  officeIds: string[];
}

export interface LoginCandidate extends LockoutState {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  passwordHash: string;
}

interface PrincipalRow {
  id: string;
  username: string;
  role: StaffRole;
  office_ids: string[];
}

/** All SQL of staff accounts and sessions. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findForLogin(username: string): Promise<LoginCandidate | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      `SELECT id, username, display_name, role, active, password_hash, failed_attempts, first_failed_at, locked_until
         FROM staff_user WHERE username = $1`,
      [username],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r['id'] as string,
      username: r['username'] as string,
      displayName: r['display_name'] as string,
      role: r['role'] as StaffRole,
      active: r['active'] as boolean,
      passwordHash: r['password_hash'] as string,
      failedAttempts: r['failed_attempts'] as number,
      firstFailedAt: (r['first_failed_at'] as Date | null) ?? null,
      lockedUntil: (r['locked_until'] as Date | null) ?? null,
    };
  }

  /** The failures of one client (an address's or a device's key) for the account, or none. */
  async clientFailures(userId: string, scope: LoginClientScope, clientKey: Buffer): Promise<LockoutState> {
    const rows = await queryRows<{ failed_attempts: number; first_failed_at: Date; locked_until: Date | null }>(
      this.db,
      'SELECT failed_attempts, first_failed_at, locked_until FROM staff_login_failure WHERE staff_user_id = $1 AND scope = $2 AND client_key = $3',
      [userId, scope, clientKey],
    );
    return rows[0] ? { failedAttempts: rows[0].failed_attempts, firstFailedAt: rows[0].first_failed_at, lockedUntil: rows[0].locked_until } : UNLOCKED;
  }

  /**
   * Counts one wrong password from one client of the account, under a row lock so that
   * parallel attempts are all counted; rows whose window and lock are over go at the same time.
   */
  recordClientFailure(userId: string, scope: LoginClientScope, clientKey: Buffer, now: Date, policy: LockoutPolicy): Promise<LockoutState> {
    return transaction(this.db, async (tx) => {
      await tx.query('DELETE FROM staff_login_failure WHERE stale_after < $1', [now]);
      await tx.query(
        `INSERT INTO staff_login_failure (staff_user_id, scope, client_key, failed_attempts, first_failed_at, stale_after)
         VALUES ($1, $2, $3, 0, $4, $4) ON CONFLICT DO NOTHING`,
        [userId, scope, clientKey, now],
      );
      const rows = await queryRows<{ failed_attempts: number; first_failed_at: Date; locked_until: Date | null }>(
        tx,
        'SELECT failed_attempts, first_failed_at, locked_until FROM staff_login_failure WHERE staff_user_id = $1 AND scope = $2 AND client_key = $3 FOR UPDATE',
        [userId, scope, clientKey],
      );
      const current: LockoutState =
        rows[0].failed_attempts === 0
          ? UNLOCKED
          : { failedAttempts: rows[0].failed_attempts, firstFailedAt: rows[0].first_failed_at, lockedUntil: rows[0].locked_until };
      const next = afterFailure(current, now, policy);
      const staleAfter = new Date(Math.max((next.firstFailedAt ?? now).getTime() + policy.windowMinutes * 60_000, next.lockedUntil?.getTime() ?? 0));
      await tx.query(
        'UPDATE staff_login_failure SET failed_attempts = $4, first_failed_at = $5, locked_until = $6, stale_after = $7 WHERE staff_user_id = $1 AND scope = $2 AND client_key = $3',
        [userId, scope, clientKey, next.failedAttempts, next.firstFailedAt, next.lockedUntil, staleAfter],
      );
      return next;
    });
  }

  /** A successful login from this client: its failures are forgotten. */
  async clearClientFailures(userId: string, scope: LoginClientScope, clientKey: Buffer): Promise<void> {
    await this.db.query('DELETE FROM staff_login_failure WHERE staff_user_id = $1 AND scope = $2 AND client_key = $3', [userId, scope, clientKey]);
  }

  /**
   * Counts one wrong password against the account's budget for clients without a device
   * cookie. The row is locked while the new state is computed, so parallel wrong attempts
   * are all counted. Returns the new state.
   */
  recordFailure(userId: string, now: Date, policy: LockoutPolicy): Promise<LockoutState> {
    return transaction(this.db, async (tx) => {
      const rows = await queryRows<{ failed_attempts: number; first_failed_at: Date | null; locked_until: Date | null }>(
        tx,
        'SELECT failed_attempts, first_failed_at, locked_until FROM staff_user WHERE id = $1 FOR UPDATE',
        [userId],
      );
      const current: LockoutState = rows[0]
        ? { failedAttempts: rows[0].failed_attempts, firstFailedAt: rows[0].first_failed_at, lockedUntil: rows[0].locked_until }
        : { failedAttempts: 0, firstFailedAt: null, lockedUntil: null };
      const next = afterFailure(current, now, policy);
      await tx.query('UPDATE staff_user SET failed_attempts = $2, first_failed_at = $3, locked_until = $4 WHERE id = $1', [
        userId,
        next.failedAttempts,
        next.firstFailedAt,
        next.lockedUntil,
      ]);
      return next;
    });
  }

  /**
   * A successful login: an outdated hash is replaced; from a client without a device cookie
   * (which got past the account's budget, so the account was not closed) the budget starts again.
   */
  async recordSuccess(userId: string, newPasswordHash: string | null, resetBudget: boolean): Promise<void> {
    await this.db.query(
      `UPDATE staff_user SET failed_attempts = CASE WHEN $3 THEN 0 ELSE failed_attempts END,
              first_failed_at = CASE WHEN $3 THEN NULL ELSE first_failed_at END,
              locked_until = CASE WHEN $3 THEN NULL ELSE locked_until END,
              password_hash = COALESCE($2, password_hash)
        WHERE id = $1`,
      [userId, newPasswordHash, resetBudget],
    );
  }

  async createSession(tokenHash: Buffer, userId: string, now: Date, expiresAt: Date): Promise<void> {
    // Expired sessions of everyone go at the same time: no separate clean-up job needed.
    await this.db.query('DELETE FROM staff_session WHERE expires_at <= $1', [now]);
    await this.db.query('INSERT INTO staff_session (token_hash, staff_user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)', [
      tokenHash,
      userId,
      now,
      expiresAt,
    ]);
  }

  /**
   * The staff member behind a live session of an active account, or null. Records
   * `last_seen_at` in the same statement, at most once a minute.
   */
  async principal(tokenHash: Buffer, now: Date): Promise<StaffPrincipal | null> {
    const rows = await queryRows<PrincipalRow>(
      this.db,
      `WITH touched AS (
         UPDATE staff_session SET last_seen_at = $2
          WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at < $2::timestamptz - interval '1 minute'
       )
       SELECT u.id, u.username, u.role,
              CASE WHEN u.role = 'admin' THEN ARRAY(SELECT o.id::text FROM office o ORDER BY o.id)
                   ELSE ARRAY(SELECT so.office_id::text FROM staff_user_office so WHERE so.staff_user_id = u.id ORDER BY so.office_id)
              END AS office_ids
         FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
      [tokenHash, now],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return { id: r.id, username: r.username, role: r.role, officeIds: r.office_ids };
  }

  async displayName(userId: string): Promise<string> {
    const rows = await queryRows<{ display_name: string }>(this.db, 'SELECT display_name FROM staff_user WHERE id = $1', [userId]);
    return rows[0]?.display_name ?? '';
  }

  async offices(officeIds: string[]): Promise<StaffOfficeDto[]> {
    if (officeIds.length === 0) return [];
    return queryRows(this.db, 'SELECT id, name FROM office WHERE id = ANY($1::uuid[]) ORDER BY name, id', [officeIds]);
  }

  /** True when a session was deleted. */
  async deleteSession(tokenHash: Buffer): Promise<boolean> {
    return (await affected(this.db, 'DELETE FROM staff_session WHERE token_hash = $1', [tokenHash])) > 0;
  }
}
