type Env = Record<string, string | undefined>;

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  /** LOG_LEVEL: error, warn, log (the default) or debug. */
  level: LogLevel;
  /** LOG_FORMAT: one JSON line per event in production, pretty lines elsewhere. */
  format: LogFormat;
  /** LOG_REDACT: more field names to redact, besides REDACTED_FIELDS. */
  redact: string[];
}

/**
 * Field names whose values never reach a log line, at any depth up to REDACT_DEPTH:
 * codice fiscale, e-mail, phone, names, tokens and secrets, cookies, Authorization.
 */
export const REDACTED_FIELDS = [
  'fiscalCode',
  'codiceFiscale',
  'fiscal_code',
  'codice_fiscale',
  'email',
  'phone',
  'telephone',
  'mobile',
  'chatId',
  'chat_id',
  'firstName',
  'lastName',
  'first_name',
  'last_name',
  'name',
  'fullName',
  'holderName',
  'holder_name',
  'displayName',
  'display_name',
  'token',
  'manageToken',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
  'cookie',
  'set-cookie',
  'authorization',
  'Authorization',
  'x-xsrf-token',
];

/** The logging settings, leniently: the logger must exist to report a bad configuration (loadConfig names the bad value). */
export function logSettings(env: Env = process.env): LogSettings {
  const level = env['LOG_LEVEL']?.trim() as LogLevel;
  const format = env['LOG_FORMAT']?.trim().toLowerCase() as LogFormat;
  return {
    level: LOG_LEVELS.includes(level) ? level : 'log',
    format: LOG_FORMATS.includes(format) ? format : env['NODE_ENV']?.trim() === 'production' ? 'json' : 'pretty',
    redact: redactList(env['LOG_REDACT']).filter((name) => FIELD_NAME.test(name)),
  };
}

export const FIELD_NAME = /^[A-Za-z_$][\w$-]*$/;
export const redactList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
