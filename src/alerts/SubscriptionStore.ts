import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { CoalescingWriter } from '../store/CoalescingWriter';
import type { AlertRoute, Subscription } from './types';

interface SubscriptionsData {
  subscriptions: Subscription[];
}

export const SUBSCRIPTIONS_FILE = path.join('alerts', 'subscriptions.json');
/** Ids remembered per subscription: far more than a year of alerts, and the file stays small. */
export const MAX_SENT_IDS = 5_000;

/**
 * The alert subscriptions under DATA_DIR (lowdb, written atomically by steno), apart from the
 * conversation state: one record per subscribed conversation. Writes are coalesced: many changes
 * in a burst cost one write. Only this process writes it.
 */
export class SubscriptionStore {
  private readonly writer: CoalescingWriter;

  private constructor(private readonly low: Low<SubscriptionsData>) {
    this.writer = new CoalescingWriter(() => this.low.write());
  }

  static async open(dataDir: string): Promise<SubscriptionStore> {
    const file = path.join(dataDir, SUBSCRIPTIONS_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    const low = new Low<SubscriptionsData>(new JSONFile(file), { subscriptions: [] });
    await low.read();
    if (!Array.isArray(low.data?.subscriptions)) low.data = { subscriptions: [] };
    return new SubscriptionStore(low);
  }

  all(): readonly Subscription[] {
    return this.low.data.subscriptions;
  }

  get(id: string): Subscription | undefined {
    return this.low.data.subscriptions.find((subscription) => subscription.id === id);
  }

  /** Adds or replaces (same conversation); what was already sent is kept by the caller. */
  async put(subscription: Subscription): Promise<void> {
    const list = this.low.data.subscriptions;
    const at = list.findIndex((candidate) => candidate.id === subscription.id);
    if (at >= 0) list[at] = subscription;
    else list.push(subscription);
    await this.writer.request();
  }

  /** Deletes the subscription and everything it held (profile snapshot, address, sent ids). */
  async remove(id: string): Promise<boolean> {
    const before = this.low.data.subscriptions.length;
    this.low.data.subscriptions = this.low.data.subscriptions.filter((subscription) => subscription.id !== id);
    if (this.low.data.subscriptions.length === before) return false;
    await this.writer.request();
    return true;
  }

  /** Records a sent batch: its ids join `sentIds` (the oldest forgotten past MAX_SENT_IDS) and leave `pendingIds`. */
  async markSent(id: string, tenderIds: readonly string[], at: Date): Promise<void> {
    const subscription = this.get(id);
    if (!subscription) return;
    const sent = new Set(tenderIds);
    subscription.sentIds = [...subscription.sentIds.filter((tenderId) => !sent.has(tenderId)), ...tenderIds].slice(-MAX_SENT_IDS);
    subscription.pendingIds = subscription.pendingIds.filter((tenderId) => !sent.has(tenderId));
    subscription.lastAlertAt = at.toISOString();
    await this.writer.request();
  }

  /** A nudge about `tenderId` was delivered: it will not be sent to this conversation again. */
  async markNudged(id: string, tenderId: string): Promise<void> {
    const subscription = this.get(id);
    if (!subscription || subscription.nudgedIds?.includes(tenderId)) return;
    subscription.nudgedIds = [...(subscription.nudgedIds ?? []), tenderId].slice(-MAX_SENT_IDS);
    await this.writer.request();
  }

  /** A batch that could not be sent: its ids are tried again at the next check. */
  async markPending(id: string, tenderIds: readonly string[]): Promise<void> {
    const subscription = this.get(id);
    if (!subscription) return;
    subscription.pendingIds = [...new Set([...subscription.pendingIds, ...tenderIds])].slice(-MAX_SENT_IDS);
    await this.writer.request();
  }

  /** Pending tenders that are no longer worth a message (closed, cancelled, awarded meanwhile). */
  async dropPending(id: string): Promise<void> {
    const subscription = this.get(id);
    if (!subscription?.pendingIds.length) return;
    subscription.pendingIds = [];
    await this.writer.request();
  }

  /**
   * Forgets subscriptions not renewed since `before` (privacy: an address and a profile are not
   * kept for ever) and, when given, those of a route (the local Direct Line's conversations end
   * with the process that held them). Returns how many were forgotten.
   */
  async purge(before: Date, route?: AlertRoute): Promise<number> {
    const limit = before.toISOString();
    const kept = this.low.data.subscriptions.filter((subscription) => subscription.updatedAt >= limit && subscription.route !== route);
    const forgotten = this.low.data.subscriptions.length - kept.length;
    if (forgotten > 0) {
      this.low.data.subscriptions = kept;
      await this.writer.request();
    }
    return forgotten;
  }

  /** Resolves once every requested write is done (shutdown). */
  flush(): Promise<void> {
    return this.writer.settled();
  }
}
