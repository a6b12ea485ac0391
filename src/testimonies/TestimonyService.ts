import { subMonths } from 'date-fns';
import { firstDayOfMonth, lastDayOfMonth, monthOfDay, parisDay } from '../insights/calendar';
import { type TestimonyRecord, TestimonyStore } from '../store/TestimonyStore';
import { MAX_TESTIMONY_CHARS, prepareTestimonyText, prepareTestimonyTrade } from './prepareTestimony';
import { isSizeBand, type SizeBand } from './sizeBands';
import type { Period, PreparedText, Testimony, TestimonyInput, TestimonyRecorder, TestimonySource } from './types';

/** Where the service reports what it did (a pino logger); never with a testimony's text. */
export interface TestimonyLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface TestimonyOptions {
  /** Testimonies older than this many months are deleted (TESTIMONY_RETENTION_MONTHS). */
  retentionMonths: number;
  /** The wording of a size band, for the readers (`sizeBandLabels(messages)`). */
  sizeLabel: (band: SizeBand) => string;
  now?: () => Date;
  logger?: TestimonyLogger;
}

export interface TestimonyPurgeReport {
  cutoff: string;
  file: string;
  removed: number;
  kept: number;
}

/**
 * The SMEs' testimonies (issue 10, « les PME viendront témoigner »): kept only once the SME agreed
 * and saw the text as it will be kept, scrubbed of personal data, with its trade and size band
 * only and dated by month — and read by the buyers' dashboard and the club digest. The chat, the
 * digest command and the dashboard share the file under DATA_DIR.
 */
export class TestimonyService implements TestimonyRecorder, TestimonySource {
  readonly maxLength = MAX_TESTIMONY_CHARS;
  private readonly now: () => Date;

  constructor(
    private readonly store: TestimonyStore,
    private readonly options: TestimonyOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  static open(dataDir: string, options: TestimonyOptions): TestimonyService {
    return new TestimonyService(new TestimonyStore(dataDir), options);
  }

  get retentionMonths(): number {
    return this.options.retentionMonths;
  }

  get file(): string {
    return this.store.file;
  }

  prepareText(raw: string): PreparedText {
    return prepareTestimonyText(raw, this.maxLength);
  }

  prepareTrade(raw: string): string | undefined {
    return prepareTestimonyTrade(raw);
  }

  /** The record is built field by field: a caller handing in more (a name, a conversation) cannot get it stored. */
  async record(input: TestimonyInput): Promise<boolean> {
    const prepared = typeof input.text === 'string' ? this.prepareText(input.text) : undefined;
    if (!prepared?.ok) return false;
    const trade = typeof input.trade === 'string' ? this.prepareTrade(input.trade) : undefined;
    const record: TestimonyRecord = {
      month: monthOfDay(parisDay(this.now())!),
      text: prepared.text,
      ...(trade ? { trade } : {}),
      ...(isSizeBand(input.sizeBand) ? { sizeBand: input.sizeBand } : {}),
    };
    try {
      await this.store.append(record);
      return true;
    } catch (error) {
      this.options.logger?.warn({ event: 'testimony_not_saved', err: error }, 'testimony not written');
      return false;
    }
  }

  /**
   * The testimonies of the months the period touches, the most recent first, each dated by the
   * first instant of its month: a testimony of 14 November is in a period from 20 November, since
   * nothing finer than the month is kept.
   */
  async list(period: Period = {}): Promise<Testimony[]> {
    const records = await this.store.all();
    return records
      .filter((record) => (!period.to || firstDayOfMonth(record.month) <= period.to) && (!period.from || lastDayOfMonth(record.month) >= period.from))
      .map((record, index) => ({ record, index }))
      .sort((a, b) => b.record.month.localeCompare(a.record.month) || b.index - a.index)
      .map(({ record }) => this.testimonyOf(record));
  }

  /** Every testimony kept, in the shape of the digest's source (`DigestSources.testimonies`). */
  testimonies = (): Promise<Testimony[]> => this.list();

  /** Deletes the testimonies older than `olderThanMonths` (by default the retention). */
  async purge(olderThanMonths = this.options.retentionMonths): Promise<TestimonyPurgeReport> {
    const cutoff = subMonths(this.now(), olderThanMonths);
    const result = await this.store.purgeOlderThan(cutoff);
    return { cutoff: cutoff.toISOString(), file: this.store.file, removed: result.removed + result.unreadable, kept: result.kept };
  }

  /** The retention purge of the running bot (at start, then daily): never throws, logs what it did. */
  async purgeExpired(): Promise<void> {
    try {
      const report = await this.purge();
      if (report.removed > 0) this.options.logger?.info({ event: 'testimonies_purged', removed: report.removed }, 'old testimonies deleted');
    } catch (error) {
      this.options.logger?.warn({ event: 'testimonies_purge_failed', err: error }, 'testimonies purge failed (tried again tomorrow)');
    }
  }

  /** Waits for the pending writes, at most `timeoutMs`; false when some could not be written. */
  close(timeoutMs?: number): Promise<boolean> {
    return this.store.flush(timeoutMs);
  }

  private testimonyOf(record: TestimonyRecord): Testimony {
    return {
      text: record.text,
      ...(record.trade ? { trade: record.trade } : {}),
      ...(record.sizeBand ? { sizeBand: this.options.sizeLabel(record.sizeBand) } : {}),
      at: `${record.month}-01T00:00:00.000Z`,
    };
  }
}
