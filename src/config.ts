import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Trained FAQ models by FAQ and code (FAQ_CACHE_DIR, default DATA_DIR/cache/faq): a restart does not train again. */
  readonly faqCacheDir: string;
  readonly knowledgeDir: string;
  readonly webDir: string;
  readonly vendorDir: string;
  readonly uploadMaxBytes: number;
  readonly stateRetentionDays: number;
  readonly stateMaxConversations: number;
  /** FAQ gaps and feedback older than this many months are deleted (at start and daily, or `npm run gaps -- purge`). */
  readonly gapRetentionMonths: number;
  /** SMEs' testimonies older than this many months are deleted (at start and daily). */
  readonly testimonyRetentionMonths: number;
  readonly logLevel: LogLevel;
  /** Who may embed the pages in a frame (CSP frame-ancestors), e.g. "'self' https://www.gard.cci.fr". */
  readonly frameAncestors: string;
  /** A reverse proxy on this host or network relays the clients: per-client limits read X-Forwarded-For. */
  readonly trustProxy: boolean;
  readonly directLine: DirectLineConfig;
  readonly alerts: AlertsConfig;
  readonly accounts: AccountsConfig;
  readonly microsoftApp: {
    readonly id: string;
    readonly password: string;
    readonly type: MicrosoftAppType;
    readonly tenantId: string;
  };
}

/** The local Direct Line (the anonymous web chat's door) and its per-client budgets. */
export interface DirectLineConfig {
  readonly enabled: boolean;
  /** HMAC secret of its tokens; empty = generated once into DATA_DIR. */
  readonly secret: string;
  /** All the files of one upload together. */
  readonly uploadBatchMaxBytes: number;
  /** Every pending upload of every user together. */
  readonly uploadMemoryBytes: number;
  readonly conversationsPerMinutePerClient: number;
  readonly messagesPerMinutePerConversation: number;
  readonly uploadBytesPerMinutePerClient: number;
  readonly maxConversations: number;
  readonly maxConversationsPerClient: number;
  readonly maxActivitiesPerConversation: number;
  /** JSON bytes all live conversations' activities may take together. */
  readonly logMemoryBytes: number;
  readonly messagesPerMinutePerClient: number;
}

/** Tender alerts (src/alerts): how often the catalogue file is checked, what is worth a message, how long a subscription lasts. */
export interface AlertsConfig {
  /** Seconds between checks of the catalogue for an import by another process (the CLI); 0 = no polling. */
  readonly pollSeconds: number;
  /** Lowest match score (0…1) of a tender worth an alert. */
  readonly minScore: number;
  /** A subscription not renewed for this many days is deleted. */
  readonly retentionDays: number;
}

/** Buyer and CCI sign-in (web-contract.md §2): session lifetimes, cookie security, password-guessing limits. */
export interface AccountsConfig {
  /** A session unused for this long ends. */
  readonly sessionIdleMs: number;
  /** A session ends this long after sign-in, however busy. */
  readonly sessionMaxMs: number;
  /** Public host name (PUBLIC_HOSTNAME): when set, the session cookie is always `Secure` and it is an accepted Origin. */
  readonly publicHostname: string;
  /** Failed sign-ins per client address, and per login, within `loginWindowMs`; past them → 429. */
  readonly loginFailuresPerClient: number;
  readonly loginFailuresPerLogin: number;
  readonly loginWindowMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const APP_TYPES: readonly MicrosoftAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The project root, whether we run from `src/` (ts-jest) or from `dist/src/` (node). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('CONFIG_INVALID', `Configuration invalide : ${key}="${raw}" doit être un entier entre ${min} et ${max}.`, { key });
  }
  return value;
}

function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], fallback: T): T {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const match = allowed.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
  if (!match) {
    throw new AppError('CONFIG_INVALID', `Configuration invalide : ${key}="${raw}" ; valeurs possibles : ${allowed.join(', ')}.`, { key });
  }
  return match;
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes', 'oui'].includes(raw)) return true;
  if (['false', '0', 'no', 'non'].includes(raw)) return false;
  throw new AppError('CONFIG_INVALID', `Configuration invalide : ${key}="${env[key]}" doit valoir true ou false.`, { key });
}

const FRAME_SOURCE = /^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i;

function frameAncestors(env: Env): string {
  const raw = env.FRAME_ANCESTORS?.trim();
  if (!raw) return "'self'";
  // `self` and `none` are accepted without their quotes (.env loaders strip them).
  const sources = raw.split(/\s+/).map((source) => (/^(self|none)$/i.test(source) ? `'${source.toLowerCase()}'` : source));
  const bad = sources.find((source) => !FRAME_SOURCE.test(source));
  if (bad || (sources.includes("'none'") && sources.length > 1)) {
    throw new AppError('CONFIG_INVALID', `Configuration invalide : FRAME_ANCESTORS="${raw}" ; attendu 'self', 'none' ou des origines https://… séparées par des espaces.`, { key: 'FRAME_ANCESTORS' });
  }
  return sources.join(' ');
}

function secret(env: Env, key: string): string {
  const raw = env[key]?.trim() ?? '';
  if (raw && raw.length < 32) throw new AppError('CONFIG_INVALID', `Configuration invalide : ${key} doit faire au moins 32 caractères (ou rester vide pour un secret généré).`, { key });
  return raw;
}

function directory(env: Env, key: string, fallback: string, root: string): string {
  const raw = env[key]?.trim();
  return path.resolve(root, raw || fallback);
}

const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

function accountsConfig(env: Env): AccountsConfig {
  const idleMinutes = integer(env, 'SESSION_IDLE_MINUTES', 120, 5, 10_080);
  const maxHours = integer(env, 'SESSION_MAX_HOURS', 12, 1, 720);
  if (idleMinutes > maxHours * 60) {
    throw new AppError('CONFIG_INVALID', `Configuration invalide : SESSION_IDLE_MINUTES (${idleMinutes}) dépasse la durée maximale d'une session, SESSION_MAX_HOURS (${maxHours} h).`, { key: 'SESSION_IDLE_MINUTES' });
  }
  const publicHostname = env.PUBLIC_HOSTNAME?.trim() ?? '';
  if (publicHostname && !HOSTNAME.test(publicHostname)) {
    throw new AppError('CONFIG_INVALID', `Configuration invalide : PUBLIC_HOSTNAME="${publicHostname}" doit être un nom d'hôte seul (par exemple ha30.example.fr), sans https:// ni chemin.`, { key: 'PUBLIC_HOSTNAME' });
  }
  return {
    sessionIdleMs: idleMinutes * 60_000,
    sessionMaxMs: maxHours * 3_600_000,
    publicHostname: publicHostname.toLowerCase(),
    loginFailuresPerClient: integer(env, 'LOGIN_MAX_FAILURES_PER_CLIENT', 10, 1, 10_000),
    loginFailuresPerLogin: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 10_000),
    loginWindowMs: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 1440) * 60_000,
  };
}

/** Reads the environment once. Every value has a default for the embedded (local) mode. */
export function loadConfig(env: Env = process.env, root: string = projectRoot()): Config {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const appPassword = env.MicrosoftAppPassword?.trim() ?? '';
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = env.MicrosoftAppTenantId?.trim() ?? '';
  if (appId && appType !== 'UserAssignedMSI' && !appPassword) {
    throw new AppError('CONFIG_INVALID', 'Configuration invalide : MicrosoftAppId est renseigné mais MicrosoftAppPassword est vide.', { key: 'MicrosoftAppPassword' });
  }
  if (appType === 'SingleTenant' && appId && !tenantId) {
    throw new AppError('CONFIG_INVALID', 'Configuration invalide : MicrosoftAppType=SingleTenant exige MicrosoftAppTenantId.', { key: 'MicrosoftAppTenantId' });
  }
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: directory(env, 'DATA_DIR', 'data', root),
    faqCacheDir: env.FAQ_CACHE_DIR?.trim() ? path.resolve(root, env.FAQ_CACHE_DIR.trim()) : path.join(directory(env, 'DATA_DIR', 'data', root), 'cache', 'faq'),
    knowledgeDir: directory(env, 'KNOWLEDGE_DIR', 'knowledge', root),
    webDir: path.join(root, 'web'),
    vendorDir: path.join(root, 'vendor'),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_MB', 50, 1, 1024) * 1024 * 1024,
    stateRetentionDays: integer(env, 'STATE_RETENTION_DAYS', 30, 1, 3650),
    stateMaxConversations: integer(env, 'STATE_MAX_CONVERSATIONS', 20_000, 100, 1_000_000),
    gapRetentionMonths: integer(env, 'GAP_RETENTION_MONTHS', 12, 1, 120),
    testimonyRetentionMonths: integer(env, 'TESTIMONY_RETENTION_MONTHS', 24, 1, 120),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    frameAncestors: frameAncestors(env),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    directLine: {
      enabled: flag(env, 'DIRECTLINE_ENABLED', true),
      secret: secret(env, 'DIRECTLINE_SECRET'),
      uploadBatchMaxBytes: integer(env, 'UPLOAD_BATCH_MAX_MB', 200, 1, 4096) * 1024 * 1024,
      uploadMemoryBytes: integer(env, 'UPLOAD_MEMORY_MB', 600, 16, 16384) * 1024 * 1024,
      conversationsPerMinutePerClient: integer(env, 'RATE_CONVERSATIONS_PER_MINUTE', 10, 1, 100000),
      messagesPerMinutePerConversation: integer(env, 'RATE_MESSAGES_PER_MINUTE', 30, 1, 100000),
      uploadBytesPerMinutePerClient: integer(env, 'RATE_UPLOAD_MB_PER_MINUTE', 300, 1, 100000) * 1024 * 1024,
      maxConversations: integer(env, 'DIRECTLINE_MAX_CONVERSATIONS', 2000, 1, 1000000),
      maxActivitiesPerConversation: integer(env, 'DIRECTLINE_MAX_ACTIVITIES', 1000, 20, 100000),
      maxConversationsPerClient: integer(env, 'DIRECTLINE_MAX_CONVERSATIONS_PER_CLIENT', 20, 1, 1000000),
      logMemoryBytes: integer(env, 'DIRECTLINE_MEMORY_MB', 256, 8, 16384) * 1024 * 1024,
      messagesPerMinutePerClient: integer(env, 'RATE_CLIENT_MESSAGES_PER_MINUTE', 120, 1, 1000000),
    },
    alerts: {
      pollSeconds: integer(env, 'ALERTS_POLL_SECONDS', 60, 0, 86_400),
      minScore: integer(env, 'ALERTS_MIN_SCORE', 35, 1, 100) / 100,
      retentionDays: integer(env, 'ALERTS_RETENTION_DAYS', 180, 1, 3650),
    },
    accounts: accountsConfig(env),
    microsoftApp: { id: appId, password: appPassword, type: appType, tenantId },
  };
}

/** Loads `.env` from the project root when present (Node ≥ 20.12 has this built in). */
export function loadDotEnv(root: string = projectRoot()): void {
  const file = path.join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
