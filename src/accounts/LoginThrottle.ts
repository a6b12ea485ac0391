export interface ThrottleLimits {
  /** Failed sign-ins one client (address) may make per window. */
  failuresPerClient: number;
  /** Failed sign-ins on one login, from anywhere, per window. */
  failuresPerLogin: number;
  /** The window, counted from its first failure; once a key has used it up, it waits until the window ends. */
  windowMs: number;
  /** Keys remembered per kind; past it the oldest are forgotten (an attacker spraying logins cannot grow memory). */
  maxKeys: number;
}

interface Counter {
  failures: number;
  since: number;
}

class FailureCounter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  blockedFor(key: string, now: number): number {
    const counter = this.counters.get(key);
    if (!counter) return 0;
    const end = counter.since + this.windowMs;
    if (now >= end) {
      this.counters.delete(key);
      return 0;
    }
    return counter.failures >= this.max ? end - now : 0;
  }

  fail(key: string, now: number): void {
    const counter = this.counters.get(key);
    if (counter && now < counter.since + this.windowMs) {
      counter.failures++;
      return;
    }
    this.counters.delete(key);
    if (this.counters.size >= this.maxKeys) this.forgetOldest(now);
    this.counters.set(key, { failures: 1, since: now });
  }

  clear(key: string): void {
    this.counters.delete(key);
  }

  private forgetOldest(now: number): void {
    for (const [key, counter] of this.counters) if (now >= counter.since + this.windowMs) this.counters.delete(key);
    // Insertion order is age order: the first keys are the oldest windows.
    for (const key of this.counters.keys()) {
      if (this.counters.size < this.maxKeys) break;
      this.counters.delete(key);
    }
  }
}

export const DEFAULT_THROTTLE: ThrottleLimits = { failuresPerClient: 10, failuresPerLogin: 5, windowMs: 15 * 60_000, maxKeys: 10_000 };

/**
 * Slows down password guessing: past so many failures from one client, or on one login from
 * anywhere, sign-in is refused (429) until the window ends — before the password is even checked.
 * Unknown logins are counted like real ones, so the answers say nothing of which logins exist.
 * The price: someone who knows a login can keep its owner out for a window at a time.
 */
export class LoginThrottle {
  private readonly clients: FailureCounter;
  private readonly logins: FailureCounter;

  constructor(
    limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.clients = new FailureCounter(limits.failuresPerClient, limits.windowMs, limits.maxKeys);
    this.logins = new FailureCounter(limits.failuresPerLogin, limits.windowMs, limits.maxKeys);
  }

  /** Seconds to wait before trying again (for Retry-After); 0 when an attempt may go ahead. */
  retryAfterSeconds(client: string, login: string): number {
    const now = this.now();
    const wait = Math.max(this.clients.blockedFor(client, now), this.logins.blockedFor(login, now));
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  failed(client: string, login: string): void {
    const now = this.now();
    this.clients.fail(client, now);
    this.logins.fail(login, now);
  }

  /** The right password: that login's failures are forgiven (the client's are not: it may be guessing others). */
  succeeded(login: string): void {
    this.logins.clear(login);
  }
}
