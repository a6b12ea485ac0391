import { rankTenders } from '../tenders/match/TenderIndex';
import type { MatchText } from '../tenders/match/fit';
import type { Tender } from '../tenders/types';
import { DEFAULT_ALERT_DEPTH, isAlertable } from './selectAlerts';
import type { Subscription } from './types';

/** One conversation to nudge about a flagged tender, and why its profile fits. */
export interface NudgeTarget {
  subscriptionId: string;
  score: number;
  /** Why the tender matches this profile, in French (the search's own reasons). */
  reasons: string[];
}

export interface NudgeSelectOptions {
  /** The whole active catalogue: the tender is scored as a search of this profile would score it. */
  corpus: readonly Tender[];
  depth?: number;
  text?: MatchText;
}

/**
 * The subscriptions to tell that `tender` draws few local answers: those whose profile ranks it with
 * a score of at least `threshold` (the alerts' own bar — a nudge is an alert, not an advertisement),
 * and that were never nudged about it. Whether they were alerted about it when it was published does
 * not matter: the news is the buyer's call. Nobody for an example, or a tender closed, cancelled or
 * awarded at `now`. Pure: the caller sends and records.
 */
export function selectNudges(subscriptions: readonly Subscription[], tender: Tender, now: Date, threshold: number, options: NudgeSelectOptions): NudgeTarget[] {
  if (!isAlertable(tender, now)) return [];
  const targets: NudgeTarget[] = [];
  for (const subscription of subscriptions) {
    if (subscription.nudgedIds?.includes(tender.id)) continue;
    const ranked = rankTenders(options.corpus, subscription.profile, { now, limit: options.depth ?? DEFAULT_ALERT_DEPTH, ...(options.text ? { text: options.text } : {}) }).find(
      (candidate) => candidate.tender.id === tender.id,
    );
    if (ranked && ranked.score >= threshold) targets.push({ subscriptionId: subscription.id, score: ranked.score, reasons: ranked.reasons });
  }
  return targets;
}
