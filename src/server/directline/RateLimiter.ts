/**
 * Fixed one-minute windows per key (a client address, a conversation): `take` spends from the
 * key's allowance and says whether it was still there. Keys of past windows are dropped as it goes,
 * so the map never outgrows the clients of the current minute.
 */
export class RateLimiter {
  private windowStart = 0;
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, amount = 1): boolean {
    const window = Math.floor(this.now() / 60_000);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.spent.clear();
    }
    const used = this.spent.get(key) ?? 0;
    if (used + amount > this.perMinute) return false;
    this.spent.set(key, used + amount);
    return true;
  }

  /** Seconds until the allowance is renewed (for Retry-After). */
  retryAfterSeconds(): number {
    return Math.max(1, 60 - Math.floor((this.now() % 60_000) / 1000));
  }
}
