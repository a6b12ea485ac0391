import type { Logger } from '../logger';
import type { MatchText } from '../tenders/match/fit';
import type { SmeProfile } from '../tenders/match/profile';
import type { Tender } from '../tenders/types';
import { selectAlerts } from './selectAlerts';
import type { SubscriptionStore } from './SubscriptionStore';
import type { AlertBatch, AlertRoute, StoredReference, Subscription } from './types';

/** What happened to one batch: delivered, the conversation no longer exists, or to be retried. */
export type SendOutcome = 'sent' | 'gone' | 'failed';

/** Delivers a batch to its conversation (the Bot Framework part lives behind this). */
export interface AlertSender {
  send(subscription: Subscription, batch: AlertBatch): Promise<SendOutcome>;
}

/** The part of the tender catalogue the alerts read (src/tenders `TenderCatalogue`). */
export interface WatchedCatalogue {
  all(): readonly Tender[];
  get(id: string): Tender | undefined;
  reloadIfChanged(): Promise<boolean>;
}

export interface AlertServiceOptions {
  /** Lowest score (0…1, rankTenders) worth a message. */
  threshold: number;
  /** How often the catalogue file is checked for an import by another process; 0 = never. */
  pollSeconds: number;
  /** A subscription not renewed for this many days is forgotten. */
  retentionDays: number;
  logger: Logger;
  now?: () => Date;
  /** The texts in service (the running app's live knowledge), read at each check; the shipped ones when not given. */
  text?: MatchText;
}

export interface AlertRun {
  /** Batches selected, then by outcome. */
  batches: number;
  sent: number;
  gone: number;
  failed: number;
  /** Tenders announced, all batches together. */
  tenders: number;
}

export type SubscribeOutcome = 'created' | 'updated';

const EMPTY_RUN: AlertRun = { batches: 0, sent: 0, gone: 0, failed: 0, tenders: 0 };

/** One subscription per conversation of a channel. */
export function subscriptionIdOf(reference: Pick<StoredReference, 'channelId' | 'conversation'>): string {
  return `${reference.channelId}|${reference.conversation.id}`;
}

/** What tells that a tender may have become alertable: new, updated, relinked, reopened. */
function stateOf(tender: Tender): string {
  return `${tender.updatedAt}|${tender.lifecycle}|${tender.deadlineAt ?? ''}|${tender.status}`;
}

/**
 * The alerts: subscriptions, and after each import the new matching tenders sent to each subscribed
 * conversation once. Imports made by this process call `notifyImported`; imports made by the CLI
 * (another process) are noticed by polling the catalogue file. Checks run one at a time, so that two
 * triggers of the same import never send a tender twice.
 */
export class AlertService {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private known = new Map<string, string>();
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly catalogue: WatchedCatalogue,
    private readonly sender: AlertSender,
    private readonly options: AlertServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get threshold(): number {
    return this.options.threshold;
  }

  get retentionDays(): number {
    return this.options.retentionDays;
  }

  /**
   * Forgets expired subscriptions and the local Direct Line's (their conversations ended with the
   * previous process), remembers the catalogue as it is, and starts watching the file.
   */
  async start(): Promise<void> {
    const expired = await this.store.purge(new Date(this.now().getTime() - this.options.retentionDays * 86_400_000), 'local');
    if (expired > 0) this.options.logger.info({ event: 'alerts_purged', count: expired }, 'old alert subscriptions forgotten');
    this.remember();
    if (this.options.pollSeconds > 0) {
      this.timer = setInterval(() => void this.checkCatalogue().catch((error: unknown) => this.options.logger.warn({ event: 'alerts_poll_failed', err: (error as Error).message }, 'alert check failed')), this.options.pollSeconds * 1000);
      this.timer.unref();
    }
  }

  /** Stops the watch, lets a running check finish, and writes the subscriptions. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.chain.catch(() => undefined);
    await this.store.flush();
  }

  isSubscribed(id: string): boolean {
    return this.store.get(id) !== undefined;
  }

  /** Subscribes a conversation, or refreshes its profile snapshot (what was sent or nudged stays so). */
  async subscribe(reference: StoredReference, route: AlertRoute, profile: SmeProfile): Promise<SubscribeOutcome> {
    const id = subscriptionIdOf(reference);
    const at = this.now().toISOString();
    const existing = this.store.get(id);
    await this.store.put({
      id,
      route,
      reference,
      profile: structuredClone(profile),
      sentIds: existing?.sentIds ?? [],
      pendingIds: existing?.pendingIds ?? [],
      ...(existing?.nudgedIds?.length ? { nudgedIds: existing.nudgedIds } : {}),
      subscribedAt: existing?.subscribedAt ?? at,
      updatedAt: at,
      ...(existing?.lastAlertAt ? { lastAlertAt: existing.lastAlertAt } : {}),
    });
    return existing ? 'updated' : 'created';
  }

  /** Deletes the subscription and all it held. False when there was none. */
  unsubscribe(id: string): Promise<boolean> {
    return this.store.remove(id);
  }

  /** After an import in this process (or a test's): alerts on the tenders it changed. */
  notifyImported(changedIds: readonly string[]): Promise<AlertRun> {
    return this.serialise(async () => {
      await this.catalogue.reloadIfChanged();
      const run = await this.alert(changedIds);
      this.remember();
      return run;
    });
  }

  /** The poll: if another process rewrote the catalogue, alerts on what differs from before. */
  checkCatalogue(): Promise<AlertRun> {
    return this.serialise(async () => {
      if (!(await this.catalogue.reloadIfChanged())) return EMPTY_RUN;
      const changed = this.catalogue.all().filter((tender) => this.known.get(tender.id) !== stateOf(tender)).map((tender) => tender.id);
      const run = await this.alert(changed);
      this.remember();
      return run;
    });
  }

  private serialise(work: () => Promise<AlertRun>): Promise<AlertRun> {
    if (this.stopped) return Promise.resolve(EMPTY_RUN);
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private remember(): void {
    this.known = new Map(this.catalogue.all().map((tender) => [tender.id, stateOf(tender)]));
  }

  private tendersOf(ids: Iterable<string>): Tender[] {
    const tenders: Tender[] = [];
    for (const id of new Set(ids)) {
      const tender = this.catalogue.get(id);
      if (tender) tenders.push(tender);
    }
    return tenders;
  }

  private async alert(changedIds: readonly string[]): Promise<AlertRun> {
    const subscriptions = this.store.all();
    if (!subscriptions.length) return EMPTY_RUN;
    const now = this.now();
    const corpus = this.catalogue.all();
    const { threshold } = this.options;
    const batches = new Map<string, AlertBatch>();
    for (const batch of selectAlerts(subscriptions, this.tendersOf(changedIds), now, threshold, { corpus, ...(this.options.text ? { text: this.options.text } : {}) })) batches.set(batch.subscriptionId, batch);
    // A batch that could not be sent last time is tried again, for its own subscription only.
    for (const subscription of subscriptions.filter((candidate) => candidate.pendingIds.length)) {
      const [retry] = selectAlerts([subscription], this.tendersOf(subscription.pendingIds), now, threshold, { corpus, ...(this.options.text ? { text: this.options.text } : {}) });
      if (!retry) {
        await this.store.dropPending(subscription.id);
        continue;
      }
      const current = batches.get(subscription.id);
      const merged = [...(current?.items ?? []), ...retry.items.filter((item) => !current?.items.some((other) => other.id === item.id))];
      if (merged.length) batches.set(subscription.id, { subscriptionId: subscription.id, items: merged.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)) });
    }
    const run: AlertRun = { ...EMPTY_RUN, batches: batches.size };
    for (const batch of batches.values()) {
      const subscription = this.store.get(batch.subscriptionId);
      if (!subscription) continue;
      const ids = batch.items.map((item) => item.id);
      let outcome: SendOutcome;
      try {
        outcome = await this.sender.send(subscription, batch);
      } catch {
        outcome = 'failed';
      }
      run[outcome] += 1;
      if (outcome === 'sent') {
        run.tenders += ids.length;
        await this.store.markSent(subscription.id, ids, now);
      } else if (outcome === 'gone') await this.store.remove(subscription.id);
      else await this.store.markPending(subscription.id, ids);
    }
    // Counts only: no conversation id, no profile, no tender of anyone's in the logs.
    if (run.batches) this.options.logger.info({ event: 'alerts_sent', ...run }, 'tender alerts');
    return run;
  }
}
