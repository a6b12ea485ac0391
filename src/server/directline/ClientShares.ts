import type { MemoryBudget } from './MemoryBudget';
import type { UploadBudget } from './readUpload';

/**
 * Each client's share of the upload memory while its bytes stream in: a quarter of the budget, or
 * one full upload if that is more (up to half). A client sending slowly — or many uploads at once —
 * holds at most its share, so it cannot starve everyone else.
 */
export class ClientShares {
  private readonly inFlight = new Map<string, number>();
  readonly shareBytes: number;

  constructor(
    private readonly budget: MemoryBudget,
    uploadBatchMaxBytes: number,
  ) {
    this.shareBytes = Math.max(Math.floor(budget.limitBytes / 4), Math.min(uploadBatchMaxBytes, Math.floor(budget.limitBytes / 2)));
  }

  /** A budget for one upload of `client`; `done` ends its in-flight part (what it kept stays in the shared budget). */
  open(client: string): UploadBudget & { done(): void } {
    let reserved = 0;
    return {
      tryReserve: (bytes) => {
        const held = this.inFlight.get(client) ?? 0;
        if (held + bytes > this.shareBytes || !this.budget.tryReserve(bytes)) return false;
        this.inFlight.set(client, held + bytes);
        reserved += bytes;
        return true;
      },
      release: (bytes) => this.budget.release(bytes),
      done: () => {
        const left = (this.inFlight.get(client) ?? 0) - reserved;
        reserved = 0;
        if (left > 0) this.inFlight.set(client, left);
        else this.inFlight.delete(client);
      },
    };
  }
}
