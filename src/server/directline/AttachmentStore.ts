import { randomUUID } from 'node:crypto';
import type { MemoryBudget } from './MemoryBudget';

export interface StoredFile {
  name: string;
  /** The conversation that uploaded it: the only one that may read it or send it to the bot. */
  owner: string;
  bytes: Buffer;
  expiresAt: number;
}

/**
 * Files uploaded through the local Web Chat, in memory only, each bound to the conversation that
 * uploaded it. Their bytes were reserved in the shared budget while they streamed in; they are
 * given back when the bot has read the file, or after 30 minutes at most. Nothing is ever evicted
 * to make room for someone else.
 */
export class AttachmentStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(
    private readonly budget: MemoryBudget,
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a file whose bytes are already reserved in the budget. */
  put(owner: string, name: string, bytes: Buffer): string {
    this.sweep();
    const id = randomUUID();
    this.files.set(id, { name, owner, bytes, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The file, only for the conversation that owns it. */
  get(id: string, owner: string): StoredFile | undefined {
    this.sweep();
    const file = this.files.get(id);
    return file && file.owner === owner ? file : undefined;
  }

  remove(id: string): void {
    const file = this.files.get(id);
    if (!file) return;
    this.files.delete(id);
    this.budget.release(file.bytes.length);
  }

  /** Everything a forgotten conversation still held. */
  removeOwnedBy(owner: string): void {
    for (const [id, file] of this.files) if (file.owner === owner) this.remove(id);
  }

  get size(): number {
    return this.files.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, file] of this.files) if (file.expiresAt <= now) this.remove(id);
  }
}
