import type { Messages } from '../../knowledge/Messages';
import type { GapClusters } from '../gaps/clusterGaps';
import { countText } from '../labels';
import type { SatisfactionReport } from '../satisfaction';
import { isExact, type ShownCount, type ShownGroup } from '../smallNumbers';
import type { BarChart, Block } from './document';
import { agreement, countBar, percentText } from './format';

export interface MonthCounts {
  checks: ShownCount;
  gaps: ShownCount;
  satisfaction: SatisfactionReport;
  flaggedTenders: number;
  testimonies: number;
}

function satisfactionFigure(messages: Messages, report: SatisfactionReport): { value: string; label: string } {
  const { helpful, notHelpful, total, helpfulShare } = report.overall;
  if (isExact(total) && total === 0) return { value: '0', label: messages.text('insights.digest.figures.noFeedback') };
  if (helpful === null || notHelpful === null || helpfulShare === null) {
    return { value: countText(messages, total), label: messages.text('insights.digest.figures.satisfactionTotal') };
  }
  return { value: percentText(helpfulShare), label: messages.text('insights.digest.figures.satisfaction', { yes: countText(messages, helpful), no: countText(messages, notHelpful) }) };
}

/** The month's figures in large type: checks run, questions left without a good answer, satisfaction, flags, testimonies. */
export function figuresSection(messages: Messages, counts: MonthCounts, withTestimonies: boolean): Block[] {
  const items = [
    { value: countText(messages, counts.checks), label: messages.text('insights.digest.figures.checks', { count: agreement(counts.checks) }) },
    { value: countText(messages, counts.gaps), label: messages.text('insights.digest.figures.gaps', { count: agreement(counts.gaps) }) },
    satisfactionFigure(messages, counts.satisfaction),
    { value: String(counts.flaggedTenders), label: messages.text('insights.digest.figures.flags', { count: counts.flaggedTenders }) },
    ...(withTestimonies ? [{ value: String(counts.testimonies), label: messages.text('insights.digest.figures.testimonies', { count: counts.testimonies }) }] : []),
  ];
  return [{ kind: 'heading', text: messages.text('insights.digest.figures.heading') }, { kind: 'figures', items }];
}

function weekText(messages: Messages, week: string): string {
  return messages.text('insights.digest.chart.weekShort', { week: Number(week.slice(6)) });
}

function weeksText(messages: Messages, group: ShownGroup<string>): string {
  const first = weekText(messages, group.keys[0]!);
  return group.keys.length === 1 ? first : messages.text('insights.range', { from: first, to: weekText(messages, group.keys[group.keys.length - 1]!) });
}

/** The gaps of the month per ISO week, as the insights merged them (a week holding 1 or 2 joins its neighbour). */
export function weeksChart(messages: Messages, gaps: GapClusters): BarChart | undefined {
  if (isExact(gaps.total) && gaps.total === 0) return undefined;
  const bars = gaps.weeks.map((group) => countBar(messages, weeksText(messages, group), group.count));
  return { title: messages.text('insights.digest.chart.weeks'), layout: 'columns', bars, ...(bars.some((bar) => bar.protected) ? { note: messages.text('insights.digest.chart.protected') } : {}) };
}
