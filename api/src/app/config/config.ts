import { FIELD_NAME, LOG_FORMATS, LOG_LEVELS, LogSettings, logSettings, redactList } from '../logging/settings';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';

/**
 * Configuration from the environment, validated once at start-up: a wrong value stops
 * the api with a message naming the variable, instead of failing later.
 */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Connections in this instance's pool (each worker process has its own). */
  databasePoolSize: number;
  /** Processes serving HTTP (API_WORKERS): 1 serves from this process; more fork that many workers sharing the port. */
  workers: number;
  /** Directory of the built Angular app to serve at `/`; null serves the api only. */
  webDist: string | null;
  /** Embedded demo mode: seeds the Calderara demo office when the database is empty. */
  demoMode: boolean;
  /** Apply pending migrations at start-up. */
  migrateOnStart: boolean;
  /** Public base URL, used in links sent to citizens. */
  publicUrl: string;
  /** LOG_LEVEL, LOG_FORMAT (json in production, pretty elsewhere) and LOG_REDACT. */
  log: LogSettings;
  /** Bearer token of GET /api/metrics (METRICS_TOKEN); null: the endpoint is off. */
  metricsToken: string | null;
  booking: BookingConfig;
  /** Days after an appointment when the citizen's personal data are anonymised (RETENTION_DAYS; an office may set its own). */
  retentionDays: number;
  /** Days the audit log keeps a row (AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  mail: MailConfig;
  io: IoConfig;
  queue: QueueConfig;
  auth: AuthConfig;
  /**
   * Why the production rules apply ('NODE_ENV=production' or 'DEMO_MODE=false'), or null:
   * then SMTP_URL (or an explicit MAIL_DIR) and an https PUBLIC_URL (or ALLOW_HTTP=true)
   * are required, and, outside demo mode, no active account may keep the demo password.
   */
  productionRules: 'NODE_ENV=production' | 'DEMO_MODE=false' | null;
  /**
   * Which proxies vouch for the client address (TRUST_PROXY): false believes only the
   * socket (X-Forwarded-For is ignored), a number trusts that many hops, a list trusts
   * those addresses and CIDRs. Every per-client limit uses the address chosen this way.
   */
  trustProxy: false | number | string[];
  /** Citizens' sign-in with SPID/CIE through an OpenID Connect provider (OIDC_ISSUER); null: no sign-in. */
  oidc: OidcConfig | null;
  /** A citizen's session lasts this long after the sign-in (CITIZEN_SESSION_MINUTES). */
  citizenSessionMinutes: number;
}

/** The OpenID Connect relying party (the comune's identity gateway, SATOSA-Saml2Spid, Keycloak with SPID…). */
export interface OidcConfig {
  /** OIDC_ISSUER: discovery at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  /** OIDC_CLIENT_ID. */
  clientId: string;
  /** OIDC_CLIENT_SECRET (client_secret_basic) or OIDC_PRIVATE_KEY (PEM file path, private_key_jwt). */
  auth: { method: 'client_secret_basic'; secret: string } | { method: 'private_key_jwt'; keyPath: string };
  /** OIDC_SCOPES, default `openid profile email`. */
  scopes: string;
  /** OIDC_FISCAL_CODE_CLAIM: the claim carrying the codice fiscale (a `TINIT-` prefix is stripped). */
  fiscalCodeClaim: string;
  /** OIDC_PROVIDER_NAME: the label of the sign-in button. */
  providerName: string;
  /** `${PUBLIC_URL}/api/citizen/callback`. */
  redirectUri: string;
  /** Plain http is accepted only for a provider on this machine (the demo, the tests). */
  allowHttp: boolean;
}

/** Front-desk queue rules. */
export interface QueueConfig {
  /** A walk-in waiting longer than this is promoted (MAX_WAIT_MINUTES). */
  maxWaitMinutes: number;
  /** A checked-in appointment is due this long before its start (CALL_TOLERANCE_MINUTES). */
  toleranceMinutes: number;
  /** Check-in opens this long before the appointment (CHECKIN_EARLY_MINUTES). */
  checkInEarlyMinutes: number;
  /** Check-in closes this long after the start; staff may still force it (CHECKIN_LATE_MINUTES). */
  checkInLateMinutes: number;
}

/** Staff accounts and sessions. */
export interface AuthConfig {
  /** A staff session lasts this long after login, then the person logs in again (SESSION_HOURS). */
  sessionHours: number;
  /** Login attempts per minute per client address (LOGIN_THROTTLE_LIMIT). */
  loginThrottleLimit: number;
  /** Wrong passwords for one account within `lockMinutes` that lock it (LOGIN_MAX_FAILURES). */
  maxFailures: number;
  /** The failure window and how long a locked account stays locked (LOGIN_LOCK_MINUTES). */
  lockMinutes: number;
  /**
   * Failures from clients without a device cookie that close the account to every such
   * client for `lockMinutes` (LOGIN_ACCOUNT_MAX_FAILURES); holders of a device cookie still get in.
   */
  accountMaxFailures: number;
  /** Cookies carry `Secure`, and answers HSTS: true when PUBLIC_URL is https. */
  secureCookies: boolean;
}

/** E-mail notifications (outbox worker and transport). */
export interface MailConfig {
  /** SMTP server (SMTP_URL, e.g. smtp://user:pass@host:587); null writes .eml files to `dir`. */
  smtpUrl: string | null;
  /** Sender (MAIL_FROM). */
  from: string;
  /** Where .eml files go without SMTP_URL (MAIL_DIR), relative to the working directory. */
  dir: string;
  /** Seconds between two polls of the outbox by each instance (MAIL_POLL_SECONDS). */
  pollSeconds: number;
  /** Sending attempts before a notification is marked FAILED (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The reminder goes out this long before the start (REMINDER_HOURS_BEFORE). */
  reminderHoursBefore: number;
}

/** App IO (the public services app): messages by codice fiscale, through the outbox. */
export interface IoConfig {
  /** IO_API_URL, default https://api.io.pagopa.it/api/v1 (no trailing slash). */
  apiUrl: string;
  /** IO_API_KEY (`Ocp-Apim-Subscription-Key`); an office may set its own. Null: only offices with a key send, or the demo files. */
  apiKey: string | null;
  /** Where IO messages go as JSON files in demo mode without a key (IO_DIR, default .data/channels/io). */
  dir: string;
  /** Messages per 5 s per api instance (IO_MAX_PER_5S). */
  maxPer5s: number;
  /** Attempts before an IO message is FAILED (IO_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First retry delay, doubling each time (IO_RETRY_BASE_SECONDS); a Retry-After answer wins. */
  retryBaseSeconds: number;
}

/** Booking rules; the installation's defaults where an office's settings set none. */
export interface BookingConfig {
  /** How long a hold keeps a slot (HOLD_MINUTES). */
  holdMinutes: number;
  /** Open holds one client may have at once (MAX_HOLDS_PER_CLIENT). */
  maxHoldsPerClient: number;
  /** Active appointments one codice fiscale may have per service (MAX_ACTIVE_PER_CF). */
  maxActivePerFiscalCode: number;
  /** Cancelling and moving close this long before the start (CANCEL_CUTOFF_HOURS). */
  cancelCutoffHours: number;
  /** Active appointments one e-mail address may have across codici fiscali, per office (MAX_ACTIVE_PER_EMAIL). */
  maxActivePerEmail: number;
  /** Public write requests per minute per client (THROTTLE_LIMIT). */
  throttleLimit: number;
  /** Anonymous holds, bookings and waitlist sign-ups need an ALTCHA proof of work (BOOKING_CHALLENGE). */
  challenge: boolean;
  /**
   * Where the office asks for it, appointments whose attendance was asked for in the
   * reminder and not confirmed this long before the start are released
   * (RECONFIRM_DEADLINE_HOURS; smaller than REMINDER_HOURS_BEFORE).
   */
  reconfirmDeadlineHours: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const databasePoolSize = integer(env, 'DB_POOL_SIZE', 10, 1, 200, problems);
  const workers = integer(env, 'API_WORKERS', 1, 1, 64, problems);
  const host = env['HOST']?.trim() || '0.0.0.0';
  const databaseUrl = env['DATABASE_URL']?.trim() ?? '';
  if (!databaseUrl) {
    problems.push('DATABASE_URL is required (e.g. postgres://user:pass@localhost:5432/sportello); `npm start` sets it for the embedded PostgreSQL.');
  } else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const log = logSettings(env);
  const rawLevel = env['LOG_LEVEL']?.trim();
  if (rawLevel && !(LOG_LEVELS as readonly string[]).includes(rawLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);
  const rawFormat = env['LOG_FORMAT']?.trim().toLowerCase();
  if (rawFormat && !(LOG_FORMATS as readonly string[]).includes(rawFormat)) problems.push(`LOG_FORMAT must be json or pretty (got "${rawFormat}")`);
  const badFields = redactList(env['LOG_REDACT']).filter((name) => !FIELD_NAME.test(name));
  if (badFields.length > 0) problems.push(`LOG_REDACT must list field names separated by commas (not "${badFields.join('", "')}")`);
  const metricsToken = env['METRICS_TOKEN']?.trim() || null;
  if (metricsToken && !/^[\x21-\x7e]{32,}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be at least 32 printable characters without spaces (e.g. `openssl rand -hex 32`): it guards GET /api/metrics');
  }
  const publicUrl = (env['PUBLIC_URL']?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');
  const booking: BookingConfig = {
    holdMinutes: integer(env, 'HOLD_MINUTES', 10, 1, 120, problems),
    maxHoldsPerClient: integer(env, 'MAX_HOLDS_PER_CLIENT', 3, 1, 100, problems),
    maxActivePerFiscalCode: integer(env, 'MAX_ACTIVE_PER_CF', 1, 1, 50, problems),
    cancelCutoffHours: integer(env, 'CANCEL_CUTOFF_HOURS', 24, 0, 720, problems),
    maxActivePerEmail: integer(env, 'MAX_ACTIVE_PER_EMAIL', 6, 1, 1000, problems),
    throttleLimit: integer(env, 'THROTTLE_LIMIT', 30, 1, 1_000_000, problems),
    challenge: onOff(env, 'BOOKING_CHALLENGE', true, problems),
    reconfirmDeadlineHours: integer(env, 'RECONFIRM_DEADLINE_HOURS', 12, 1, 719, problems),
  };
  const retentionDays = integer(env, 'RETENTION_DAYS', 90, 1, 3650, problems);
  // At least six months: the Garante's minimum for system administrators' access logs.
  const auditRetentionDays = integer(env, 'AUDIT_RETENTION_DAYS', 365, 180, 3650, problems);
  const smtpUrl = env['SMTP_URL']?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const mail: MailConfig = {
    smtpUrl,
    from: env['MAIL_FROM']?.trim() || 'Sportello <noreply@localhost>',
    dir: env['MAIL_DIR']?.trim() || '.data/mail',
    pollSeconds: integer(env, 'MAIL_POLL_SECONDS', 5, 1, 3600, problems),
    maxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 100, problems),
    reminderHoursBefore: integer(env, 'REMINDER_HOURS_BEFORE', 24, 1, 720, problems),
  };
  const ioApiUrl = (env['IO_API_URL']?.trim() || 'https://api.io.pagopa.it/api/v1').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(ioApiUrl)) problems.push(`IO_API_URL must start with https:// (got "${ioApiUrl}")`);
  const io: IoConfig = {
    apiUrl: ioApiUrl,
    apiKey: env['IO_API_KEY']?.trim() || null,
    dir: env['IO_DIR']?.trim() || '.data/channels/io',
    maxPer5s: integer(env, 'IO_MAX_PER_5S', 150, 1, 100_000, problems),
    maxAttempts: integer(env, 'IO_MAX_ATTEMPTS', 8, 1, 100, problems),
    retryBaseSeconds: integer(env, 'IO_RETRY_BASE_SECONDS', 30, 1, 3600, problems),
  };
  const queue: QueueConfig = {
    maxWaitMinutes: integer(env, 'MAX_WAIT_MINUTES', 30, 1, 600, problems),
    toleranceMinutes: integer(env, 'CALL_TOLERANCE_MINUTES', 10, 0, 120, problems),
    checkInEarlyMinutes: integer(env, 'CHECKIN_EARLY_MINUTES', 60, 0, 720, problems),
    checkInLateMinutes: integer(env, 'CHECKIN_LATE_MINUTES', 15, 0, 240, problems),
  };
  const auth: AuthConfig = {
    sessionHours: integer(env, 'SESSION_HOURS', 12, 1, 720, problems),
    loginThrottleLimit: integer(env, 'LOGIN_THROTTLE_LIMIT', 10, 1, 1_000_000, problems),
    maxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100, problems),
    lockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 1440, problems),
    accountMaxFailures: integer(env, 'LOGIN_ACCOUNT_MAX_FAILURES', 50, 1, 100_000, problems),
    secureCookies: publicUrl.startsWith('https://'),
  };
  if (booking.reconfirmDeadlineHours >= mail.reminderHoursBefore) {
    problems.push(
      `RECONFIRM_DEADLINE_HOURS (${booking.reconfirmDeadlineHours}) must be smaller than REMINDER_HOURS_BEFORE (${mail.reminderHoursBefore}): the reminder asks for the confirmation before the deadline`,
    );
  }
  if (auth.accountMaxFailures < auth.maxFailures) {
    problems.push(
      `LOGIN_ACCOUNT_MAX_FAILURES (${auth.accountMaxFailures}) must be at least LOGIN_MAX_FAILURES (${auth.maxFailures}): one address alone must not close the account to the others`,
    );
  }
  const trustProxy = trustedProxies(env, problems);
  const webDist = env['WEB_DIST']?.trim() || null;
  const demoMode = boolean(env, 'DEMO_MODE', false, problems);
  const migrateOnStart = boolean(env, 'MIGRATE_ON_START', true, problems);
  const allowHttp = boolean(env, 'ALLOW_HTTP', false, problems);
  const oidc = oidcConfig(env, publicUrl, problems);
  const citizenSessionMinutes = integer(env, 'CITIZEN_SESSION_MINUTES', 30, 5, 1440, problems);
  const productionRules = productionRulesOf(env, demoMode);
  if (productionRules) checkProductionRules(env, productionRules, { publicUrl, allowHttp, smtpUrl }, problems);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    port,
    host,
    databaseUrl,
    databasePoolSize,
    workers,
    webDist,
    demoMode,
    migrateOnStart,
    publicUrl,
    log,
    metricsToken,
    booking,
    retentionDays,
    auditRetentionDays,
    mail,
    io,
    queue,
    auth,
    productionRules,
    trustProxy,
    oidc,
    citizenSessionMinutes,
  };
}

export const DEFAULT_FISCAL_CODE_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** OIDC_*: all or nothing — without OIDC_ISSUER the other settings are not read and no sign-in is offered. */
function oidcConfig(env: Env, publicUrl: string, problems: string[]): OidcConfig | null {
  const issuer = env['OIDC_ISSUER']?.trim().replace(/\/+$/, '');
  if (!issuer) return null;
  let url: URL | null = null;
  try {
    url = new URL(issuer);
  } catch {
    problems.push(`OIDC_ISSUER must be a URL (e.g. https://id.comune.example.it/oidc; got "${issuer}")`);
  }
  const loopback = url !== null && LOOPBACK_HOSTS.has(url.hostname);
  if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push(`OIDC_ISSUER must be an https:// address (plain http only for a provider on this machine; got "${issuer}")`);
  }
  const clientId = env['OIDC_CLIENT_ID']?.trim() ?? '';
  if (!clientId) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER: the client id the identity provider registered for Sportello');
  const secret = env['OIDC_CLIENT_SECRET']?.trim();
  const keyPath = env['OIDC_PRIVATE_KEY']?.trim();
  let auth: OidcConfig['auth'] = { method: 'client_secret_basic', secret: secret ?? '' };
  if (secret && keyPath) problems.push('OIDC_CLIENT_SECRET and OIDC_PRIVATE_KEY exclude each other: set one (client_secret_basic or private_key_jwt)');
  else if (keyPath) {
    auth = { method: 'private_key_jwt', keyPath };
    if (!existsSync(keyPath)) problems.push(`OIDC_PRIVATE_KEY must be the path of a PEM private key file (no file at "${keyPath}")`);
  } else if (!secret)
    problems.push('OIDC_CLIENT_SECRET (client_secret_basic) or OIDC_PRIVATE_KEY (a PEM file path, private_key_jwt) is required with OIDC_ISSUER');
  const scopes = (env['OIDC_SCOPES']?.trim() || 'openid profile email').replace(/\s+/g, ' ');
  if (!scopes.split(' ').includes('openid')) problems.push(`OIDC_SCOPES must include openid (got "${scopes}")`);
  return {
    issuer,
    clientId,
    auth,
    scopes,
    fiscalCodeClaim: env['OIDC_FISCAL_CODE_CLAIM']?.trim() || DEFAULT_FISCAL_CODE_CLAIM,
    providerName: env['OIDC_PROVIDER_NAME']?.trim() || 'SPID / CIE',
    redirectUri: `${publicUrl}/api/citizen/callback`,
    allowHttp: loopback,
  };
}

/** NODE_ENV=production, or DEMO_MODE set to false explicitly (an unset DEMO_MODE is the developer's default). */
function productionRulesOf(env: Env, demoMode: boolean): AppConfig['productionRules'] {
  if (env['NODE_ENV']?.trim() === 'production') return 'NODE_ENV=production';
  if (env['DEMO_MODE']?.trim() && !demoMode) return 'DEMO_MODE=false';
  return null;
}

/** What a real office needs: e-mails that reach citizens, and links and cookies over https. */
function checkProductionRules(
  env: Env,
  why: string,
  { publicUrl, allowHttp, smtpUrl }: { publicUrl: string; allowHttp: boolean; smtpUrl: string | null },
  problems: string[],
): void {
  if (!smtpUrl && !env['MAIL_DIR']?.trim()) {
    problems.push(
      `SMTP_URL is required in production (${why}): without it e-mails to citizens are only written as files that nobody reads. Set SMTP_URL (e.g. smtp://user:pass@mail.example.it:587), or set MAIL_DIR explicitly to keep writing .eml files there.`,
    );
  }
  if (publicUrl.startsWith('http://') && !allowHttp) {
    const given = env['PUBLIC_URL']?.trim() ? `"${publicUrl}"` : `not set, so "${publicUrl}"`;
    problems.push(
      `PUBLIC_URL must be an https:// address in production (${why}; it is ${given}): citizens' links point to it and the staff cookies are Secure only on https. Set ALLOW_HTTP=true to accept plain http (a trial on one machine).`,
    );
  }
}

/** Named ranges of proxy-addr (Fastify's trustProxy), besides addresses and CIDRs. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: unset → false; `2` → two hops; `10.0.0.1, 10.1.0.0/16` → those addresses. */
function trustedProxies(env: Env, problems: string[]): false | number | string[] {
  const raw = env['TRUST_PROXY']?.trim();
  if (!raw) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY must be a number of hops from 0 to 10, or a list of addresses and CIDRs (got "${raw}")`);
    return hops === 0 ? false : hops;
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !PROXY_RANGES.includes(e) && !isAddressOrCidr(e));
  if (wrong.length > 0 || entries.length === 0) {
    problems.push(
      `TRUST_PROXY must be a number of hops, or a comma-separated list of addresses and CIDRs (e.g. 10.0.0.5, 10.1.0.0/16); not valid: ${wrong.join(', ') || raw}`,
    );
    return false;
  }
  return entries;
}

function isAddressOrCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** on/off (also true/false, yes/no, 1/0). */
function onOff(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  return boolean(env, name, fallback, problems, 'on or off');
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[], expected = 'true or false'): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  problems.push(`${name} must be ${expected} (got "${raw}")`);
  return fallback;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
