import { type Cut, cutOf, type Period, withinPeriod } from './period';
import { exactOrNull, protectCounts, type ShownCount, showCount } from './smallNumbers';
import type { FeedbackRecord } from './types';

export interface TopicSatisfaction {
  topic: string;
  /**
   * « Oui » and « Non ». Both are null when a finer-than-month cut had to merge them (one of them
   * is 1 or 2): only the total is shown then.
   */
  helpful: ShownCount | null;
  notHelpful: ShownCount | null;
  total: ShownCount;
  /** Share of « Oui » (0–1), when both counts are shown. */
  helpfulShare: number | null;
}

export interface SatisfactionReport {
  period: Period;
  cut: Cut;
  /** Every topic that got an answer, most « Non » first. */
  topics: TopicSatisfaction[];
  /** The topics with the most « Non » whose count can be shown (at most `top`), for the chart. */
  mostNotHelpful: TopicSatisfaction[];
  overall: TopicSatisfaction;
}

function satisfaction(topic: string, yes: number, no: number, cut: Cut): TopicSatisfaction {
  const parts = protectCounts(
    [
      { key: 'yes', count: yes },
      { key: 'no', count: no },
    ],
    cut,
    'categories',
  );
  const [helpful, notHelpful] = parts.length === 2 ? [parts[0]!.count, parts[1]!.count] : [null, null];
  const shownYes = helpful === null ? null : exactOrNull(helpful);
  const shownNo = notHelpful === null ? null : exactOrNull(notHelpful);
  return {
    topic,
    helpful,
    notHelpful,
    total: showCount(yes + no, cut),
    helpfulShare: shownYes !== null && shownNo !== null && shownYes + shownNo > 0 ? shownYes / (shownYes + shownNo) : null,
  };
}

/** The FAQ's « Cette réponse vous a aidé ? Oui / Non » per topic over a period. */
export function satisfactionByTopic(records: readonly FeedbackRecord[], period: Period = {}, top = 5): SatisfactionReport {
  const cut = cutOf(period);
  const counts = new Map<string, { yes: number; no: number }>();
  let yes = 0;
  let no = 0;
  for (const { record } of withinPeriod(records, period)) {
    const entry = counts.get(record.topic) ?? { yes: 0, no: 0 };
    if (record.helpful) (entry.yes++, yes++);
    else (entry.no++, no++);
    counts.set(record.topic, entry);
  }
  const ranked = [...counts].sort((a, b) => b[1].no - a[1].no || a[1].yes - b[1].yes || a[0].localeCompare(b[0]));
  const topics = ranked.map(([topic, entry]) => satisfaction(topic, entry.yes, entry.no, cut));
  return {
    period,
    cut,
    topics,
    mostNotHelpful: topics.filter((entry) => typeof entry.notHelpful === 'number' && entry.notHelpful > 0).slice(0, top),
    overall: satisfaction('*', yes, no, cut),
  };
}
