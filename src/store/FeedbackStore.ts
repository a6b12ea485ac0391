import path from 'node:path';
import type { FileLockOptions } from './fileLock';
import { JsonLinesLog, type PurgeResult } from './JsonLinesLog';

/** One anonymous « Cette réponse vous a aidé ? »: the topic, the answer, the channel, the hour. */
export interface FeedbackRecord {
  at: string;
  topic: string;
  helpful: boolean;
  channel: string;
}

export const FEEDBACK_FILE = path.join('faq', 'feedback.jsonl');

export function parseFeedbackRecord(value: unknown): FeedbackRecord | undefined {
  const line = value as Partial<Record<keyof FeedbackRecord, unknown>> | null;
  if (typeof line !== 'object' || line === null) return undefined;
  const { at, topic, helpful, channel } = line;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof topic !== 'string' || typeof helpful !== 'boolean' || typeof channel !== 'string') return undefined;
  return { at, topic, helpful, channel };
}

/** The FAQ satisfaction log, DATA_DIR/faq/feedback.jsonl, with the same retention as the gap log. */
export class FeedbackStore {
  private readonly log: JsonLinesLog<FeedbackRecord>;

  constructor(dataDir: string, lock?: FileLockOptions) {
    this.log = new JsonLinesLog({ file: path.join(dataDir, FEEDBACK_FILE), parse: parseFeedbackRecord, timeOf: (record) => new Date(record.at), ...(lock ? { lock } : {}) });
  }

  get file(): string {
    return this.log.file;
  }

  append(record: FeedbackRecord): Promise<void> {
    return this.log.append(record);
  }

  async all(): Promise<FeedbackRecord[]> {
    return (await this.log.readAll()).records;
  }

  purgeOlderThan(cutoff: Date): Promise<PurgeResult> {
    return this.log.purgeOlderThan(cutoff);
  }

  flush(timeoutMs?: number): Promise<boolean> {
    return this.log.flush(timeoutMs);
  }
}
