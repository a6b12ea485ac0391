import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AccountError } from './AccountError';
import { checkLogin, checkName, checkPassword, checkRole, normaliseLogin } from './accountRules';
import { ACCOUNTS_FILE, fileSignature, readAccountsFile, withAccountsLock, writeAccountsFile } from './accountsFile';
import { checkOrganisation, type Organisation } from './organisations';
import { hashPassword } from './passwordHash';
import type { Account, Role } from './types';

export interface NewAccount {
  login: string;
  role: string | undefined;
  name?: string;
  orgId?: string;
  password: string;
}

/**
 * The accounts under DATA_DIR. The users command writes the file (under a lock, atomically); the
 * running bot only reads it, and re-reads it whenever it was replaced — an account added, removed or
 * given a new password by the command counts at the next request, without a restart.
 */
export class AccountStore {
  /** The file version the accounts in memory come from ('' before the first read). */
  private signature: string | undefined = '';
  /** A version that could not be read: not tried again until the file changes. */
  private failedSignature: string | undefined = '';
  private accounts: Account[] = [];

  private constructor(
    readonly file: string,
    private readonly onUnreadable: (error: unknown) => void,
  ) {}

  /**
   * Opens the store. A file that cannot be read is reported to `onUnreadable` (the bot logs it and
   * starts without accounts; the users command throws), and tried again once it is replaced.
   */
  static open(dataDir: string, onUnreadable: (error: unknown) => void = () => undefined): AccountStore {
    const store = new AccountStore(path.join(dataDir, ACCOUNTS_FILE), onUnreadable);
    store.refresh();
    return store;
  }

  /** Reads the file again if it was replaced since; a bad new file leaves the last good accounts in use. */
  private refresh(): void {
    const signature = fileSignature(this.file);
    if (signature === this.signature || signature === this.failedSignature) return;
    try {
      this.accounts = readAccountsFile(this.file);
      this.signature = signature;
      this.failedSignature = '';
    } catch (error) {
      this.failedSignature = signature;
      this.onUnreadable(error);
    }
  }

  find(login: string): Account | undefined {
    this.refresh();
    const wanted = normaliseLogin(login);
    return this.accounts.find((account) => account.login === wanted);
  }

  /** The account of `login`, or the French refusal saying there is none. */
  existing(login: string): Account {
    const account = this.find(login);
    if (!account) throw unknown(login);
    return account;
  }

  list(): readonly Account[] {
    this.refresh();
    return [...this.accounts].sort((a, b) => a.login.localeCompare(b.login));
  }

  /** Checks everything before hashing, hashes, then writes under the lock; on any refusal nothing changes. */
  /** Everything about a new account but its password: checked before the password is even asked for. */
  checkNew(input: Omit<NewAccount, 'password'>, organisations: readonly Organisation[]): { login: string; role: Role; name?: string; orgId?: string } {
    const role = checkRole(input.role);
    const login = checkLogin(input.login);
    const name = checkName(input.name);
    const orgId = checkOrganisation(role, input.orgId, organisations);
    if (this.find(login)) throw taken(login);
    return { login, role, ...(name ? { name } : {}), ...(orgId ? { orgId } : {}) };
  }

  async add(input: NewAccount, organisations: readonly Organisation[]): Promise<Account> {
    const { login, role, name, orgId } = this.checkNew(input, organisations);
    const password = checkPassword(input.password);
    const passwordHash = await hashPassword(password);
    return withAccountsLock(this.file, () => {
      const current = readAccountsFile(this.file);
      if (current.some((account) => account.login === login)) throw taken(login);
      const now = new Date().toISOString();
      const account: Account = { id: randomUUID(), login, role, ...(name ? { name } : {}), ...(orgId ? { orgId } : {}), passwordHash, createdAt: now, passwordChangedAt: now };
      this.save([...current, account]);
      return account;
    });
  }

  async remove(login: string): Promise<Account> {
    const wanted = normaliseLogin(login);
    return withAccountsLock(this.file, () => {
      const current = readAccountsFile(this.file);
      const account = current.find((candidate) => candidate.login === wanted);
      if (!account) throw unknown(login);
      this.save(current.filter((candidate) => candidate !== account));
      return account;
    });
  }

  /** A new password: every open session of the account ends (its credential stamp changes). */
  async setPassword(login: string, newPassword: string): Promise<Account> {
    const wanted = normaliseLogin(login);
    this.existing(wanted);
    const password = checkPassword(newPassword);
    const passwordHash = await hashPassword(password);
    return withAccountsLock(this.file, () => {
      const current = readAccountsFile(this.file);
      const at = current.findIndex((candidate) => candidate.login === wanted);
      if (at < 0) throw unknown(login);
      const updated: Account = { ...current[at]!, passwordHash, passwordChangedAt: new Date().toISOString() };
      this.save(current.map((candidate, i) => (i === at ? updated : candidate)));
      return updated;
    });
  }

  private save(accounts: Account[]): void {
    writeAccountsFile(this.file, accounts);
    this.accounts = accounts;
    this.signature = fileSignature(this.file);
  }
}

function taken(login: string): AccountError {
  return new AccountError(
    'LOGIN_TAKEN',
    `L'identifiant « ${login} » existe déjà : choisissez-en un autre, ou changez son mot de passe avec « users -- password --login ${login} ».`,
    `L'identifiant « ${login} » existe déjà : choisissez-en un autre, ou changez le mot de passe de ce compte avec son bouton « Nouveau mot de passe » dans la liste des comptes.`,
  );
}

function unknown(login: string): AccountError {
  return new AccountError(
    'LOGIN_UNKNOWN',
    `Aucun compte « ${login.slice(0, 80)} » : « npm run --silent users -- list » montre les comptes existants.`,
    `Aucun compte « ${login.slice(0, 80)} » : il a peut-être été supprimé entre-temps ; rechargez la page pour voir les comptes existants.`,
  );
}
