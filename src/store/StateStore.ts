import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { Database, StoredItem } from './database';

type Items = Record<string, StoredItem | undefined>;

/**
 * Conversation and user state in the embedded database, with the optimistic concurrency the bot
 * framework's `Storage` contract expects: a write carrying an eTag that no longer matches fails,
 * a write with no eTag or with "*" always wins. Structurally it is a botbuilder `Storage`.
 */
export class StateStore {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<Record<string, StoredItem>> {
    const items: Record<string, StoredItem> = {};
    for (const key of keys) {
      const item = this.db.data.botState[key];
      if (item) items[key] = structuredClone(item);
    }
    return items;
  }

  async write(changes: Items): Promise<void> {
    const state = this.db.data.botState;
    for (const [key, change] of Object.entries(changes)) {
      if (!change) continue;
      const current = state[key];
      if (current && change.eTag && change.eTag !== '*' && change.eTag !== current.eTag) {
        throw new AppError('STORAGE_CONFLICT', `Storage: error writing "${key}" due to eTag conflict.`, { key });
      }
    }
    const now = new Date().toISOString();
    for (const [key, change] of Object.entries(changes)) {
      if (!change) continue;
      state[key] = { ...structuredClone(change), eTag: randomUUID() };
      this.db.data.botStateSavedAt[key] = now;
    }
    await this.db.save();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      delete this.db.data.botState[key];
      delete this.db.data.botStateSavedAt[key];
    }
    await this.db.save();
  }

  /**
   * Forgets conversations and users not seen since `before` (privacy: a conversation is not kept for
   * ever). State written before the purge existed has no date and is dated now, then purged later.
   */
  async purgeOlderThan(before: Date): Promise<number> {
    const limit = before.toISOString();
    const savedAt = this.db.data.botStateSavedAt;
    const stale = Object.keys(this.db.data.botState).filter((key) => (savedAt[key] ??= new Date().toISOString()) < limit);
    for (const key of stale) {
      delete this.db.data.botState[key];
      delete savedAt[key];
    }
    await this.db.save();
    return stale.length;
  }
}
