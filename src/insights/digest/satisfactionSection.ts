import type { Messages } from '../../knowledge/Messages';
import { countText } from '../labels';
import type { SatisfactionReport } from '../satisfaction';
import type { Bar, Block } from './document';
import { agreement, clip } from './format';

const LABEL_CHARS = 70;

/** The FAQ topics whose answers got the most « Non », as a chart with the « Oui » beside. */
export function satisfactionSection(messages: Messages, report: SatisfactionReport, topicTitles: ReadonlyMap<string, string>): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.satisfaction.heading') };
  if (report.mostNotHelpful.length === 0) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.satisfaction.none') }];
  const bars = report.mostNotHelpful.map((topic): Bar => {
    // mostNotHelpful holds only topics whose « Non » can be shown.
    const no = topic.notHelpful!;
    const yes = topic.helpful ?? 0;
    return { label: clip(topicTitles.get(topic.topic) ?? topic.topic, LABEL_CHARS), value: agreement(no), text: messages.text('insights.digest.satisfaction.counts', { yes: countText(messages, yes), no: countText(messages, no) }), protected: false };
  });
  return [heading, { kind: 'chart', chart: { title: messages.text('insights.digest.chart.notHelpful'), layout: 'rows', bars } }];
}
