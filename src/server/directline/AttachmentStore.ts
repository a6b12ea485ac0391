import { randomUUID } from 'node:crypto';

interface StoredFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  expiresAt: number;
}

/**
 * Files uploaded through the local Web Chat, held in memory only until the bot has read them
 * (30 minutes at most). A total budget evicts the oldest first, so memory stays bounded.
 */
export class AttachmentStore {
  private readonly files = new Map<string, StoredFile>();
  private totalBytes = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly ttlMs = 30 * 60 * 1000,
  ) {}

  put(name: string, contentType: string, bytes: Buffer): string {
    this.sweep();
    while (this.totalBytes + bytes.length > this.budgetBytes && this.files.size > 0) this.evictOldest();
    const id = randomUUID();
    this.files.set(id, { name, contentType, bytes, expiresAt: Date.now() + this.ttlMs });
    this.totalBytes += bytes.length;
    return id;
  }

  get(id: string): StoredFile | undefined {
    this.sweep();
    return this.files.get(id);
  }

  private evictOldest(): void {
    const [firstId] = this.files.keys();
    if (firstId) this.remove(firstId);
  }

  private remove(id: string): void {
    const file = this.files.get(id);
    if (!file) return;
    this.totalBytes -= file.bytes.length;
    this.files.delete(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, file] of this.files) if (file.expiresAt <= now) this.remove(id);
  }
}
