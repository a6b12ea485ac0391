import { severityTitle } from '../../bidcheck';
import type { Messages } from '../../knowledge/Messages';
import { countText } from '../labels';
import type { RejectionCause, RejectionSpan } from '../rejectionCauses';
import { isExact } from '../smallNumbers';
import type { Bar, Block, Entry } from './document';
import { agreement, clip, percentText } from './format';

export const TOP_CAUSES = 5;
const LABEL_CHARS = 70;

/** A cause's bar in percent of the month's checks; a protected count is drawn dashed up to its limit. */
function shareBar(messages: Messages, cause: RejectionCause, checks: number): Bar {
  const label = clip(cause.title, LABEL_CHARS);
  if (cause.share !== null) return { label, value: cause.share * 100, text: percentText(cause.share), protected: false };
  return { label, value: (agreement(cause.checks) / checks) * 100, text: countText(messages, cause.checks), protected: true };
}

/**
 * The findings met most often in the month's bid checks, each with what the CCI proposes: the
 * rule's own remedy from the knowledge, the one the bid check gives the firm itself.
 */
export function rejectionsSection(messages: Messages, span: RejectionSpan, remedyOf: (rule: string) => string | null): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.rejections.heading') };
  if (isExact(span.checks) && span.checks === 0) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.rejections.none') }];
  if (span.causes.length === 0) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.rejections.noFinding') }];
  const causes = span.causes.slice(0, TOP_CAUSES);
  const intro = messages.text('insights.digest.rejections.intro', { checks: countText(messages, span.checks), count: agreement(span.checks) });
  const entries = causes.map((cause): Entry => {
    const remedy = remedyOf(cause.rule);
    return {
      title: cause.title,
      lines: [cause.sentence ?? messages.text('insights.part', { label: cause.title, count: countText(messages, cause.checks) }), messages.text('insights.digest.rejections.severity', { severity: severityTitle(messages, cause.severity) })],
      ...(remedy ? { highlight: messages.text('insights.digest.rejections.remedy', { remedy }) } : {}),
    };
  });
  const blocks: Block[] = [heading, { kind: 'paragraph', text: intro }];
  if (isExact(span.checks)) {
    const checks = span.checks;
    const bars = causes.map((cause) => shareBar(messages, cause, checks));
    blocks.push({ kind: 'chart', chart: { title: messages.text('insights.digest.chart.rejections'), layout: 'rows', bars, max: 100, ...(bars.some((bar) => bar.protected) ? { note: messages.text('insights.digest.chart.protected') } : {}) } });
  }
  blocks.push({ kind: 'entries', entries });
  return blocks;
}
