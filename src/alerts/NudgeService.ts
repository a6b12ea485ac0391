import type { TenderFlag } from '../insights/types';
import { type Logger, scrubError } from '../logger';
import type { MatchText } from '../tenders/match/fit';
import type { Tender } from '../tenders/types';
import type { SendOutcome, WatchedCatalogue } from './AlertService';
import { selectNudges } from './selectNudges';
import type { SubscriptionStore } from './SubscriptionStore';
import type { Subscription } from './types';

/** What a nudge says: the tender, and why it fits this SME. */
export interface TenderNudge {
  tender: Tender;
  reasons: string[];
}

/** Delivers one nudge to its conversation (the Bot Framework part and the card live behind this). */
export interface NudgeSender {
  nudge(subscription: Subscription, nudge: TenderNudge): Promise<SendOutcome>;
}

export interface NudgeOptions {
  /** The alerts' threshold (0…1): a nudge goes only where an alert would have gone. */
  threshold: number;
  logger: Logger;
  /** The reasons' sentences (knowledge/messages.json). */
  text?: MatchText;
  now?: () => Date;
}

export interface NudgeRun {
  /** Conversations selected, then by outcome. */
  targets: number;
  sent: number;
  gone: number;
  failed: number;
}

const NOTHING: NudgeRun = { targets: 0, sent: 0, gone: 0, failed: 0 };

/**
 * When a buyer flags one of their tenders as drawing « peu ou pas de réponses locales », the
 * subscribed SMEs whose profile matches it get one proactive message about it — once per tender
 * and conversation, never for a closed one. Runs one at a time, so that two flags of the same tender
 * in a burst never nudge anyone twice. A nudge that could not be delivered is not retried: it is
 * news of the day, and a later flag of the tender tries again.
 */
export class NudgeService {
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly catalogue: WatchedCatalogue,
    private readonly sender: NudgeSender,
    private readonly options: NudgeOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The hook of the dashboard's flag route (POST /api/insights/tenders/:id/flag), after the flag is stored. */
  onTenderFlagged(tenderId: string): Promise<NudgeRun> {
    if (this.stopped) return Promise.resolve(NOTHING);
    const next = this.chain.then(() => this.nudge(tenderId));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves once the nudges already asked for are sent (tests, shutdown). */
  async settled(): Promise<void> {
    await this.chain;
  }

  /** Refuses new nudges and lets the running one finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
    await this.store.flush();
  }

  private async nudge(tenderId: string): Promise<NudgeRun> {
    await this.catalogue.reloadIfChanged();
    const tender = this.catalogue.get(tenderId);
    if (!tender) return NOTHING;
    const targets = selectNudges(this.store.all(), tender, this.now(), this.options.threshold, { corpus: this.catalogue.all(), ...(this.options.text ? { text: this.options.text } : {}) });
    const run: NudgeRun = { ...NOTHING, targets: targets.length };
    for (const target of targets) {
      const subscription = this.store.get(target.subscriptionId);
      if (!subscription) continue;
      let outcome: SendOutcome;
      try {
        outcome = await this.sender.nudge(subscription, { tender, reasons: target.reasons });
      } catch {
        outcome = 'failed';
      }
      run[outcome] += 1;
      if (outcome === 'sent') await this.store.markNudged(subscription.id, tender.id);
      else if (outcome === 'gone') await this.store.remove(subscription.id);
    }
    // Counts only: which SMEs were told stays out of the logs.
    if (run.targets) this.options.logger.info({ event: 'tender_nudges', ...run }, 'flagged tender nudges');
    return run;
  }
}

/** The flag store the dashboard writes through (TenderInterestStore). */
export interface TenderFlags {
  flag(tenderId: string, organisationId: string): Promise<TenderFlag>;
  unflag(tenderId: string, organisationId: string): Promise<boolean>;
}

/**
 * The flags as the dashboard's routes should receive them (`flags` of its deps): a flag is stored,
 * then the nudges go in the background — the buyer's request does not wait for every conversation
 * to be reached. Flagging again is harmless: nobody is nudged twice about a tender.
 */
export function flagsThatNudge(flags: TenderFlags, nudges: Pick<NudgeService, 'onTenderFlagged'>, logger: Logger): TenderFlags {
  return {
    async flag(tenderId, organisationId) {
      const flag = await flags.flag(tenderId, organisationId);
      nudges.onTenderFlagged(tenderId).catch((error: unknown) => logger.warn({ event: 'tender_nudges_failed', err: scrubError(error) }, 'flagged tender nudges failed'));
      return flag;
    },
    unflag: (tenderId, organisationId) => flags.unflag(tenderId, organisationId),
  };
}
