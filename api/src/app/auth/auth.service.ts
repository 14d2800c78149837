import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StaffUserDto } from '@sportello/contracts';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { AuditService } from '../audit/audit.service';
import { ServerSecrets } from '../security/server-secrets';
import { AuthRepository, LoginCandidate, StaffPrincipal } from './auth.repository';
import { readCookie } from './auth.cookies';
import { deviceCookieName, issueDeviceCookie, readDeviceCookie } from './device-cookie';
import { lockedForSeconds, LockoutPolicy } from './lockout';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { normaliseUsername, USERNAME } from './staff-accounts';
import { newSessionToken, SESSION_TOKEN, sessionTokenHash } from './session-token';

export interface LoginResult {
  /** The plain session token, for the cookie only: never stored, never logged. */
  token: string;
  user: StaffUserDto;
  /** A new device cookie for the browser (OWASP device cookies, see device-cookie.ts). */
  device: { name: string; value: string };
}

/** Who is trying: the client address (as TRUST_PROXY decides it) and the request's cookies. */
export interface LoginClient {
  address: string;
  headers: { cookie?: string };
}

/**
 * Staff login, sessions and logout. Unknown usernames, inactive accounts and wrong
 * passwords get the same 401 after the same work (an argon2 verification each). Logs carry
 * account ids, never usernames, passwords or tokens.
 *
 * Guessing is bounded without letting anyone lock the staff out (OWASP device cookies):
 * - a browser with a valid device cookie of the account (from an earlier login) has its own
 *   budget of LOGIN_MAX_FAILURES; nothing done elsewhere closes the account to it;
 * - any other client has LOGIN_MAX_FAILURES per address, after which that address alone gets
 *   429 ACCOUNT_LOCKED, and all of them together LOGIN_ACCOUNT_MAX_FAILURES, after which the
 *   account takes logins only from its known devices, for LOGIN_LOCK_MINUTES.
 * Every login, failed login and lock-out goes into the audit log (never the password, never an address).
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly clientPolicy: LockoutPolicy;
  private readonly accountPolicy: LockoutPolicy;

  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly secrets: ServerSecrets,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { maxFailures, lockMinutes, accountMaxFailures } = config.auth;
    this.clientPolicy = { maxFailures, windowMinutes: lockMinutes, lockMinutes };
    this.accountPolicy = { maxFailures: accountMaxFailures, windowMinutes: lockMinutes, lockMinutes };
    // Computed once ahead, so the first unknown username takes no longer than the others.
    void dummyHash();
  }

  async login(rawUsername: string, password: string, client: LoginClient): Promise<LoginResult> {
    const username = normaliseUsername(rawUsername);
    const candidate = USERNAME.test(username) ? await this.repository.findForLogin(username) : null;
    if (!candidate || !candidate.active) {
      await verifyPassword(await dummyHash(), password);
      // No username in the row: a password typed into the wrong field must not end up in the log.
      await this.audit.record(candidate ? actorOf(candidate) : null, {
        action: 'LOGIN_FAILED',
        entity: 'staff_user',
        entityId: candidate?.id ?? null,
        details: { reason: candidate ? 'INACTIVE' : 'UNKNOWN_ACCOUNT' },
      });
      throw invalidCredentials();
    }
    const now = this.clock.now();
    const deviceId = readDeviceCookie(this.secrets.key('device-cookie'), candidate.id, readCookie(client, deviceCookieName(candidate.id)), now);
    const clientKey = deviceId ? this.secrets.mac('client-key', `device:${deviceId}`) : this.secrets.mac('client-key', `address:${client.address}`);
    const scope = deviceId ? 'DEVICE' : 'ADDRESS';
    const device = deviceId ? 'KNOWN' : 'UNKNOWN';
    const clientState = await this.repository.clientFailures(candidate.id, scope, clientKey);
    // A known device is never held back by the account's budget: that is the point of it.
    const locked = Math.max(lockedForSeconds(clientState, now), deviceId ? 0 : lockedForSeconds(candidate, now));
    if (locked > 0) {
      // Locked: even the right password is refused, after the same work as any attempt.
      await verifyPassword(await dummyHash(), password);
      await this.audit.record(actorOf(candidate), {
        action: 'LOGIN_FAILED',
        entity: 'staff_user',
        entityId: candidate.id,
        details: { reason: 'LOCKED', device },
      });
      throw accountLocked(locked);
    }
    if (!(await verifyPassword(candidate.passwordHash, password))) {
      const failedAt = this.clock.now();
      const clientAfter = await this.repository.recordClientFailure(candidate.id, scope, clientKey, failedAt, this.clientPolicy);
      const accountAfter = deviceId ? null : await this.repository.recordFailure(candidate.id, failedAt, this.accountPolicy);
      await this.audit.record(actorOf(candidate), {
        action: 'LOGIN_FAILED',
        entity: 'staff_user',
        entityId: candidate.id,
        details: { reason: 'WRONG_PASSWORD', device },
      });
      if (accountAfter && lockedForSeconds(accountAfter, failedAt) > 0 && !lockedForSeconds(candidate, now)) {
        this.logger.warn(
          `staff account ${candidate.id} closed to unknown devices for ${this.config.auth.lockMinutes} min after ${accountAfter.failedAttempts} failed logins`,
        );
        await this.audit.record(actorOf(candidate), {
          action: 'LOCKED_OUT',
          entity: 'staff_user',
          entityId: candidate.id,
          details: { scope: 'ACCOUNT', failures: accountAfter.failedAttempts, minutes: this.config.auth.lockMinutes },
        });
      }
      const lockedNow = lockedForSeconds(clientAfter, failedAt);
      if (lockedNow > 0) {
        this.logger.warn(
          `staff account ${candidate.id}: one ${deviceId ? 'device' : 'address'} locked out for ${this.config.auth.lockMinutes} min after ${clientAfter.failedAttempts} failed logins`,
        );
        await this.audit.record(actorOf(candidate), {
          action: 'LOCKED_OUT',
          entity: 'staff_user',
          entityId: candidate.id,
          details: { scope, failures: clientAfter.failedAttempts, minutes: this.config.auth.lockMinutes },
        });
        throw accountLocked(lockedNow);
      }
      throw invalidCredentials();
    }
    const rehashed = needsRehash(candidate.passwordHash) ? await hashPassword(password) : null;
    await this.repository.recordSuccess(candidate.id, rehashed, !deviceId);
    if (clientState.failedAttempts > 0) await this.repository.clearClientFailures(candidate.id, scope, clientKey);
    const token = newSessionToken();
    const started = this.clock.now();
    await this.repository.createSession(
      sessionTokenHash(token),
      candidate.id,
      started,
      new Date(started.getTime() + this.config.auth.sessionHours * 3_600_000),
    );
    this.logger.log(`staff account ${candidate.id} logged in`);
    const principal = await this.repository.principal(sessionTokenHash(token), started);
    if (!principal) throw new Error('the new session was not found');
    await this.audit.record(principal, { action: 'LOGIN', entity: 'staff_user', entityId: candidate.id, details: { device } });
    const cookie = issueDeviceCookie(this.secrets.key('device-cookie'), candidate.id, started);
    return { token, user: await this.profile(principal), device: { name: cookie.name, value: cookie.value } };
  }

  /** The staff member behind a session token (from the cookie), or null. */
  async principal(token: string | undefined): Promise<StaffPrincipal | null> {
    if (!token || !SESSION_TOKEN.test(token)) return null;
    return this.repository.principal(sessionTokenHash(token), this.clock.now());
  }

  async logout(staff: StaffPrincipal, token: string): Promise<void> {
    if (SESSION_TOKEN.test(token) && (await this.repository.deleteSession(sessionTokenHash(token)))) {
      await this.audit.record(staff, { action: 'LOGOUT', entity: 'staff_user', entityId: staff.id });
    }
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

function actorOf(candidate: LoginCandidate): { id: string; username: string; role: string } {
  return { id: candidate.id, username: candidate.username, role: candidate.role };
}
