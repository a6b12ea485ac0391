import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionLimits {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
  /** Sessions kept in all; past it the least recently used ends. */
  maxSessions: number;
  /** Sessions one login may hold (browsers, devices); past it its oldest ends. */
  maxPerLogin: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000, maxSessions: 10_000, maxPerLogin: 10 };

export interface Session {
  login: string;
  /** The account's credential stamp at sign-in: a new password or a removed account ends the session. */
  stamp: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** 256 random bits, base64url: the session id the cookie carries. Unguessable, meaningless. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The map is keyed by a digest of the id, so what the process holds cannot be replayed as a cookie. */
function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const ID_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Server-side sessions, in memory: a restart signs everybody out (nothing secret is left on disk;
 * signing in again is the cost). Expiry is checked at every look-up and swept as sessions are created.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** A fresh session under a fresh id: never one the client proposed (no session fixation). */
  create(login: string, stamp: string): { id: string; session: Session } {
    this.sweep();
    const mine = [...this.sessions].filter(([, session]) => session.login === login);
    for (const [key] of mine.slice(0, Math.max(0, mine.length - this.limits.maxPerLogin + 1))) this.sessions.delete(key);
    if (this.sessions.size >= this.limits.maxSessions) {
      const oldest = [...this.sessions].sort(([, a], [, b]) => a.lastSeenAt - b.lastSeenAt)[0];
      if (oldest) this.sessions.delete(oldest[0]);
    }
    const id = newSecret();
    const now = this.now();
    const session: Session = { login, stamp, csrfToken: newSecret(), createdAt: now, lastSeenAt: now };
    this.sessions.set(keyOf(id), session);
    return { id, session };
  }

  /** The live session of `id` (its idle clock restarted), or undefined: unknown, malformed or expired. */
  touch(id: string | undefined): Session | undefined {
    if (!id || !ID_FORMAT.test(id)) return undefined;
    const key = keyOf(id);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const now = this.now();
    if (this.expired(session, now)) {
      this.sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string | undefined): void {
    if (id && ID_FORMAT.test(id)) this.sessions.delete(keyOf(id));
  }

  /** When the session ends if unused from now on (ms since the epoch). */
  expiresAt(session: Session): number {
    return Math.min(session.lastSeenAt + this.limits.idleMs, session.createdAt + this.limits.absoluteMs);
  }

  get absoluteMs(): number {
    return this.limits.absoluteMs;
  }

  private expired(session: Session, now: number): boolean {
    return now >= this.expiresAt(session);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) if (this.expired(session, now)) this.sessions.delete(key);
  }
}

/** Constant-time comparison of a CSRF token given with a request and the session's. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
