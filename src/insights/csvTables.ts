import { severityTitle } from '../bidcheck';
import type { Messages } from '../knowledge/Messages';
import { type CsvCell, type CsvTable, toCsv } from './csv';
import type { GapClusters } from './gaps/clusterGaps';
import { countText, groupsText, joinedLabels, kindLabel, monthLabel, signalLabel, weeksLabel } from './labels';
import type { RejectionReport } from './rejectionCauses';
import type { SatisfactionReport } from './satisfaction';
import { isExact, type ShownCount } from './smallNumbers';
import type { TenderInterestRow } from './tenderInterest';

/** The CSV exports of the dashboard (web-contract §3): the same figures as the JSON, protected the same way. */

/** A count as a number cell when exact (so that Excel can sum it), else « moins de 3 »; empty when merged away. */
function countCell(messages: Messages, count: ShownCount | null): CsvCell {
  if (count === null) return '';
  return isExact(count) ? count : countText(messages, count);
}

function percentCell(share: number | null): CsvCell {
  return share === null ? '' : { value: share * 100, decimals: 1 };
}

function dateCell(value: string, precision: 'day' | 'month'): CsvCell {
  return precision === 'day' ? { day: value } : monthLabel(value);
}

export function gapsCsv(messages: Messages, report: GapClusters, topicTitles: ReadonlyMap<string, string> = new Map()): string {
  const topic = (id: string | null): string => (id === null ? messages.text('insights.topic.none') : (topicTitles.get(id) ?? id));
  const table: CsvTable = {
    header: (['question', 'examples', 'size', 'first', 'last', 'kinds', 'topics', 'weeks'] as const).map((column) => messages.text(`insights.csv.gaps.${column}` as const)),
    rows: report.clusters.map((cluster) => [
      cluster.representative,
      cluster.examples.join('\n'),
      countCell(messages, cluster.size),
      dateCell(cluster.seen.first, cluster.seen.precision),
      dateCell(cluster.seen.last, cluster.seen.precision),
      groupsText(messages, cluster.kinds, joinedLabels((kind) => kindLabel(messages, kind))),
      groupsText(messages, cluster.topicGuesses, joinedLabels(topic)),
      groupsText(messages, cluster.weeks, (weeks) => weeksLabel(messages, weeks)),
    ]),
  };
  return toCsv(table);
}

export function rejectionsCsv(messages: Messages, report: RejectionReport): string {
  const table: CsvTable = {
    header: (['month', 'rule', 'title', 'severity', 'count', 'checks', 'share', 'sentence'] as const).map((column) => messages.text(`insights.csv.rejections.${column}` as const)),
    rows: report.months.flatMap((month) =>
      month.causes.map((cause) => [
        monthLabel(month.month),
        cause.rule,
        cause.title,
        severityTitle(messages, cause.severity),
        countCell(messages, cause.checks),
        countCell(messages, month.checks),
        percentCell(cause.share),
        cause.sentence ?? '',
      ]),
    ),
  };
  return toCsv(table);
}

export function satisfactionCsv(messages: Messages, report: SatisfactionReport, topicTitles: ReadonlyMap<string, string> = new Map()): string {
  const table: CsvTable = {
    header: (['topic', 'title', 'yes', 'no', 'total', 'share'] as const).map((column) => messages.text(`insights.csv.satisfaction.${column}` as const)),
    rows: report.topics.map((entry) => [
      entry.topic,
      topicTitles.get(entry.topic) ?? '',
      countCell(messages, entry.helpful),
      countCell(messages, entry.notHelpful),
      countCell(messages, entry.total),
      percentCell(entry.helpfulShare),
    ]),
  };
  return toCsv(table);
}

export function tenderInterestCsv(messages: Messages, rows: readonly TenderInterestRow[]): string {
  const table: CsvTable = {
    header: (['tender', 'reference', 'buyer', 'deadline', 'seen', 'opened', 'checks', 'signal', 'flagged'] as const).map((column) => messages.text(`insights.csv.interest.${column}` as const)),
    rows: rows.map((row) => [
      row.title,
      row.tenderId,
      row.buyer,
      row.deadlineAt ? { at: row.deadlineAt } : '',
      countCell(messages, row.seen),
      countCell(messages, row.opened),
      countCell(messages, row.checkStarted),
      signalLabel(messages, row.signal),
      row.flags[0] ? { at: row.flags[0].at } : '',
    ]),
  };
  return toCsv(table);
}
