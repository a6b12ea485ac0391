import { randomBytes } from 'node:crypto';
import { normaliseLogin, PASSWORD_MAX_CHARS } from './accountRules';
import type { AccountStore } from './AccountStore';
import type { LoginThrottle } from './LoginThrottle';
import { hashPassword, verifyPassword } from './passwordHash';
import type { Session, SessionStore } from './SessionStore';
import { type Account, credentialStamp } from './types';

export type SignInOutcome =
  | { kind: 'signedIn'; id: string; session: Session; account: Account }
  /** Wrong login or wrong password: the caller says the same thing for both. */
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  /** Too many sign-ins being checked at once (each holds 32 MiB for a while). */
  | { kind: 'busy' };

export interface SignedIn {
  session: Session;
  account: Account;
}

/** Hashes at once, and waiting ones: beyond, refused. Two keeps libuv's pool free for the bot's file I/O. */
const MAX_HASHING = 2;
const MAX_WAITING = 32;

/**
 * Sign-in, look-up and sign-out over the accounts and the sessions. An unknown login costs the same
 * scrypt as a wrong password (a dummy hash is checked), so timing does not tell which logins exist.
 */
export class Authenticator {
  private readonly dummyHash: Promise<string>;
  private hashing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {
    this.dummyHash = hashPassword(randomBytes(18).toString('base64'));
  }

  async signIn(login: string, password: string, client: string): Promise<SignInOutcome> {
    const key = normaliseLogin(login).slice(0, 64);
    const wait = this.throttle.retryAfterSeconds(client, key);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    const account = this.accounts.find(key);
    const slot = await this.slot();
    if (!slot) return { kind: 'busy' };
    let valid: boolean;
    try {
      const candidate = [...password].slice(0, PASSWORD_MAX_CHARS).join('');
      valid = (await verifyPassword(candidate, account?.passwordHash ?? (await this.dummyHash))) && !!account && candidate === password;
    } finally {
      this.release();
    }
    if (!valid || !account) {
      this.throttle.failed(client, key);
      return { kind: 'refused' };
    }
    this.throttle.succeeded(key);
    const { id, session } = this.sessions.create(account.login, credentialStamp(account));
    return { kind: 'signedIn', id, session, account };
  }

  /** The signed-in session of a cookie's id, if it is live and its account unchanged; otherwise it is ended. */
  current(id: string | undefined): SignedIn | undefined {
    const session = this.sessions.touch(id);
    if (!session) return undefined;
    const account = this.accounts.find(session.login);
    if (!account || credentialStamp(account) !== session.stamp) {
      this.sessions.destroy(id);
      return undefined;
    }
    return { session, account };
  }

  signOut(id: string | undefined): void {
    this.sessions.destroy(id);
  }

  expiresAt(session: Session): number {
    return this.sessions.expiresAt(session);
  }

  get absoluteMs(): number {
    return this.sessions.absoluteMs;
  }

  private async slot(): Promise<boolean> {
    if (this.hashing < MAX_HASHING) {
      this.hashing++;
      return true;
    }
    if (this.waiting.length >= MAX_WAITING) return false;
    // release() hands its slot over directly: the count stays where it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.hashing--;
  }
}
