import type { Messages } from '../../knowledge/Messages';
import type { AnsweredBy } from '../gapAnswers/answeredBy';
import type { GapCluster, GapClusters } from '../gaps/clusterGaps';
import { countText } from '../labels';
import { isExact } from '../smallNumbers';
import type { Block, Entry } from './document';
import { agreement, clip, countBar, quoted } from './format';

export const TOP_CLUSTERS = 5;
const MAX_EXAMPLES = 3;
const QUESTION_CHARS = 220;
const LABEL_CHARS = 70;

/** The topic of the FAQ that now answers a cluster's question (the chat would answer it), or null. */
export type AnsweredLookup = (question: string) => AnsweredBy | null;

function sizeLine(messages: Messages, cluster: GapCluster): string {
  return messages.text('insights.digest.gaps.size', { size: countText(messages, cluster.size), count: agreement(cluster.size) });
}

/**
 * The clusters of questions the bot could not answer well: a chart of the largest still open, then
 * each with its examples; apart, those the FAQ has answered since (the club need not discuss them).
 */
export function gapsSection(messages: Messages, gaps: GapClusters, topicTitles: ReadonlyMap<string, string>, answered: AnsweredLookup = () => null): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.gaps.heading') };
  if (gaps.clusters.length === 0 || (isExact(gaps.total) && gaps.total === 0)) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.gaps.none') }];
  const solved = gaps.clusters.flatMap((cluster) => {
    // The topic whose answer its askers judged « Non » does not solve it, even if the chat gives it again.
    const by = answered(cluster.representative);
    return by && !cluster.unhelpfulTopics.includes(by.topicId) ? [{ cluster, by }] : [];
  });
  const open = gaps.clusters.filter((cluster) => !solved.some((entry) => entry.cluster === cluster));
  return [heading, ...openBlocks(messages, open, gaps.clusters.length, topicTitles), ...solvedBlocks(messages, solved)];
}

function openBlocks(messages: Messages, open: readonly GapCluster[], all: number, topicTitles: ReadonlyMap<string, string>): Block[] {
  if (open.length === 0) return [{ kind: 'paragraph', text: messages.text('insights.digest.gaps.allAnswered') }];
  const top = open.slice(0, TOP_CLUSTERS);
  const intro = open.length === all ? messages.text('insights.digest.gaps.intro', { count: all }) : messages.text('insights.digest.gaps.introOpen', { total: all, open: open.length });
  const bars = top.map((cluster) => countBar(messages, clip(cluster.representative, LABEL_CHARS), cluster.size));
  const entries = top.map((cluster): Entry => {
    const title = cluster.closestTopic ? topicTitles.get(cluster.closestTopic) : undefined;
    return {
      title: quoted(clip(cluster.representative, QUESTION_CHARS)),
      lines: [
        sizeLine(messages, cluster),
        ...(cluster.examples.length > 0 ? [messages.text('insights.digest.gaps.examples', { examples: cluster.examples.slice(0, MAX_EXAMPLES).map((example) => quoted(clip(example, QUESTION_CHARS))).join(' ; ') })] : []),
        ...(title ? [messages.text('insights.digest.gaps.topic', { topic: title })] : []),
      ],
    };
  });
  const rest = open.length - top.length;
  return [
    { kind: 'paragraph', text: intro },
    { kind: 'chart', chart: { title: messages.text('insights.digest.chart.clusters'), layout: 'rows', bars, ...(bars.some((bar) => bar.protected) ? { note: messages.text('insights.digest.chart.protected') } : {}) } },
    { kind: 'entries', entries },
    ...(rest > 0 ? [{ kind: 'paragraph', text: messages.text('insights.digest.gaps.more', { count: rest }), muted: true } as const] : []),
  ];
}

function solvedBlocks(messages: Messages, solved: readonly { cluster: GapCluster; by: AnsweredBy }[]): Block[] {
  if (solved.length === 0) return [];
  const top = solved.slice(0, TOP_CLUSTERS);
  const rest = solved.length - top.length;
  return [
    { kind: 'paragraph', text: messages.text('insights.digest.gaps.answeredIntro', { count: solved.length }) },
    {
      kind: 'entries',
      entries: top.map(({ cluster, by }): Entry => ({
        title: quoted(clip(cluster.representative, QUESTION_CHARS)),
        lines: [sizeLine(messages, cluster), messages.text('insights.digest.gaps.answeredBy', { topic: by.title })],
      })),
    },
    ...(rest > 0 ? [{ kind: 'paragraph', text: messages.text('insights.digest.gaps.answeredMore', { count: rest }), muted: true } as const] : []),
  ];
}
