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
      logLevel: 'log',
      booking: { holdMinutes: 10, maxHoldsPerClient: 3, maxActivePerFiscalCode: 1, maxActivePerEmail: 6, cancelCutoffHours: 24, throttleLimit: 30, challenge: true, reconfirmDeadlineHours: 12 },
      retentionDays: 90,
      auditRetentionDays: 365,
      mail: { smtpUrl: null, from: 'Sportello <noreply@localhost>', dir: '.data/mail', pollSeconds: 5, maxAttempts: 8, reminderHoursBefore: 24 },
      queue: { maxWaitMinutes: 30, toleranceMinutes: 10, checkInEarlyMinutes: 60, checkInLateMinutes: 15 },
      auth: { sessionHours: 12, loginThrottleLimit: 10, maxFailures: 5, lockMinutes: 15, accountMaxFailures: 50, secureCookies: false },
      trustProxy: false,
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
    expect(config.mail).toEqual({ smtpUrl: 'smtp://mail:1025', from: 'URP <urp@comune.example.it>', dir: '/var/mail/sportello', pollSeconds: 2, maxAttempts: 3, reminderHoursBefore: 48 });
    expect(config.booking).toEqual({ holdMinutes: 5, maxHoldsPerClient: 2, maxActivePerFiscalCode: 3, maxActivePerEmail: 4, cancelCutoffHours: 48, throttleLimit: 1000, challenge: false, reconfirmDeadlineHours: 20 });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', databasePoolSize: 25, workers: 2, webDist: '/srv/web', demoMode: true, migrateOnStart: false, publicUrl: 'https://prenota.example.it', logLevel: 'warn', auditRetentionDays: 400 });
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
    expect(() => loadConfig({ ...base, LOGIN_MAX_FAILURES: '10', LOGIN_ACCOUNT_MAX_FAILURES: '5' })).toThrow(/LOGIN_ACCOUNT_MAX_FAILURES \(5\) must be at least LOGIN_MAX_FAILURES \(10\)/);
  });

  it('the reconfirmation deadline comes after the reminder', () => {
    expect(() => loadConfig({ ...base, RECONFIRM_DEADLINE_HOURS: '24' })).toThrow(/RECONFIRM_DEADLINE_HOURS \(24\) must be smaller than REMINDER_HOURS_BEFORE \(24\)/);
    expect(() => loadConfig({ ...base, REMINDER_HOURS_BEFORE: '6' })).toThrow(/RECONFIRM_DEADLINE_HOURS \(12\) must be smaller than REMINDER_HOURS_BEFORE \(6\)/);
    expect(() => loadConfig({ ...base, RECONFIRM_DEADLINE_HOURS: '0' })).toThrow(/RECONFIRM_DEADLINE_HOURS must be a whole number from 1 to 719/);
    expect(loadConfig({ ...base, REMINDER_HOURS_BEFORE: '48', RECONFIRM_DEADLINE_HOURS: '47' }).booking.reconfirmDeadlineHours).toBe(47);
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
