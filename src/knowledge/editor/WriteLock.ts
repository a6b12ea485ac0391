/**
 * One writer at a time in this process: a save reads, validates, writes, records and reloads
 * before the next one starts, so two saves of the same record never interleave.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
