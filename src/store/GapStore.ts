import path from 'node:path';
import type { GapKind, GapRecord } from '../faq/types';
import type { FileLockOptions } from './fileLock';
import { JsonLinesLog, type PurgeResult } from './JsonLinesLog';

export const GAPS_FILE = path.join('faq', 'gaps.jsonl');
export const GAP_KINDS: readonly GapKind[] = ['UNANSWERED', 'LOW_CONFIDENCE', 'NOT_HELPFUL'];

/** A line of the log as a GapRecord, its known fields only, or undefined when it is not one. */
export function parseGapRecord(value: unknown): GapRecord | undefined {
  const line = value as Partial<Record<keyof GapRecord, unknown>> | null;
  if (typeof line !== 'object' || line === null) return undefined;
  const { at, kind, question, channel, topicGuess, confidence } = line;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  if (!GAP_KINDS.includes(kind as GapKind) || typeof question !== 'string' || typeof channel !== 'string') return undefined;
  if (!(topicGuess === null || typeof topicGuess === 'string') || typeof confidence !== 'number') return undefined;
  return { at, kind: kind as GapKind, question, channel, topicGuess, confidence };
}

/**
 * The FAQ gap log, DATA_DIR/faq/gaps.jsonl: questions the FAQ could not answer well, for the
 * buyers. Stores what it is given: scrubbing is the recorder's (src/faq/GapLog.ts), before.
 */
export class GapStore {
  private readonly log: JsonLinesLog<GapRecord>;

  constructor(dataDir: string, lock?: FileLockOptions) {
    this.log = new JsonLinesLog({ file: path.join(dataDir, GAPS_FILE), parse: parseGapRecord, timeOf: (record) => new Date(record.at), ...(lock ? { lock } : {}) });
  }

  get file(): string {
    return this.log.file;
  }

  /** File appends performed so far (for tests and benchmarks). */
  get writes(): number {
    return this.log.writes;
  }

  append(record: GapRecord): Promise<void> {
    return this.log.append(record);
  }

  async all(): Promise<GapRecord[]> {
    return (await this.log.readAll()).records;
  }

  purgeOlderThan(cutoff: Date): Promise<PurgeResult> {
    return this.log.purgeOlderThan(cutoff);
  }

  flush(timeoutMs?: number): Promise<boolean> {
    return this.log.flush(timeoutMs);
  }
}
