import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 };

/** `3600`, `90s`, `30m`, `24h` or `7d` in seconds; anything else NaN, which the validation names. */
export function durationSeconds(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(String(value).trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * DURATION_UNITS[(match[2] || 's').toLowerCase()];
}
const INIT_DATA_MAX_AGE_MESSAGE =
  'TELEGRAM_INIT_DATA_MAX_AGE must be a duration from 1 minute to 7 days: seconds (3600) or a whole number with s, m, h or d (24h)';

/**
 * Every variable of docs/api.md ("Configuration"), validated once at boot. Nothing else in the API reads
 * `process.env`: modules receive what they need from `AppConfig`.
 */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number from 0 to 65535 (0: any free port)' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user:pass@host:port/db' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.ADMIN_EMAIL !== undefined)
  @IsString({ message: 'ADMIN_PASSWORD is required with ADMIN_EMAIL' })
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters long' })
  ADMIN_PASSWORD?: string;

  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'APP_URL must be an http(s) URL' })
  APP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d+:[\w-]{20,}$/, { message: 'TELEGRAM_BOT_TOKEN must look like 123456:ABC-DEF... (from @BotFather)' })
  TELEGRAM_BOT_TOKEN?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, { message: 'TELEGRAM_BOT_USERNAME must be a Telegram bot username' })
  TELEGRAM_BOT_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'TELEGRAM_API_ROOT must be an http(s) URL' })
  TELEGRAM_API_ROOT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'TELEGRAM_WEBHOOK_URL must be a URL' })
  TELEGRAM_WEBHOOK_URL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.TELEGRAM_WEBHOOK_URL !== undefined || env.TELEGRAM_WEBHOOK_SECRET !== undefined)
  @IsString({ message: 'TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL' })
  @Matches(/^[A-Za-z0-9_-]{16,256}$/, {
    message: 'TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and - (Telegram allows no others)',
  })
  TELEGRAM_WEBHOOK_SECRET?: string;

  /** How old a Mini App's init data may be when it signs in (its `auth_date`); read as seconds. */
  @Transform(({ value }) => durationSeconds(value))
  @IsOptional()
  @IsInt({ message: INIT_DATA_MAX_AGE_MESSAGE })
  @Min(60, { message: INIT_DATA_MAX_AGE_MESSAGE })
  @Max(7 * 24 * 60 * 60, { message: INIT_DATA_MAX_AGE_MESSAGE })
  TELEGRAM_INIT_DATA_MAX_AGE?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** `json` lines for machines, or `pretty` for people (the default outside production). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['pretty', 'json'], { message: 'LOG_FORMAT must be pretty or json' })
  LOG_FORMAT?: 'pretty' | 'json';

  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For to believe, so that per-address limits see the real
   * client behind a load balancer. `false` (default), `true`, a hop count, or addresses/subnets (`loopback, 10.0.0.0/8`).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[\w.:/, -]+)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count or addresses',
  })
  TRUST_PROXY?: string;

  /** Seconds between checks for issued invoices past their due date. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'OVERDUE_SWEEP_SECONDS must be a whole number from 1 to 86400' })
  @Min(1, { message: 'OVERDUE_SWEEP_SECONDS must be a whole number from 1 to 86400' })
  @Max(86400, { message: 'OVERDUE_SWEEP_SECONDS must be a whole number from 1 to 86400' })
  OVERDUE_SWEEP_SECONDS?: number;

  /** Days a delivered, failed or cancelled notification stays in the delivery log before housekeeping removes it. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'DELIVERY_RETENTION_DAYS must be a whole number from 1 to 3650' })
  @Min(1, { message: 'DELIVERY_RETENTION_DAYS must be a whole number from 1 to 3650' })
  @Max(3650, { message: 'DELIVERY_RETENTION_DAYS must be a whole number from 1 to 3650' })
  DELIVERY_RETENTION_DAYS?: number;

  /** Minutes between housekeeping runs (the first runs shortly after start). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'HOUSEKEEPING_INTERVAL_MINUTES must be a whole number from 1 to 10080' })
  @Min(1, { message: 'HOUSEKEEPING_INTERVAL_MINUTES must be a whole number from 1 to 10080' })
  @Max(10080, { message: 'HOUSEKEEPING_INTERVAL_MINUTES must be a whole number from 1 to 10080' })
  HOUSEKEEPING_INTERVAL_MINUTES?: number;

  /** Set: `GET /api/metrics` requires `Authorization: Bearer <METRICS_TOKEN>`. Unset: the metrics are public. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters long' })
  METRICS_TOKEN?: string;
  /** How long a sign-in lasts at most from the moment of signing in, however often it is refreshed. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'SESSION_MAX_AGE_DAYS must be a whole number from 1 to 365' })
  @Min(1, { message: 'SESSION_MAX_AGE_DAYS must be a whole number from 1 to 365' })
  @Max(365, { message: 'SESSION_MAX_AGE_DAYS must be a whole number from 1 to 365' })
  SESSION_MAX_AGE_DAYS?: number;

  /** The largest file that may be attached to a ticket message, in MB (1,048,576 bytes). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'MAX_ATTACHMENT_MB must be a whole number from 1 to 100' })
  @Min(1, { message: 'MAX_ATTACHMENT_MB must be a whole number from 1 to 100' })
  @Max(100, { message: 'MAX_ATTACHMENT_MB must be a whole number from 1 to 100' })
  MAX_ATTACHMENT_MB?: number;

  /** Where local state lives: the embedded database and the development signing key. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATA_DIR?: string;
}

export class EnvironmentError extends Error {}

const PROPERTIES = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'JWT_SECRET',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'DEMO_DATA',
  'PUBLIC_URL',
  'APP_URL',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_BOT_USERNAME',
  'TELEGRAM_API_ROOT',
  'TELEGRAM_WEBHOOK_URL',
  'TELEGRAM_WEBHOOK_SECRET',
  'TELEGRAM_INIT_DATA_MAX_AGE',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'DATA_DIR',
  'TRUST_PROXY',
  'OVERDUE_SWEEP_SECONDS',
  'DELIVERY_RETENTION_DAYS',
  'HOUSEKEEPING_INTERVAL_MINUTES',
  'METRICS_TOKEN',
  'SESSION_MAX_AGE_DAYS',
  'MAX_ATTACHMENT_MB',
] as const satisfies ReadonlyArray<keyof Environment>;

/** Validates the raw environment; every problem is reported with the variable it concerns. */
export function validateEnvironment(raw: Record<string, string | undefined>): Environment {
  // A blank value is an unset one, as `.env.example` copied to `.env` leaves every optional variable.
  const picked = Object.fromEntries(
    PROPERTIES.filter((key) => raw[key] !== undefined && raw[key]?.trim() !== '').map((key) => [key, raw[key]]),
  );
  const env = plainToInstance(Environment, picked);
  const problems = validateSync(env).flatMap((error) => Object.values(error.constraints ?? {}));
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET)
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (problems.length > 0) {
    throw new EnvironmentError(`Invalid configuration:\n${problems.map((text) => `  - ${text}`).join('\n')}`);
  }
  return env;
}
