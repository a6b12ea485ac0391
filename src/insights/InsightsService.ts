import type { Severity } from '../bidcheck';
import type { FaqKnowledge, GapRecord } from '../faq/types';
import type { Messages } from '../knowledge/Messages';
import { gapsCsv, rejectionsCsv, satisfactionCsv, tenderInterestCsv } from './csvTables';
import { clusterGaps, type GapClusters } from './gaps/clusterGaps';
import type { Lexicon } from './gaps/questionTerms';
import { dayInPeriod, monthPeriod, type Period } from './period';
import { parisDay } from './calendar';
import { rejectionCauses, type RejectionReport, type RejectionSpan } from './rejectionCauses';
import { type SatisfactionReport, satisfactionByTopic } from './satisfaction';
import { type TenderForInterest, tenderInterest, type TenderInterestRow } from './tenderInterest';
import type { CheckStatsSource, FeedbackSource, GapSource, TenderFlag, TenderInterestSource } from './types';

export interface InsightsSources {
  gaps: GapSource;
  feedback: FeedbackSource;
  checkStats: CheckStatsSource;
  /** The TenderInterestStore. */
  tenderInterest: TenderInterestSource;
}

/** What the insights read from the knowledge; asked again at each call, so a hot reload applies at once. */
export interface InsightsKnowledge {
  messages: Messages;
  /** Rule id → title (`ruleTitles(bidCheckKnowledge.rules)`). */
  ruleTitles: ReadonlyMap<string, string>;
  /** FAQ topic id → title, lexicon and phrasings (`faqContext(faqKnowledge)`). */
  topicTitles: ReadonlyMap<string, string>;
  lexicon: Lexicon;
  phrasings: readonly string[];
}

/** The FAQ's part of InsightsKnowledge. */
export function faqContext(faq: FaqKnowledge): Pick<InsightsKnowledge, 'topicTitles' | 'lexicon' | 'phrasings'> {
  return {
    topicTitles: new Map(faq.topics.map((topic) => [topic.id, topic.title])),
    lexicon: faq.settings.lexicon,
    phrasings: faq.topics.flatMap((topic) => topic.phrasings),
  };
}

export interface MonthFigures {
  month: string;
  period: Period;
  gaps: GapClusters;
  satisfaction: SatisfactionReport;
  rejections: RejectionSpan;
  /** Flags « peu ou pas de réponses locales » set during the month. */
  flags: TenderFlag[];
}

/**
 * The buyers' insights as the dashboard routes, the CSV exports and the monthly digest call them.
 * Reads the stores through their small interfaces; every figure is protected (smallNumbers.ts).
 */
export class InsightsService {
  private lastClusters: { key: string; result: GapClusters } | undefined;

  constructor(
    private readonly sources: InsightsSources,
    private readonly knowledge: () => InsightsKnowledge,
  ) {}

  async gaps(period: Period = {}): Promise<GapClusters> {
    const records = await this.sources.gaps();
    const knowledge = this.knowledge();
    // Clustering is quadratic: the dashboard asks for the JSON and then the CSV of the same period.
    const key = cacheKey(period, records, knowledge);
    if (this.lastClusters?.key === key) return this.lastClusters.result;
    const result = clusterGaps(records, period, { lexicon: knowledge.lexicon, background: knowledge.phrasings });
    this.lastClusters = { key, result };
    return result;
  }

  async satisfaction(period: Period = {}): Promise<SatisfactionReport> {
    return satisfactionByTopic(await this.sources.feedback(), period);
  }

  async rejections(period: Period = {}, options: { top?: number; severities?: readonly Severity[] } = {}): Promise<RejectionReport> {
    const { messages, ruleTitles } = this.knowledge();
    return rejectionCauses(await this.sources.checkStats(), period, { messages, ruleTitles, ...options });
  }

  async tenderInterest(tenders: readonly TenderForInterest[], now = new Date()): Promise<TenderInterestRow[]> {
    const [counts, flags] = await Promise.all([this.sources.tenderInterest.counts(), this.sources.tenderInterest.flags()]);
    return tenderInterest(tenders, counts, flags, { now });
  }

  async gapsCsv(period: Period = {}): Promise<string> {
    const { messages, topicTitles } = this.knowledge();
    return gapsCsv(messages, await this.gaps(period), topicTitles);
  }

  async rejectionsCsv(period: Period = {}): Promise<string> {
    return rejectionsCsv(this.knowledge().messages, await this.rejections(period));
  }

  async satisfactionCsv(period: Period = {}): Promise<string> {
    const { messages, topicTitles } = this.knowledge();
    return satisfactionCsv(messages, await this.satisfaction(period), topicTitles);
  }

  async tenderInterestCsv(tenders: readonly TenderForInterest[], now = new Date()): Promise<string> {
    return tenderInterestCsv(this.knowledge().messages, await this.tenderInterest(tenders, now));
  }

  /** The figures of one month ("YYYY-MM") for the club digest. */
  async month(month: string): Promise<MonthFigures> {
    const period = monthPeriod(month);
    const [gaps, satisfaction, rejections, flags] = await Promise.all([this.gaps(period), this.satisfaction(period), this.rejections(period), this.sources.tenderInterest.flags()]);
    return {
      month,
      period,
      gaps,
      satisfaction,
      rejections: rejections.months.find((span) => span.month === month) ?? rejections.overall,
      flags: flags.filter((flag) => {
        const day = parisDay(flag.at);
        return day !== undefined && dayInPeriod(day, period);
      }),
    };
  }
}

function cacheKey(period: Period, records: readonly GapRecord[], knowledge: InsightsKnowledge): string {
  const last = records[records.length - 1];
  return JSON.stringify([period, records.length, records[0]?.at, last?.at, last?.question, knowledge.phrasings.length, Object.keys(knowledge.lexicon).length]);
}
