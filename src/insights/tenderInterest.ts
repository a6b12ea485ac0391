import type { Tender } from '../tenders/types';
import { parisDay } from './calendar';
import { type ShownCount, SMALL_COUNT_LIMIT, showCount } from './smallNumbers';
import type { InterestCounts, TenderFlag } from './types';

/**
 * What the counts say, before the deadline:
 * - NO_LOCAL_INTEREST: shown to at least `minViews` SMEs, opened by none, no check started;
 * - WEAK_LOCAL_INTEREST: fewer than 3 SMEs opened it or started a check;
 * - INTEREST: 3 or more did;
 * - FEW_VIEWS: shown to fewer than `minViews` SMEs: too few to judge (the bot's audience, not the
 *   tender, may be the cause — no alarm, since a false alarm is worse than a miss);
 * - TOO_EARLY: published less than `minDaysPublished` days ago, with the deadline further away;
 * - CLOSED: deadline passed, cancelled or awarded.
 */
export type InterestSignal = 'NO_LOCAL_INTEREST' | 'WEAK_LOCAL_INTEREST' | 'INTEREST' | 'FEW_VIEWS' | 'TOO_EARLY' | 'CLOSED';

export type TenderForInterest = Pick<Tender, 'id' | 'title' | 'buyer' | 'deadlineAt' | 'publishedAt' | 'status' | 'lifecycle'>;

export interface TenderInterestRow {
  tenderId: string;
  title: string;
  buyer: string;
  organisationId?: string;
  deadlineAt?: string;
  /** Whole days left before the deadline (0 on its last day), null without a deadline. */
  daysLeft: number | null;
  /**
   * Distinct SMEs. Always protected: a tender's handful of local bidders is exactly what its buyer
   * could put names on.
   */
  seen: ShownCount;
  opened: ShownCount;
  checkStarted: ShownCount;
  signal: InterestSignal;
  /** « Peu ou pas de réponses locales », as flagged by the tender's buyer (earliest first). */
  flags: { organisationId: string; at: string }[];
}

export interface InterestOptions {
  now: Date;
  minViews?: number;
  minDaysPublished?: number;
}

const DAY_MS = 86_400_000;
const NO_COUNTS: InterestCounts = { seen: 0, opened: 0, checkStarted: 0, engaged: 0 };
const SIGNAL_ORDER: InterestSignal[] = ['NO_LOCAL_INTEREST', 'WEAK_LOCAL_INTEREST', 'FEW_VIEWS', 'TOO_EARLY', 'INTEREST', 'CLOSED'];

/** A buyer may flag a tender of their own organisation, and only while it is open. */
export function mayFlag(tender: TenderForInterest, organisationId: string, now: Date): boolean {
  return !!organisationId && tender.buyer.organisationId === organisationId && !isClosed(tender, now.getTime());
}

function isClosed(tender: TenderForInterest, now: number): boolean {
  if (tender.lifecycle !== 'ACTIVE') return true;
  const deadline = tender.deadlineAt ? Date.parse(tender.deadlineAt) : Number.NaN;
  return Number.isFinite(deadline) && deadline <= now;
}

function signalOf(tender: TenderForInterest, counts: InterestCounts, now: number, minViews: number, minDays: number, daysLeft: number | null): InterestSignal {
  if (isClosed(tender, now)) return 'CLOSED';
  const published = tender.publishedAt ? Date.parse(tender.publishedAt) : Number.NaN;
  const young = Number.isFinite(published) && now - published < minDays * DAY_MS;
  if (young && (daysLeft === null || daysLeft > minDays)) return 'TOO_EARLY';
  if (counts.engaged >= SMALL_COUNT_LIMIT) return 'INTEREST';
  if (counts.seen < minViews) return 'FEW_VIEWS';
  return counts.engaged === 0 ? 'NO_LOCAL_INTEREST' : 'WEAK_LOCAL_INTEREST';
}

/**
 * Per tender: how many distinct SMEs saw it in their results, opened it, started a bid check for it,
 * the buyer's flags and what they add up to. The tenders to show are the caller's choice (a buyer's
 * own, or every open one for the CCI). Most worrying first, then the nearest deadline.
 */
export function tenderInterest(tenders: readonly TenderForInterest[], counts: ReadonlyMap<string, InterestCounts>, flags: readonly TenderFlag[], options: InterestOptions): TenderInterestRow[] {
  const now = options.now.getTime();
  const rows = tenders.map((tender): TenderInterestRow => {
    const interest = counts.get(tender.id) ?? NO_COUNTS;
    const deadline = tender.deadlineAt ? Date.parse(tender.deadlineAt) : Number.NaN;
    // Calendar days in Paris, as the chat's card of the same tender counts them (« dans 40 jours »).
    const daysLeft = Number.isFinite(deadline) ? Math.max(0, Math.round((Date.parse(parisDay(new Date(deadline))!) - Date.parse(parisDay(options.now)!)) / DAY_MS)) : null;
    return {
      tenderId: tender.id,
      title: tender.title,
      buyer: tender.buyer.name,
      ...(tender.buyer.organisationId ? { organisationId: tender.buyer.organisationId } : {}),
      ...(tender.deadlineAt ? { deadlineAt: tender.deadlineAt } : {}),
      daysLeft,
      seen: showCount(interest.seen, 'finer'),
      opened: showCount(interest.opened, 'finer'),
      checkStarted: showCount(interest.checkStarted, 'finer'),
      signal: signalOf(tender, interest, now, options.minViews ?? SMALL_COUNT_LIMIT, options.minDaysPublished ?? 7, daysLeft),
      flags: flags
        .filter((flag) => flag.tenderId === tender.id)
        .map(({ organisationId, at }) => ({ organisationId, at }))
        .sort((a, b) => (a.at < b.at ? -1 : 1)),
    };
  });
  return rows.sort((a, b) => SIGNAL_ORDER.indexOf(a.signal) - SIGNAL_ORDER.indexOf(b.signal) || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.tenderId.localeCompare(b.tenderId));
}
