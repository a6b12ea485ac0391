import type { GapRecord } from '../faq/types';
import type { CheckStatRecord } from '../store/database';
import type { FeedbackRecord } from '../store/FeedbackStore';

export type { FeedbackRecord } from '../store/FeedbackStore';

/**
 * Where the insights read the anonymous logs: functions returning every record kept (the logs are
 * purged by retention, so "every" is at most GAP_RETENTION_MONTHS). The aggregations filter by
 * period themselves. In the app: `() => faqLogs.listGaps()`, `() => faqLogs.listFeedback()`,
 * `() => checkStats.all()`.
 */
export type GapSource = () => Promise<readonly GapRecord[]>;
export type FeedbackSource = () => Promise<readonly FeedbackRecord[]>;
export type CheckStatsSource = () => Promise<readonly CheckStatRecord[]>;

/**
 * What an SME did with a tender: it was in their results (SEEN), they opened its details or its
 * notice (OPENED), they started a bid check for it (CHECK_STARTED).
 */
export type TenderInterestKind = 'SEEN' | 'OPENED' | 'CHECK_STARTED';

export const INTEREST_KINDS: readonly TenderInterestKind[] = ['SEEN', 'OPENED', 'CHECK_STARTED'];

export interface TenderInterestEvent {
  tenderId: string;
  kind: TenderInterestKind;
  /**
   * Who, only to count them once: a stable id of the person in the chat (channel + user id). It is
   * turned into a per-tender keyed hash at once and never stored or logged as given.
   */
  userKey: string;
  /** The tender's deadline when known: the hashes are forgotten some time after it. */
  deadlineAt?: string;
}

/** What the dialogs call; recording never fails a turn (the store logs and swallows its errors). */
export interface TenderInterestRecorder {
  record(event: TenderInterestEvent): Promise<void>;
}

/** Distinct SMEs per tender. `engaged` counts those who opened it or started a check (each once). */
export interface InterestCounts {
  seen: number;
  opened: number;
  checkStarted: number;
  engaged: number;
}

/** « Peu ou pas de réponses locales », set by a buyer of the tender's organisation. */
export interface TenderFlag {
  tenderId: string;
  organisationId: string;
  at: string;
}

export interface TenderInterestSource {
  counts(): Promise<ReadonlyMap<string, InterestCounts>>;
  flags(): Promise<readonly TenderFlag[]>;
}
