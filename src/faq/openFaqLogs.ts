import { subMonths } from 'date-fns';
import { type FeedbackRecord, FeedbackStore } from '../store/FeedbackStore';
import { GapStore } from '../store/GapStore';
import { FeedbackLog, type FeedbackLogOptions } from './FeedbackLog';
import { GapLog, type RecordWarnings } from './GapLog';
import type { FeedbackRecorder, GapRecord, GapRecorder } from './types';

export interface FaqLogsOptions extends FeedbackLogOptions {
  /** Records older than this many months are deleted (GAP_RETENTION_MONTHS). */
  retentionMonths: number;
  logger?: RecordWarnings & { info(details: Record<string, unknown>, message: string): void };
}

export interface FaqPurgeReport {
  cutoff: string;
  gaps: { file: string; removed: number; kept: number };
  feedback: { file: string; removed: number; kept: number };
}

/** The FAQ's two anonymous logs under DATA_DIR, as the chat, `npm run ask -- --log` and `npm run gaps` use them. */
export interface FaqLogs {
  gaps: GapRecorder;
  feedback: FeedbackRecorder;
  readonly gapsFile: string;
  readonly feedbackFile: string;
  listGaps(): Promise<GapRecord[]>;
  listFeedback(): Promise<FeedbackRecord[]>;
  /** Deletes the records older than `olderThanMonths` (by default the retention), in both logs. */
  purge(olderThanMonths?: number): Promise<FaqPurgeReport>;
  /** The retention purge of the running bot (at start, then daily): never throws, logs what it did. */
  purgeExpired(): Promise<void>;
  /** Waits for the pending writes, at most `timeoutMs`; false when some could not be written. */
  close(timeoutMs?: number): Promise<boolean>;
}

export function openFaqLogs(dataDir: string, options: FaqLogsOptions): FaqLogs {
  const now = options.now ?? (() => new Date());
  const gapStore = new GapStore(dataDir);
  const feedbackStore = new FeedbackStore(dataDir);
  const recorderOptions = { now, ...(options.logger ? { logger: options.logger } : {}) };
  const purge = async (olderThanMonths = options.retentionMonths): Promise<FaqPurgeReport> => {
    const cutoff = subMonths(now(), olderThanMonths);
    const gaps = await gapStore.purgeOlderThan(cutoff);
    const feedback = await feedbackStore.purgeOlderThan(cutoff);
    return {
      cutoff: cutoff.toISOString(),
      gaps: { file: gapStore.file, removed: gaps.removed + gaps.unreadable, kept: gaps.kept },
      feedback: { file: feedbackStore.file, removed: feedback.removed + feedback.unreadable, kept: feedback.kept },
    };
  };
  return {
    gaps: new GapLog(gapStore, recorderOptions),
    feedback: new FeedbackLog(feedbackStore, { ...recorderOptions, ...(options.isKnownTopic ? { isKnownTopic: options.isKnownTopic } : {}) }),
    gapsFile: gapStore.file,
    feedbackFile: feedbackStore.file,
    listGaps: () => gapStore.all(),
    listFeedback: () => feedbackStore.all(),
    purge,
    async purgeExpired() {
      try {
        const report = await purge();
        const removed = report.gaps.removed + report.feedback.removed;
        if (removed > 0) options.logger?.info({ event: 'faq_logs_purged', gaps: report.gaps.removed, feedback: report.feedback.removed }, 'old FAQ gaps and feedback deleted');
      } catch (error) {
        options.logger?.warn({ event: 'faq_logs_purge_failed', err: error }, 'FAQ logs purge failed (tried again tomorrow)');
      }
    },
    async close(timeoutMs) {
      const [gaps, feedback] = await Promise.all([gapStore.flush(timeoutMs), feedbackStore.flush(timeoutMs)]);
      return gaps && feedback;
    },
  };
}
