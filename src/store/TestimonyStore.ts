import path from 'node:path';
import type { FileLockOptions } from './fileLock';
import { JsonLinesLog, type PurgeResult } from './JsonLinesLog';

/** The size bands an SME may give (employees), as stored; their wording is knowledge/messages.json's. */
export const SIZE_BANDS = ['0', '1-9', '10-49', '50-249'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/**
 * One testimony as it lies on disk: the scrubbed text, the trade and size band if given, and the
 * month only — never the day nor the hour (beside a trade, a day could tell which firm spoke), no
 * user, no conversation, no channel.
 */
export interface TestimonyRecord {
  /** "YYYY-MM", the Paris month it was given. */
  month: string;
  text: string;
  trade?: string;
  sizeBand?: SizeBand;
}

export const TESTIMONIES_FILE = path.join('testimonies', 'testimonies.jsonl');
/** Far above what the chat stores (TestimonyService caps the text); a longer line is no record of ours. */
const MAX_STORED_TEXT = 20_000;
const MAX_STORED_TRADE = 200;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A line of the log as a TestimonyRecord, its known fields only, or undefined when it is not one. */
export function parseTestimonyRecord(value: unknown): TestimonyRecord | undefined {
  const line = value as Partial<Record<keyof TestimonyRecord, unknown>> | null;
  if (typeof line !== 'object' || line === null) return undefined;
  const { month, text, trade, sizeBand } = line;
  if (typeof month !== 'string' || !MONTH.test(month)) return undefined;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_STORED_TEXT) return undefined;
  if (trade !== undefined && (typeof trade !== 'string' || trade.length > MAX_STORED_TRADE)) return undefined;
  if (sizeBand !== undefined && !SIZE_BANDS.includes(sizeBand as SizeBand)) return undefined;
  return { month, text, ...(trade ? { trade } : {}), ...(sizeBand ? { sizeBand: sizeBand as SizeBand } : {}) };
}

/** The first instant of a month (UTC): what the retention compares with its cutoff. */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00.000Z`);
}

/**
 * The testimonies log, DATA_DIR/testimonies/testimonies.jsonl, append-only and shared with the
 * command line like the FAQ logs. Stores what it is given: consent and scrubbing are the
 * service's (src/testimonies), before.
 */
export class TestimonyStore {
  private readonly log: JsonLinesLog<TestimonyRecord>;

  constructor(dataDir: string, lock?: FileLockOptions) {
    this.log = new JsonLinesLog({ file: path.join(dataDir, TESTIMONIES_FILE), parse: parseTestimonyRecord, timeOf: (record) => monthStart(record.month), ...(lock ? { lock } : {}) });
  }

  get file(): string {
    return this.log.file;
  }

  append(record: TestimonyRecord): Promise<void> {
    return this.log.append(record);
  }

  /** Every readable record, in the order given (oldest first). */
  async all(): Promise<TestimonyRecord[]> {
    return (await this.log.readAll()).records;
  }

  /** Removes the records whose month began before `cutoff` (and unreadable lines): a month goes whole, early rather than late. */
  purgeOlderThan(cutoff: Date): Promise<PurgeResult> {
    return this.log.purgeOlderThan(cutoff);
  }

  flush(timeoutMs?: number): Promise<boolean> {
    return this.log.flush(timeoutMs);
  }
}
