import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(base)).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: base.DATABASE_URL,
      databasePoolSize: 10,
      workers: 1,
      webDist: null,
      demoMode: false,
      migrateOnStart: true,
      publicUrl: 'http://localhost:3000',
      log: { level: 'log', format: 'pretty', redact: [] },
      metricsToken: null,
      booking: {
        holdMinutes: 10,
        maxHoldsPerClient: 3,
        maxActivePerFiscalCode: 1,
        maxActivePerEmail: 6,
        cancelCutoffHours: 24,
        throttleLimit: 30,
        challenge: true,
        reconfirmDeadlineHours: 12,
      },
      retentionDays: 90,
      auditRetentionDays: 365,
      mail: { smtpUrl: null, from: 'Sportello <noreply@localhost>', dir: '.data/mail', pollSeconds: 5, maxAttempts: 8, reminderHoursBefore: 24 },
      io: { apiUrl: 'https://api.io.pagopa.it/api/v1', apiKey: null, dir: '.data/channels/io', maxPer5s: 150, maxAttempts: 8, retryBaseSeconds: 30 },
      queue: { maxWaitMinutes: 30, toleranceMinutes: 10, checkInEarlyMinutes: 60, checkInLateMinutes: 15 },
      auth: { sessionHours: 12, loginThrottleLimit: 10, maxFailures: 5, lockMinutes: 15, accountMaxFailures: 50, secureCookies: false },
      productionRules: null,
      trustProxy: false,
      oidc: null,
      citizenSessionMinutes: 30,
    });
  });

  describe('citizens sign-in (OIDC_*)', () => {
    const oidc = { ...base, PUBLIC_URL: 'https://prenota.example.it/', OIDC_ISSUER: 'https://id.comune.example.it/oidc/', OIDC_CLIENT_ID: 'sportello' };

    it('reads the settings with their defaults; the redirect URI follows PUBLIC_URL', () => {
      expect(loadConfig({ ...oidc, OIDC_CLIENT_SECRET: 's3cret', CITIZEN_SESSION_MINUTES: '45' })).toMatchObject({
        citizenSessionMinutes: 45,
        oidc: {
          issuer: 'https://id.comune.example.it/oidc',
          clientId: 'sportello',
          auth: { method: 'client_secret_basic', secret: 's3cret' },
          scopes: 'openid profile email',
          fiscalCodeClaim: 'https://attributes.eid.gov.it/fiscal_number',
          providerName: 'SPID / CIE',
          redirectUri: 'https://prenota.example.it/api/citizen/callback',
          allowHttp: false,
        },
      });
      expect(
        loadConfig({
          ...oidc,
          OIDC_PRIVATE_KEY: __filename,
          OIDC_SCOPES: 'openid  profile',
          OIDC_FISCAL_CODE_CLAIM: 'fiscalNumber',
          OIDC_PROVIDER_NAME: 'Entra',
        }).oidc,
      ).toMatchObject({
        auth: { method: 'private_key_jwt', keyPath: __filename },
        scopes: 'openid profile',
        fiscalCodeClaim: 'fiscalNumber',
        providerName: 'Entra',
      });
    });

    it('refuses incomplete or contradictory settings, naming each variable', () => {
      expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://id.example.it', OIDC_SCOPES: 'profile' })).toThrow(
        /OIDC_ISSUER must be an https:\/\/ address[\s\S]*OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET \(client_secret_basic\) or OIDC_PRIVATE_KEY[\s\S]*OIDC_SCOPES must include openid/,
      );
      expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: 'x', OIDC_PRIVATE_KEY: __filename })).toThrow(
        /OIDC_CLIENT_SECRET and OIDC_PRIVATE_KEY exclude each other/,
      );
      expect(() => loadConfig({ ...oidc, OIDC_PRIVATE_KEY: '/no/such/key.pem' })).toThrow(/OIDC_PRIVATE_KEY must be the path of a PEM private key file/);
      expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: 'x', CITIZEN_SESSION_MINUTES: '0' })).toThrow(
        /CITIZEN_SESSION_MINUTES must be a whole number from 5 to 1440/,
      );
    });

    it('accepts plain http only for a provider on this machine', () => {
      expect(loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' }).oidc?.allowHttp).toBe(true);
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '25',
      API_WORKERS: '2',
      WEB_DIST: '/srv/web',
      DEMO_MODE: 'yes',
      MIGRATE_ON_START: 'false',
      PUBLIC_URL: 'https://prenota.example.it/',
      LOG_LEVEL: 'warn',
      HOLD_MINUTES: '5',
      MAX_HOLDS_PER_CLIENT: '2',
      MAX_ACTIVE_PER_CF: '3',
      CANCEL_CUTOFF_HOURS: '48',
      THROTTLE_LIMIT: '1000',
      SMTP_URL: 'smtp://mail:1025',
      MAIL_FROM: 'URP <urp@comune.example.it>',
      MAIL_DIR: '/var/mail/sportello',
      MAIL_POLL_SECONDS: '2',
      MAIL_MAX_ATTEMPTS: '3',
      REMINDER_HOURS_BEFORE: '48',
      SESSION_HOURS: '9',
      LOGIN_THROTTLE_LIMIT: '20',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '30',
      RECONFIRM_DEADLINE_HOURS: '20',
      AUDIT_RETENTION_DAYS: '400',
      MAX_ACTIVE_PER_EMAIL: '4',
      BOOKING_CHALLENGE: 'off',
      LOGIN_ACCOUNT_MAX_FAILURES: '200',
      TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, ::1',
    });
    expect(config.auth).toEqual({ sessionHours: 9, loginThrottleLimit: 20, maxFailures: 3, lockMinutes: 30, accountMaxFailures: 200, secureCookies: true });
    expect(config.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://mail:1025',
      from: 'URP <urp@comune.example.it>',
      dir: '/var/mail/sportello',
      pollSeconds: 2,
      maxAttempts: 3,
      reminderHoursBefore: 48,
    });
    expect(config.booking).toEqual({
      holdMinutes: 5,
      maxHoldsPerClient: 2,
      maxActivePerFiscalCode: 3,
      maxActivePerEmail: 4,
      cancelCutoffHours: 48,
      throttleLimit: 1000,
      challenge: false,
      reconfirmDeadlineHours: 20,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databasePoolSize: 25,
      workers: 2,
      webDist: '/srv/web',
      demoMode: true,
      migrateOnStart: false,
      publicUrl: 'https://prenota.example.it',
      log: { level: 'warn', format: 'pretty', redact: [] },
      auditRetentionDays: 400,
    });
  });

  it('lists every wrong variable at once', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000', DEMO_MODE: 'maybe', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000', DEMO_MODE: 'maybe', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL must start with postgres://');
      expect(message).toContain('PORT must be a whole number from 0 to 65535 (got "70000")');
      expect(message).toContain('DEMO_MODE must be true or false');
      expect(message).toContain('LOG_LEVEL must be one of');
    }
  });

  it('checks the mail settings', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail', MAIL_POLL_SECONDS: '0', MAIL_MAX_ATTEMPTS: 'x' })).toThrow(
      /SMTP_URL must start with smtp:\/\/[\s\S]*MAIL_POLL_SECONDS must be a whole number[\s\S]*MAIL_MAX_ATTEMPTS must be a whole number/,
    );
  });

  it('checks the staff login settings', () => {
    expect(() => loadConfig({ ...base, SESSION_HOURS: '0', LOGIN_MAX_FAILURES: 'many', LOGIN_LOCK_MINUTES: '-1' })).toThrow(
      /SESSION_HOURS must be a whole number[\s\S]*LOGIN_MAX_FAILURES must be a whole number[\s\S]*LOGIN_LOCK_MINUTES must be a whole number/,
    );
  });

  it('reads TRUST_PROXY as hops or a list of addresses and CIDRs, and refuses anything else', () => {
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: '192.168.1.0/24,fd00::/8' }).trustProxy).toEqual(['192.168.1.0/24', 'fd00::/8']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be a number of hops[\s\S]*not valid: true/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not valid: 10\.0\.0\.0\/33/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY must be a number of hops from 0 to 10/);
  });

  it('reads BOOKING_CHALLENGE as on or off', () => {
    expect(loadConfig({ ...base, BOOKING_CHALLENGE: 'on' }).booking.challenge).toBe(true);
    expect(loadConfig({ ...base, BOOKING_CHALLENGE: 'OFF' }).booking.challenge).toBe(false);
    expect(() => loadConfig({ ...base, BOOKING_CHALLENGE: 'sometimes' })).toThrow(/BOOKING_CHALLENGE must be on or off/);
  });

  it('the per-account login budget is at least the per-address one', () => {
    expect(() => loadConfig({ ...base, LOGIN_MAX_FAILURES: '10', LOGIN_ACCOUNT_MAX_FAILURES: '5' })).toThrow(
      /LOGIN_ACCOUNT_MAX_FAILURES \(5\) must be at least LOGIN_MAX_FAILURES \(10\)/,
    );
  });

  it('the reconfirmation deadline comes after the reminder', () => {
    expect(() => loadConfig({ ...base, RECONFIRM_DEADLINE_HOURS: '24' })).toThrow(
      /RECONFIRM_DEADLINE_HOURS \(24\) must be smaller than REMINDER_HOURS_BEFORE \(24\)/,
    );
    expect(() => loadConfig({ ...base, REMINDER_HOURS_BEFORE: '6' })).toThrow(
      /RECONFIRM_DEADLINE_HOURS \(12\) must be smaller than REMINDER_HOURS_BEFORE \(6\)/,
    );
    expect(() => loadConfig({ ...base, RECONFIRM_DEADLINE_HOURS: '0' })).toThrow(/RECONFIRM_DEADLINE_HOURS must be a whole number from 1 to 719/);
    expect(loadConfig({ ...base, REMINDER_HOURS_BEFORE: '48', RECONFIRM_DEADLINE_HOURS: '47' }).booking.reconfirmDeadlineHours).toBe(47);
  });

  describe('production rules (NODE_ENV=production or DEMO_MODE=false)', () => {
    const production = { ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.it:587', PUBLIC_URL: 'https://prenota.example.it' };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as Error).message.split('\n').slice(1);
      }
    };

    it('apply with NODE_ENV=production or an explicit DEMO_MODE=false, not by default nor in a development demo', () => {
      expect(loadConfig(production).productionRules).toBe('NODE_ENV=production');
      expect(loadConfig({ ...production, NODE_ENV: '', DEMO_MODE: 'false' }).productionRules).toBe('DEMO_MODE=false');
      expect(loadConfig({ ...production, NODE_ENV: 'production', DEMO_MODE: 'true' }).productionRules).toBe('NODE_ENV=production');
      expect(loadConfig(base).productionRules).toBeNull();
      expect(loadConfig({ ...base, NODE_ENV: 'test' }).productionRules).toBeNull();
      expect(loadConfig({ ...base, DEMO_MODE: 'true' }).productionRules).toBeNull();
    });

    it('refuse a start without SMTP_URL, naming it, unless MAIL_DIR is set explicitly', () => {
      for (const env of [
        { ...production, SMTP_URL: '' },
        { ...production, SMTP_URL: ' ', NODE_ENV: '', DEMO_MODE: 'no' },
      ]) {
        const found = problems(env);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^ {2}- SMTP_URL is required in production \((NODE_ENV=production|DEMO_MODE=false)\): .* or set MAIL_DIR explicitly/);
      }
      expect(loadConfig({ ...production, SMTP_URL: '', MAIL_DIR: '/var/spool/sportello' }).mail).toMatchObject({ smtpUrl: null, dir: '/var/spool/sportello' });
      // Outside production the files are the development default.
      expect(loadConfig({ ...base, PUBLIC_URL: 'https://x.example.it' }).mail).toMatchObject({ smtpUrl: null, dir: '.data/mail' });
    });

    it('refuse PUBLIC_URL on plain http, set or defaulted, naming it and ALLOW_HTTP', () => {
      expect(problems({ ...production, PUBLIC_URL: 'http://prenota.example.it' })).toEqual([
        expect.stringMatching(
          /^ {2}- PUBLIC_URL must be an https:\/\/ address in production \(NODE_ENV=production; it is "http:\/\/prenota.example.it"\).*Set ALLOW_HTTP=true/,
        ),
      ]);
      expect(problems({ ...production, PUBLIC_URL: '', NODE_ENV: '', DEMO_MODE: 'false' })).toEqual([
        expect.stringContaining('PUBLIC_URL must be an https:// address in production (DEMO_MODE=false; it is not set, so "http://localhost:3000")'),
      ]);
      expect(loadConfig({ ...production, PUBLIC_URL: 'http://192.168.1.10:3000', ALLOW_HTTP: 'true' })).toMatchObject({
        publicUrl: 'http://192.168.1.10:3000',
        auth: { secureCookies: false },
      });
      expect(problems({ ...production, PUBLIC_URL: 'http://x', ALLOW_HTTP: 'perhaps' })).toEqual([
        expect.stringContaining('ALLOW_HTTP must be true or false'),
        expect.stringContaining('PUBLIC_URL must be an https://'),
      ]);
      // Outside production plain http is the development default.
      expect(loadConfig(base).publicUrl).toBe('http://localhost:3000');
    });

    it('list both refusals at once', () => {
      const found = problems({ ...base, NODE_ENV: 'production' });
      expect(found.map((line) => line.replace(/^ {2}- /, '').split(' ')[0])).toEqual(['SMTP_URL', 'PUBLIC_URL']);
    });
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
