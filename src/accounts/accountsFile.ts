import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomicFile';
import { AccountError } from './AccountError';
import { isValidHash } from './passwordHash';
import { isRole, type Account } from './types';

export const ACCOUNTS_FILE = path.join('accounts', 'accounts.json');
const FORMAT = 'ha30-accounts';
const VERSION = 1;

interface AccountsDocument {
  format: typeof FORMAT;
  version: typeof VERSION;
  accounts: Account[];
}

/** What changes whenever the file is replaced (a write renames a new file over it, so a new inode). */
export function fileSignature(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function corrupt(file: string, what: string): AccountError {
  return new AccountError(
    'ACCOUNTS_CORRUPT',
    `Fichier des comptes illisible (${file}) : ${what}. Rien n'a été modifié ; restaurez une sauvegarde ou corrigez le fichier.`,
    `Le fichier des comptes du serveur est illisible : rien n'a été modifié. Prévenez la personne qui administre le serveur (elle restaure une sauvegarde ou corrige le fichier).`,
  );
}

function isAccount(value: unknown): value is Account {
  const account = value as Partial<Account> | null;
  return (
    !!account &&
    typeof account === 'object' &&
    typeof account.id === 'string' &&
    typeof account.login === 'string' &&
    isRole(account.role) &&
    typeof account.passwordHash === 'string' &&
    isValidHash(account.passwordHash) &&
    typeof account.createdAt === 'string' &&
    typeof account.passwordChangedAt === 'string' &&
    (account.name === undefined || typeof account.name === 'string') &&
    (account.orgId === undefined || typeof account.orgId === 'string')
  );
}

/** The accounts of the file; none when it does not exist yet. Anything malformed is refused whole. */
export function readAccountsFile(file: string): Account[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let document: Partial<AccountsDocument>;
  try {
    document = JSON.parse(text) as Partial<AccountsDocument>;
  } catch {
    throw corrupt(file, "ce n'est pas du JSON valide");
  }
  if (document?.format !== FORMAT || document.version !== VERSION || !Array.isArray(document.accounts)) throw corrupt(file, `format inattendu (attendu ${FORMAT} version ${VERSION})`);
  const bad = document.accounts.findIndex((account) => !isAccount(account));
  if (bad >= 0) throw corrupt(file, `le compte n° ${bad + 1} est incomplet ou mal formé`);
  const logins = new Set<string>();
  for (const account of document.accounts) {
    if (logins.has(account.login)) throw corrupt(file, `l'identifiant « ${account.login} » y figure deux fois`);
    logins.add(account.login);
  }
  return document.accounts;
}

/**
 * Replaces the file atomically: a private temporary file, fsynced, renamed over the old one, then
 * the folder fsynced — a reader (the running bot) sees the old accounts or the new ones, never half.
 */
export function writeAccountsFile(file: string, accounts: readonly Account[]): void {
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const document: AccountsDocument = { format: FORMAT, version: VERSION, accounts: [...accounts] };
  writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `change` while holding `accounts.json.lock` (the pid of its holder): two users commands at
 * once cannot both read, change and write, losing one change. A lock left by a dead process is taken over.
 */
export async function withAccountsLock<T>(file: string, change: () => Promise<T> | T): Promise<T> {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      let ageMs = 0;
      try {
        holder = Number(readFileSync(lock, 'utf8').trim());
        ageMs = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // removed meanwhile: try again
      }
      // A lock without a pid yet is being taken right now (created, not yet written).
      const taking = !(Number.isInteger(holder) && holder > 0) && ageMs < 5_000;
      if (taking || (holder > 0 && holder !== process.pid && alive(holder))) {
        // Another command is writing (it takes well under a second): wait a little, then give up.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      rmSync(lock, { force: true });
      continue;
    }
    try {
      return await change();
    } finally {
      rmSync(lock, { force: true });
    }
  }
  throw new AccountError('ACCOUNTS_BUSY', 'Une autre commande modifie les comptes en ce moment : réessayez dans quelques secondes.', 'Les comptes sont en cours de modification (sur cette page ou sur le serveur) : réessayez dans quelques secondes.');
}
