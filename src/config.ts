import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly knowledgeDir: string;
  readonly webDir: string;
  readonly vendorDir: string;
  readonly uploadMaxBytes: number;
  readonly stateRetentionDays: number;
  readonly stateMaxConversations: number;
  readonly logLevel: LogLevel;
  readonly microsoftApp: {
    readonly id: string;
    readonly password: string;
    readonly type: MicrosoftAppType;
    readonly tenantId: string;
  };
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

function directory(env: Env, key: string, fallback: string, root: string): string {
  const raw = env[key]?.trim();
  return path.resolve(root, raw || fallback);
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
    knowledgeDir: directory(env, 'KNOWLEDGE_DIR', 'knowledge', root),
    webDir: path.join(root, 'web'),
    vendorDir: path.join(root, 'vendor'),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_MB', 50, 1, 1024) * 1024 * 1024,
    stateRetentionDays: integer(env, 'STATE_RETENTION_DAYS', 30, 1, 3650),
    stateMaxConversations: integer(env, 'STATE_MAX_CONVERSATIONS', 20_000, 100, 1_000_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    microsoftApp: { id: appId, password: appPassword, type: appType, tenantId },
  };
}

/** Loads `.env` from the project root when present (Node ≥ 20.12 has this built in). */
export function loadDotEnv(root: string = projectRoot()): void {
  const file = path.join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
