import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { Database, StoredItem } from './database';

type Items = Record<string, StoredItem | undefined>;

export interface StateStoreOptions {
  /** Hard cap on stored state records (conversations): beyond it, the least recently saved go first. */
  maxConversations?: number;
  /** The clock (tests). */
  now?: () => Date;
}

export const DEFAULT_MAX_CONVERSATIONS = 20_000;

/**
 * Conversation and user state in the embedded database, with the optimistic concurrency the bot
 * framework's `Storage` contract expects: a write carrying an eTag that no longer matches fails,
 * a write with no eTag or with "*" always wins. Structurally it is a botbuilder `Storage`.
 * A write only waits for the shard files holding its keys, coalesced with other turns' saves.
 */
export class StateStore {
  private readonly maxConversations: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    options: StateStoreOptions = {},
  ) {
    this.maxConversations = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    this.now = options.now ?? (() => new Date());
  }

  async read(keys: string[]): Promise<Record<string, StoredItem>> {
    const items: Record<string, StoredItem> = {};
    for (const key of keys) {
      const item = this.db.getState(key);
      if (item) items[key] = structuredClone(item);
    }
    return items;
  }

  async write(changes: Items): Promise<void> {
    // Check then apply with no await in between: no other turn can slip in.
    for (const [key, change] of Object.entries(changes)) {
      if (!change) continue;
      const current = this.db.getState(key);
      if (current && change.eTag && change.eTag !== '*' && change.eTag !== current.eTag) {
        throw new AppError('STORAGE_CONFLICT', `Storage: error writing "${key}" due to eTag conflict.`, { key });
      }
    }
    const now = this.now().toISOString();
    const touched: string[] = [];
    for (const [key, change] of Object.entries(changes)) {
      if (!change) continue;
      this.db.putState(key, { ...structuredClone(change), eTag: randomUUID() }, now);
      touched.push(key);
    }
    touched.push(...this.evictOverCap());
    await this.db.saveState(touched);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.db.deleteState(key);
    await this.db.saveState(keys);
  }

  /**
   * Forgets conversations and users not seen since `before` (privacy: a conversation is not kept for
   * ever), and the least recently saved beyond the cap. Returns how many were forgotten.
   */
  async purgeOlderThan(before: Date): Promise<number> {
    const limit = before.toISOString();
    const stale: string[] = [];
    for (const [key, savedAt] of this.db.stateByRecency()) if (savedAt < limit) stale.push(key);
    for (const key of stale) this.db.deleteState(key);
    stale.push(...this.evictOverCap());
    await this.db.saveState(stale);
    return stale.length;
  }

  private evictOverCap(): string[] {
    const evicted: string[] = [];
    for (const [key] of this.db.stateByRecency()) {
      if (this.db.stateCount - evicted.length <= this.maxConversations) break;
      evicted.push(key);
    }
    for (const key of evicted) this.db.deleteState(key);
    return evicted;
  }
}
