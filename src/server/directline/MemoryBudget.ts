/**
 * Bytes of uploads held in memory by everyone together. An upload reserves as it streams and gives
 * back what it does not keep; when the budget is spent, new files are refused (and said so) — files
 * already held for other people are never evicted to make room.
 */
export class MemoryBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.limitBytes) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get usedBytes(): number {
    return this.used;
  }
}
