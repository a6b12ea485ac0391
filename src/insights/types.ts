import type { FeedbackInput, GapRecord } from '../faq/types';
import type { Period } from './period';

/**
 * What the insights read, as small interfaces: the stores implement them, tests give arrays.
 * A source may return more than the period (the aggregations filter again), never less.
 */
export interface GapSource {
  gaps(period?: Period): Promise<readonly GapRecord[]>;
}

/** One stored "Cette réponse vous a aidé ? Oui / Non", with its time. */
export interface FeedbackRecord extends FeedbackInput {
  at: string;
}

export interface FeedbackSource {
  feedback(period?: Period): Promise<readonly FeedbackRecord[]>;
}

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
