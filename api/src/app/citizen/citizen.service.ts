import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fiscalCodeKey, validateFiscalCode } from '@sportello/domain';
import { DataSource } from 'typeorm';
import { newSessionToken, sameToken, sessionTokenHash } from '../auth/session-token';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig, OidcConfig } from '../config/config';
import { queryRows } from '../database/db';
import { CitizenSessions } from './citizen-session.service';
import type { CitizenPrincipal } from './citizen-session.service';
import { OidcClient, SignInRejected } from './oidc.client';
import { safeReturnTo } from './return-to';

/** How long a sign-in may take at the provider, from the login redirect to the callback. */
export const LOGIN_MINUTES = 10;

export interface LoginStart {
  /** The provider's authorisation endpoint with response_type, code_challenge (S256), state, nonce and redirect_uri. */
  url: string;
  /** The value of the `sportello_citizen_login` cookie that ties the callback to this browser. */
  browserToken: string;
}

interface PendingLogin {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Date;
}

/** Citizens' sign-in with SPID/CIE: the login redirect, the callback's checks and the session. */
@Injectable()
export class CitizenService {
  private readonly logger = new Logger('CitizenSignIn');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly oidc: OidcClient,
    private readonly sessions: CitizenSessions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  /** Starts a sign-in: the pending state (state, nonce, PKCE verifier, returnTo) is stored, single use, for LOGIN_MINUTES. */
  async start(returnTo: unknown): Promise<LoginStart> {
    const request = await this.oidc.authorisationRequest();
    const browserToken = newSessionToken();
    await this.db.query(`INSERT INTO citizen_login (browser_hash, state, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      sessionTokenHash(browserToken),
      request.state,
      request.nonce,
      request.codeVerifier,
      safeReturnTo(returnTo),
      new Date(this.clock.now().getTime() + LOGIN_MINUTES * 60_000),
    ]);
    return { url: request.url, browserToken };
  }

  /**
   * The provider's answer: the pending sign-in of this browser is taken (deleted: a second
   * use finds nothing), its state compared, then openid-client exchanges the code and checks
   * the ID token. Any failure throws SignInRejected (or ProviderUnavailable) and opens nothing.
   */
  async finish(browserToken: string | undefined, query: Record<string, unknown>): Promise<{ token: string; returnTo: string }> {
    const pending = browserToken ? await this.takePending(browserToken) : null;
    if (!pending || pending.expires_at <= this.clock.now()) throw new SignInRejected('no pending sign-in for this browser (missing, expired or used)');
    const state = typeof query['state'] === 'string' ? query['state'] : '';
    if (!state || !sameToken(state, pending.state)) throw new SignInRejected('state does not match');
    const callbackUrl = new URL(this.config.oidc?.redirectUri ?? '');
    for (const [name, value] of Object.entries(query)) if (typeof value === 'string') callbackUrl.searchParams.set(name, value);
    const { claims, idToken } = await this.oidc.verify(callbackUrl, { state: pending.state, nonce: pending.nonce, codeVerifier: pending.code_verifier });
    const identity = this.identityOf(claims);
    const token = await this.sessions.open(identity, idToken ?? null);
    this.logger.log('citizen signed in');
    return { token, returnTo: pending.return_to };
  }

  /** Ends the session here; the provider's logout URL when it offers one. */
  async logout(token: string, idToken: string | null): Promise<string | null> {
    await this.sessions.close(token);
    return this.oidc.endSessionUrl(idToken, `${this.config.publicUrl}/`);
  }

  private async takePending(browserToken: string): Promise<PendingLogin | null> {
    const rows = await queryRows<PendingLogin>(
      this.db,
      `DELETE FROM citizen_login WHERE browser_hash = $1 RETURNING state, nonce, code_verifier, return_to, expires_at`,
      [sessionTokenHash(browserToken)],
    );
    return rows[0] ?? null;
  }

  /** The codice fiscale (without TINIT-, checked in full), the names and the e-mail from the claims. */
  private identityOf(claims: Record<string, unknown>): CitizenPrincipal {
    const claim = this.config.oidc?.fiscalCodeClaim ?? '';
    const raw = claims[claim];
    if (typeof raw !== 'string' || !raw.trim()) throw new SignInRejected(`the ID token has no ${claim} claim`);
    const checked = validateFiscalCode(raw.trim().replace(/^TINIT-/i, ''));
    if (!checked.valid) throw new SignInRejected(`the ${claim} claim is not a valid codice fiscale (${checked.reason})`);
    const firstName = typeof claims['given_name'] === 'string' ? claims['given_name'].trim().slice(0, 100) : '';
    const lastName = typeof claims['family_name'] === 'string' ? claims['family_name'].trim().slice(0, 100) : '';
    if (!firstName || !lastName) throw new SignInRejected('the identity has no given_name or family_name');
    const email = typeof claims['email'] === 'string' && claims['email'].includes('@') ? claims['email'].trim().slice(0, 254) : null;
    return { fiscalCode: checked.normalized, fiscalCodeKey: fiscalCodeKey(checked.normalized), firstName, lastName, email };
  }
}
