/** Renders one month's digest ("YYYY-MM") as a PDF. */
export type MonthRenderer = (month: string) => Promise<Uint8Array>;

export interface DigestPoolOptions {
  /** Renders waiting behind the one running; beyond, a request is refused (DigestBusyError). */
  maxWaiting: number;
  /** How long a PDF of the current month is served again: its figures still grow. */
  currentMonthTtlMs: number;
  /**
   * How long a PDF of a past month is served again. Its records no longer change; what still can
   * (a retention purge, the days left on a flagged tender) is not worth a render per request.
   */
  pastMonthTtlMs: number;
  /** Months whose PDF is kept (the least recently asked go first). */
  maxCached: number;
  /** The Paris month now ("YYYY-MM"). */
  currentMonth: () => string;
  now?: () => number;
}

/** Too many digests are waiting: try again in `retryAfterSeconds`. */
export class DigestBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('digest renders queue full');
    this.name = 'DigestBusyError';
  }
}

interface Cached {
  pdf: Uint8Array;
  expiresAt: number;
}

/**
 * The digest PDF costs about 0.6 s of CPU, all of it on the event loop that also runs the chat: a
 * signed-in buyer asking for it in a loop must not starve the SMEs. So a month's PDF is rendered
 * once and served again while fresh, requests for a month already on its way share that render,
 * renders run one at a time (the chat's turns run between two), and when too many wait the
 * request is refused with how long to wait.
 */
export class DigestPool {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<Uint8Array>>();
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private lastRenderMs = 1_000;
  private readonly now: () => number;

  constructor(
    private readonly render: MonthRenderer,
    private readonly options: DigestPoolOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The month's PDF, from the cache, from a render already queued, or queued now; DigestBusyError when full. */
  pdf = (month: string): Promise<Uint8Array> => {
    const cached = this.fresh(month);
    if (cached) return Promise.resolve(cached);
    const joining = this.pending.get(month);
    if (joining) return joining;
    // The one running counts too: `queued` is every render not yet finished.
    if (this.queued > this.options.maxWaiting) throw new DigestBusyError(this.retryAfterSeconds());
    const rendering = this.enqueue(month);
    this.pending.set(month, rendering);
    const forget = () => this.pending.delete(month);
    rendering.then(forget, forget);
    return rendering;
  };

  /** Renders not yet finished (the running one included). */
  get size(): number {
    return this.queued;
  }

  private enqueue(month: string): Promise<Uint8Array> {
    this.queued += 1;
    const run = async (): Promise<Uint8Array> => {
      // Let the turns that arrived meanwhile run before the next render holds the loop.
      await new Promise((resolve) => setImmediate(resolve));
      const started = this.now();
      try {
        const pdf = await this.render(month);
        this.remember(month, pdf);
        return pdf;
      } finally {
        this.lastRenderMs = Math.max(1, this.now() - started);
        this.queued -= 1;
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private fresh(month: string): Uint8Array | undefined {
    const cached = this.cache.get(month);
    if (!cached) return undefined;
    if (cached.expiresAt <= this.now()) {
      this.cache.delete(month);
      return undefined;
    }
    // Most recently asked last: the first key is the one to drop.
    this.cache.delete(month);
    this.cache.set(month, cached);
    return cached.pdf;
  }

  private remember(month: string, pdf: Uint8Array): void {
    const ttl = month >= this.options.currentMonth() ? this.options.currentMonthTtlMs : this.options.pastMonthTtlMs;
    this.cache.delete(month);
    this.cache.set(month, { pdf, expiresAt: this.now() + ttl });
    while (this.cache.size > this.options.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.queued * this.lastRenderMs) / 1_000));
  }
}
