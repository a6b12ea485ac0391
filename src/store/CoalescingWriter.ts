interface Batch {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function batch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Runs a write function with at most one call in flight and at most one queued: every request made
 * while a write is running (or before the queued one starts) shares the same next write. A caller's
 * promise resolves once a write that started after its request has completed, so the data it
 * changed before asking is on disk. Many turns saving the same file therefore cost one write, not a
 * chain of writes.
 */
export class CoalescingWriter {
  private inFlight: Promise<void> | undefined;
  private queued: Batch | undefined;
  /** Writes actually performed (for tests and benchmarks). */
  writes = 0;

  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.queued) {
      this.queued = batch();
      // setImmediate: the saves made during the same turn of the event loop share one write.
      if (!this.inFlight) setImmediate(() => this.pump());
    }
    return this.queued.promise;
  }

  get idle(): boolean {
    return !this.inFlight && !this.queued;
  }

  /** Resolves when nothing is queued or running any more (write errors are the callers' to see). */
  async settled(): Promise<void> {
    while (!this.idle) await (this.inFlight ?? this.queued?.promise)?.catch(() => undefined);
  }

  private pump(): void {
    if (this.inFlight || !this.queued) return;
    const current = this.queued;
    this.queued = undefined;
    this.writes++;
    this.inFlight = (async () => {
      try {
        await this.write();
        current.resolve();
      } catch (error) {
        current.reject(error);
      }
    })().finally(() => {
      this.inFlight = undefined;
      this.pump();
    });
  }
}
