import { isOpenAt } from '../tenders/catalogue';
import type { MatchText } from '../tenders/match/fit';
import { rankTenders } from '../tenders/match/TenderIndex';
import type { Tender } from '../tenders/types';
import type { AlertBatch, AlertItem, Subscription } from './types';

export interface SelectOptions {
  /**
   * The tenders the scores are computed against (the whole active catalogue): text weights depend
   * on the corpus, and an alert must score a tender as the search would. Default: the changed ones.
   */
  corpus?: readonly Tender[];
  /** How deep in the profile's ranking of the corpus a changed tender may be and still be alerted. */
  depth?: number;
  /**
   * The search's sentences (knowledge/messages.json in service): the app gives the live ones, so that
   * ranking never reads the folder on disk (which may hold a refused edit). Default: the shipped ones.
   */
  text?: MatchText;
}

/** Deep enough that a real match of a large catalogue is found, shallow enough to rank fast. */
export const DEFAULT_ALERT_DEPTH = 300;

/** Alertable at all: a real tender (never an example), still open at `now` (not closed, cancelled nor awarded). */
export function isAlertable(tender: Tender, now: Date): boolean {
  return tender.source !== 'example' && isOpenAt(tender, now);
}

function itemOf(tender: Tender, score: number): AlertItem {
  return {
    id: tender.id,
    title: tender.title,
    buyer: tender.buyer.name,
    ...(tender.deadlineAt ? { deadlineAt: tender.deadlineAt } : {}),
    ...(tender.expectedPublicationDate ? { expectedPublicationDate: tender.expectedPublicationDate } : {}),
    upcoming: tender.status === 'UPCOMING',
    ...(tender.noticeUrl ? { url: tender.noticeUrl } : {}),
    score,
  };
}

/**
 * For each subscription, the changed tenders that match its profile with a score of at least
 * `threshold` (0…1, the score of rankTenders), best first — never one already sent to it, never an
 * example, never a closed, cancelled or awarded one. Subscriptions with nothing new are left out.
 * Pure: the caller sends the batches and records what was sent.
 */
export function selectAlerts(subscriptions: readonly Subscription[], changedTenders: readonly Tender[], now: Date, threshold: number, options: SelectOptions = {}): AlertBatch[] {
  const alertable = changedTenders.filter((tender) => isAlertable(tender, now));
  if (!alertable.length) return [];
  const corpus = options.corpus ?? alertable;
  const depth = options.depth ?? DEFAULT_ALERT_DEPTH;
  const batches: AlertBatch[] = [];
  for (const subscription of subscriptions) {
    const sent = new Set(subscription.sentIds);
    const fresh = new Set(alertable.filter((tender) => !sent.has(tender.id)).map((tender) => tender.id));
    if (!fresh.size) continue;
    const items = rankTenders(corpus, subscription.profile, { now, limit: depth, ...(options.text ? { text: options.text } : {}) })
      .filter((ranked) => fresh.has(ranked.tender.id) && ranked.score >= threshold && isAlertable(ranked.tender, now))
      .map((ranked) => itemOf(ranked.tender, ranked.score));
    if (items.length) batches.push({ subscriptionId: subscription.id, items });
  }
  return batches;
}
