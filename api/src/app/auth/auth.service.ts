import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StaffUserDto } from '@sportello/contracts';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { AuthRepository, StaffPrincipal } from './auth.repository';
import { lockedForSeconds, LockoutPolicy } from './lockout';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { normaliseUsername, USERNAME } from './staff-accounts';
import { newSessionToken, SESSION_TOKEN, sessionTokenHash } from './session-token';

export interface LoginResult {
  /** The plain session token, for the cookie only: never stored, never logged. */
  token: string;
  user: StaffUserDto;
}

/**
 * Staff login, sessions and logout. Unknown usernames, inactive accounts and wrong
 * passwords get the same 401 after the same work (an argon2 verification each). Logs carry
 * account ids, never usernames, passwords or tokens.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { maxFailures, lockMinutes } = config.auth;
    this.policy = { maxFailures, windowMinutes: lockMinutes, lockMinutes };
    // Computed once ahead, so the first unknown username takes no longer than the others.
    void dummyHash();
  }

  async login(rawUsername: string, password: string): Promise<LoginResult> {
    const username = normaliseUsername(rawUsername);
    const candidate = USERNAME.test(username) ? await this.repository.findForLogin(username) : null;
    if (!candidate || !candidate.active) {
      await verifyPassword(await dummyHash(), password);
      // Never the text typed for an unknown account: it may be a password typed in the wrong field.
      await this.failed(candidate && { id: candidate.id, username, role: candidate.role }, candidate ? 'INACTIVE' : 'UNKNOWN_ACCOUNT');
      throw invalidCredentials();
    }
    const now = this.clock.now();
    const locked = lockedForSeconds(candidate, now);
    if (locked > 0) {
      // Locked: even the right password is refused, after the same work as any attempt.
      await verifyPassword(await dummyHash(), password);
      await this.failed({ id: candidate.id, username, role: candidate.role }, 'LOCKED');
      throw accountLocked(locked);
    }
    if (!(await verifyPassword(candidate.passwordHash, password))) {
      const state = await this.repository.recordFailure(candidate.id, this.clock.now(), this.policy);
      const lockedNow = lockedForSeconds(state, this.clock.now());
      await this.failed({ id: candidate.id, username, role: candidate.role }, lockedNow > 0 ? 'WRONG_PASSWORD_LOCKED' : 'WRONG_PASSWORD');
      if (lockedNow > 0) {
        this.logger.warn(`staff account ${candidate.id} locked for ${this.config.auth.lockMinutes} min after ${state.failedAttempts} failed logins`);
        throw accountLocked(lockedNow);
      }
      throw invalidCredentials();
    }
    const rehashed = needsRehash(candidate.passwordHash) ? await hashPassword(password) : null;
    await this.repository.recordSuccess(candidate.id, rehashed);
    const token = newSessionToken();
    const started = this.clock.now();
    await this.repository.createSession(sessionTokenHash(token), candidate.id, started, new Date(started.getTime() + this.config.auth.sessionHours * 3_600_000));
    this.logger.log(`staff account ${candidate.id} logged in`);
    const principal = await this.repository.principal(sessionTokenHash(token), started);
    if (!principal) throw new Error('the new session was not found');
    await this.audit.record(principal, { action: 'LOGIN', entity: 'staff_user', entityId: principal.id });
    return { token, user: await this.profile(principal) };
  }

  /**
   * A refused login in the audit log: the account tried (when there is one, as the row's
   * actor) and why; never the password, never the text typed for an unknown account.
   */
  private async failed(account: { id: string; username: string; role: string } | null, reason: 'UNKNOWN_ACCOUNT' | 'INACTIVE' | 'LOCKED' | 'WRONG_PASSWORD' | 'WRONG_PASSWORD_LOCKED'): Promise<void> {
    await this.audit.record(account, { action: 'LOGIN_FAILED', entity: 'staff_user', entityId: account?.id ?? null, details: { reason } });
  }

  /** The staff member behind a session token (from the cookie), or null. */
  async principal(token: string | undefined): Promise<StaffPrincipal | null> {
    if (!token || !SESSION_TOKEN.test(token)) return null;
    return this.repository.principal(sessionTokenHash(token), this.clock.now());
  }

  async logout(token: string, principal: StaffPrincipal): Promise<void> {
    if (!SESSION_TOKEN.test(token)) return;
    await this.repository.deleteSession(sessionTokenHash(token));
    await this.audit.record(principal, { action: 'LOGOUT', entity: 'staff_user', entityId: principal.id });
  }

  /** What `/api/auth/me` and the login answer show about the account. */
  async profile(principal: StaffPrincipal): Promise<StaffUserDto> {
    const [displayName, offices] = await Promise.all([this.repository.displayName(principal.id), this.repository.offices(principal.officeIds)]);
    return { id: principal.id, username: principal.username, displayName, role: principal.role, offices };
  }
}

function invalidCredentials(): ApiError {
  return new ApiError(401, 'INVALID_CREDENTIALS', 'auth.invalid');
}

/** 429 with Retry-After: the account is locked (LOGIN_MAX_FAILURES wrong passwords). */
function accountLocked(seconds: number): ApiError {
  return new ApiError(429, 'ACCOUNT_LOCKED', 'auth.locked', [], { minutes: Math.ceil(seconds / 60) }).withHeader('Retry-After', String(seconds));
}
