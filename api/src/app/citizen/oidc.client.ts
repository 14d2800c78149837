import { Inject, Injectable, Logger } from '@nestjs/common';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as oidc from 'openid-client';
import { importPKCS8 } from 'jose';
import { APP_CONFIG } from '../config/config';
import type { AppConfig, OidcConfig } from '../config/config';

/** The provider cannot be reached (discovery, token endpoint, keys): answered 503, retried on the next sign-in. */
export class ProviderUnavailable extends Error {}

/** The provider's answer failed a check (state, code, iss, aud, nonce, expiry, signature): the sign-in fails closed. */
export class SignInRejected extends Error {}

export interface AuthorisationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  claims: Record<string, unknown>;
  idToken: string | undefined;
}

const TIMEOUT_SECONDS = 10;

/**
 * The OpenID Connect relying party (openid-client 6): authorisation code with PKCE S256,
 * state and nonce. Discovery happens at the first sign-in and is kept; a failed one is
 * tried again next time, so the api starts while the provider is down.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger('Oidc');
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get settings(): OidcConfig {
    if (!this.config.oidc) throw new Error('OIDC is not configured');
    return this.config.oidc;
  }

  async authorisationRequest(): Promise<AuthorisationRequest> {
    const configuration = await this.discovered();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code and checks the ID token (iss, aud, nonce, exp, signature); the profile from userinfo when the ID token lacks it. */
  async verify(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
    const configuration = await this.discovered();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.classified(error);
    }
    const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    const missing = !claims[this.settings.fiscalCodeClaim] || !claims['given_name'] || !claims['family_name'];
    if (missing && configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        Object.assign(claims, await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims['sub'])), claims);
      } catch (error) {
        throw this.classified(error);
      }
    }
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's RP-initiated logout URL, or null when it offers no end_session_endpoint (or is unreachable now). */
  async endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discovered();
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.settings.clientId };
    if (idToken) parameters['id_token_hint'] = idToken;
    return oidc.buildEndSessionUrl(configuration, parameters).href;
  }

  /** Whether the provider's metadata offers RP-initiated logout (after a first discovery). */
  private discovered(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      this.configuration = this.discover().catch((error: unknown) => {
        this.configuration = null;
        this.logger.warn(`discovery of ${this.settings.issuer} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw new ProviderUnavailable('discovery failed');
      });
    }
    return this.configuration;
  }

  private async discover(): Promise<oidc.Configuration> {
    const settings = this.settings;
    const auth =
      settings.auth.method === 'client_secret_basic'
        ? oidc.ClientSecretBasic(settings.auth.secret)
        : oidc.PrivateKeyJwt(await privateKey(settings.auth.keyPath));
    const configuration = await oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, {
      timeout: TIMEOUT_SECONDS,
      // Plain http only for a provider on this machine (config.ts refuses any other).
      ...(settings.allowHttp && { execute: [oidc.allowInsecureRequests] }),
    });
    configuration.timeout = TIMEOUT_SECONDS;
    this.logger.log(`discovered ${settings.issuer}`);
    return configuration;
  }

  /** A refusal by a check or by the provider (invalid_grant for a replayed code) fails closed; a network failure is a 503. */
  private classified(error: unknown): Error {
    const detail =
      error instanceof Error
        ? `${error.name}${(error as { code?: string }).code ? ` ${(error as { code?: string }).code}` : ''}: ${error.message}`
        : String(error);
    if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ClientError) {
      // Which claim or parameter failed (oauth4webapi's cause), or the provider's OAuth error code; no personal data.
      const what = [...causes(error), error]
        .flatMap((c) => [
          (c as { claim?: unknown }).claim,
          (c as { attribute?: unknown }).attribute,
          (c as { parameter?: unknown }).parameter,
          (c as { error?: unknown }).error,
        ])
        .filter((v): v is string => typeof v === 'string')
        .concat(causes(error).flatMap((c) => (c instanceof Error ? [c.message] : [])))
        .join('; ');
      return new SignInRejected(`${detail}${what ? ` [${what}]` : ''}`);
    }
    this.logger.warn(`provider unreachable: ${detail}`);
    return new ProviderUnavailable(detail);
  }
}

/** The chain of `cause`s of an error (openid-client wraps oauth4webapi's errors, whose cause names the claim). */
function causes(error: unknown): object[] {
  const chain: object[] = [];
  let current = (error as { cause?: unknown }).cause;
  while (current && typeof current === 'object' && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** OIDC_PRIVATE_KEY: a PEM private key (PKCS#8, or PKCS#1/SEC1 converted here); RS256 for RSA, ES256 for EC P-256. */
async function privateKey(path: string): Promise<oidc.CryptoKey> {
  const key = createPrivateKey(readFileSync(path, 'utf8'));
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  return importPKCS8(key.export({ type: 'pkcs8', format: 'pem' }).toString(), alg);
}
