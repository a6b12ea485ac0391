import type { Messages } from '../../knowledge/Messages';
import type { GapClusters } from '../gaps/clusterGaps';
import { countText } from '../labels';
import { isExact } from '../smallNumbers';
import type { Block, Entry } from './document';
import { agreement, clip, countBar, quoted } from './format';

export const TOP_CLUSTERS = 5;
const MAX_EXAMPLES = 3;
const QUESTION_CHARS = 220;
const LABEL_CHARS = 70;

/** The clusters of questions the bot could not answer well: a chart of the largest, then each with its examples. */
export function gapsSection(messages: Messages, gaps: GapClusters, topicTitles: ReadonlyMap<string, string>): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.gaps.heading') };
  if (gaps.clusters.length === 0 || (isExact(gaps.total) && gaps.total === 0)) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.gaps.none') }];
  const top = gaps.clusters.slice(0, TOP_CLUSTERS);
  const intro = messages.text('insights.digest.gaps.intro', { count: gaps.clusters.length });
  const bars = top.map((cluster) => countBar(messages, clip(cluster.representative, LABEL_CHARS), cluster.size));
  const entries = top.map((cluster): Entry => {
    const guess = cluster.topicGuesses.find((group) => group.keys[0] !== null)?.keys[0];
    const title = guess ? topicTitles.get(guess) : undefined;
    return {
      title: quoted(clip(cluster.representative, QUESTION_CHARS)),
      lines: [
        messages.text('insights.digest.gaps.size', { size: countText(messages, cluster.size), count: agreement(cluster.size) }),
        ...(cluster.examples.length > 0 ? [messages.text('insights.digest.gaps.examples', { examples: cluster.examples.slice(0, MAX_EXAMPLES).map((example) => quoted(clip(example, QUESTION_CHARS))).join(' ; ') })] : []),
        ...(title ? [messages.text('insights.digest.gaps.topic', { topic: title })] : []),
      ],
    };
  });
  const rest = gaps.clusters.length - top.length;
  return [
    heading,
    { kind: 'paragraph', text: intro },
    { kind: 'chart', chart: { title: messages.text('insights.digest.chart.clusters'), layout: 'rows', bars, ...(bars.some((bar) => bar.protected) ? { note: messages.text('insights.digest.chart.protected') } : {}) } },
    { kind: 'entries', entries },
    ...(rest > 0 ? [{ kind: 'paragraph', text: messages.text('insights.digest.gaps.more', { count: rest }), muted: true } as const] : []),
  ];
}
