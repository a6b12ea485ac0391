import { severityTitle } from '../../bidcheck';
import type { UpcomingEvent } from '../../contacts';
import type { FaqAsker, GapKind } from '../../faq/types';
import { answeredBy } from '../../insights/gapAnswers';
import {
  countText,
  type GapClusters,
  isExact,
  joinedLabels,
  kindLabel,
  monthLabel,
  type RejectionCause,
  type RejectionReport,
  type RejectionSpan,
  type SatisfactionReport,
  type ShownCount,
  type ShownGroup,
  type TopicSatisfaction,
  weeksLabel,
} from '../../insights';
import type { Messages } from '../../knowledge/Messages';

/**
 * The insights as the dashboard reads them: the service's protected figures, each count with its
 * French text beside it (« moins de 3 » has no number to draw), each key with its label. Nothing is
 * computed here that the CSV and the digest would not also show.
 */

export interface CountJson {
  /** The exact count, null when it may only be shown as « moins de 3 ». */
  value: number | null;
  text: string;
}

export interface GroupJson<K> {
  keys: K[];
  label: string;
  /** For the axis of a chart: « sem. 45 », « sem. 45 – sem. 47 ». */
  short?: string;
  count: CountJson;
}

export function countJson(messages: Messages, count: ShownCount): CountJson {
  return { value: isExact(count) ? count : null, text: countText(messages, count) };
}

function groupJson<K>(messages: Messages, group: ShownGroup<K>, label: (keys: readonly K[]) => string): GroupJson<K> {
  return { keys: group.keys, label: label(group.keys), count: countJson(messages, group.count) };
}

function weekNumber(week: string): number {
  return Number(week.slice(6));
}

function weekGroups(messages: Messages, groups: readonly ShownGroup<string>[]): GroupJson<string>[] {
  return groups.map((group) => {
    const first = messages.text('insights.weekShort', { week: weekNumber(group.keys[0]!) });
    const last = messages.text('insights.weekShort', { week: weekNumber(group.keys[group.keys.length - 1]!) });
    return { ...groupJson(messages, group, (keys) => weeksLabel(messages, keys)), short: group.keys.length === 1 ? first : messages.text('insights.range', { from: first, to: last }) };
  });
}

function frenchDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

export function gapsJson(messages: Messages, report: GapClusters, topicTitles: ReadonlyMap<string, string>, faq?: FaqAsker) {
  const topic = (id: string | null): string => (id === null ? messages.text('insights.topic.none') : (topicTitles.get(id) ?? id));
  const when = (value: string, precision: 'day' | 'month'): string => (precision === 'day' ? frenchDay(value) : monthLabel(value));
  return {
    period: report.period,
    cut: report.cut,
    total: countJson(messages, report.total),
    weeks: weekGroups(messages, report.weeks),
    clusters: report.clusters.map((cluster) => ({
      id: cluster.id,
      representative: cluster.representative,
      examples: cluster.examples,
      size: countJson(messages, cluster.size),
      seen: { ...cluster.seen, firstText: when(cluster.seen.first, cluster.seen.precision), lastText: when(cluster.seen.last, cluster.seen.precision) },
      weeks: weekGroups(messages, cluster.weeks),
      kinds: cluster.kinds.map((group) => groupJson<GapKind>(messages, group, joinedLabels((kind) => kindLabel(messages, kind)))),
      topics: cluster.topicGuesses.map((group) => groupJson(messages, group, joinedLabels(topic))),
      // Computed from the live FAQ, never stored: a cluster is answered once the chat answers its representative.
      answeredBy: faq ? answeredBy(faq, cluster.representative) : null,
    })),
  };
}

function causeJson(messages: Messages, cause: RejectionCause) {
  return { ...cause, severityLabel: severityTitle(messages, cause.severity), checks: countJson(messages, cause.checks) };
}

function spanJson(messages: Messages, span: RejectionSpan) {
  return {
    month: span.month,
    label: span.month === '*' ? messages.text('insights.wholePeriod') : monthLabel(span.month),
    span: span.span,
    cut: span.cut,
    checks: countJson(messages, span.checks),
    causes: span.causes.map((cause) => causeJson(messages, cause)),
  };
}

export function rejectionsJson(messages: Messages, report: RejectionReport) {
  return { period: report.period, overall: spanJson(messages, report.overall), months: report.months.map((span) => spanJson(messages, span)) };
}

function topicJson(messages: Messages, entry: TopicSatisfaction, topicTitles: ReadonlyMap<string, string>) {
  const shown = (count: ShownCount | null) => (count === null ? null : countJson(messages, count));
  return {
    topic: entry.topic,
    title: topicTitles.get(entry.topic) ?? entry.topic,
    helpful: shown(entry.helpful),
    notHelpful: shown(entry.notHelpful),
    total: countJson(messages, entry.total),
    helpfulShare: entry.helpfulShare,
  };
}

export function satisfactionJson(messages: Messages, report: SatisfactionReport, topicTitles: ReadonlyMap<string, string>) {
  return {
    period: report.period,
    cut: report.cut,
    overall: topicJson(messages, report.overall, topicTitles),
    topics: report.topics.map((entry) => topicJson(messages, entry, topicTitles)),
    mostNotHelpful: report.mostNotHelpful.map((entry) => topicJson(messages, entry, topicTitles)),
  };
}

export function eventJson(upcoming: UpcomingEvent) {
  const { event } = upcoming;
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    when: upcoming.when,
    dateUncertain: upcoming.dateUncertain,
    place: event.place,
    organiser: upcoming.organiser ?? null,
    registration: event.registration,
    description: event.description,
  };
}
