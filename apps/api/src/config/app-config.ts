import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Environment, validateEnvironment } from './environment';

export interface TelegramConfig {
  token?: string;
  username?: string;
  apiRoot: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Set by a program that plays Telegram itself (the sandbox): where Connect links point instead of `t.me`. */
  startLink?: (token: string) => string;
}

/** The API's configuration, derived once from the validated environment and handed to modules by injection. */
export class AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly jwtSecret: string;
  readonly admin?: { email: string; password: string };
  readonly demoData: boolean;
  readonly publicUrl: string;
  readonly telegram: TelegramConfig;
  /** `TELEGRAM_INIT_DATA_MAX_AGE` in seconds: how old a Mini App's init data may be when it signs in. */
  readonly telegramInitDataMaxAgeSeconds: number;
  readonly logLevel: string;
  readonly logFormat: 'pretty' | 'json';
  readonly trustProxy: boolean | number | string;
  readonly overdueSweepSeconds: number;
  readonly deliveryRetentionDays: number;
  readonly housekeepingIntervalMinutes: number;
  readonly metricsToken?: string;
  readonly sessionMaxAgeDays: number;
  /** `MAX_ATTACHMENT_MB` in bytes. */
  readonly maxAttachmentBytes: number;

  constructor(env: Environment) {
    this.production = env.NODE_ENV === 'production';
    this.port = env.PORT;
    this.databaseUrl = env.DATABASE_URL;
    this.dataDir = resolve(env.DATA_DIR ?? '.data');
    this.jwtSecret = env.JWT_SECRET ?? developmentSecret(this.dataDir);
    this.admin =
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
    // Demo accounts with a published password belong on the throwaway embedded database only, unless asked for.
    this.demoData = env.DEMO_DATA ?? (!this.production && this.databaseUrl === undefined);
    this.publicUrl = (env.PUBLIC_URL ?? env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.telegram = {
      token: env.TELEGRAM_BOT_TOKEN,
      username: env.TELEGRAM_BOT_USERNAME?.replace(/^@/, ''),
      apiRoot: withTrailingSlash(env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org'),
      webhookUrl: env.TELEGRAM_WEBHOOK_URL,
      webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    };
    this.telegramInitDataMaxAgeSeconds = env.TELEGRAM_INIT_DATA_MAX_AGE ?? 24 * 60 * 60;
    this.logLevel = env.LOG_LEVEL ?? 'info';
    this.logFormat = env.LOG_FORMAT ?? (this.production ? 'json' : 'pretty');
    this.trustProxy = parseTrustProxy(env.TRUST_PROXY);
    this.overdueSweepSeconds = env.OVERDUE_SWEEP_SECONDS ?? 60;
    this.deliveryRetentionDays = env.DELIVERY_RETENTION_DAYS ?? 90;
    this.housekeepingIntervalMinutes = env.HOUSEKEEPING_INTERVAL_MINUTES ?? 60;
    this.metricsToken = env.METRICS_TOKEN;
    this.sessionMaxAgeDays = env.SESSION_MAX_AGE_DAYS ?? 30;
    this.maxAttachmentBytes = (env.MAX_ATTACHMENT_MB ?? 20) * 1024 * 1024;
  }

  /** Reads the environment (and `.env` at the working directory, which never overrides a set variable). */
  static load(source: NodeJS.ProcessEnv = process.env): AppConfig {
    if (source === process.env && existsSync('.env')) process.loadEnvFile('.env');
    return new AppConfig(validateEnvironment(source));
  }

  get embeddedDatabaseDir(): string {
    return join(this.dataDir, 'postgres');
  }
}

/** Outside production a signing key is made once and kept under the data folder, so sign-ins survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * telegraf resolves method URLs with `new URL('./bot<token>/<method>', apiRoot)`: without a trailing slash the last
 * segment of a root like `https://host/telegram` would be dropped.
 */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
