import { type Attachment, CardFactory } from 'botbuilder';
import { type CheckReport, type Finding, SEVERITIES, type Severity, severityIntro, severityTitle } from '../../src/bidcheck';
import type { Messages } from '../../src/knowledge/Messages';
import { frenchTypography } from '../../src/text/frenchTypography';

const COLORS: Record<Severity, string> = { ELIMINATORY: 'Attention', REGULARISABLE: 'Warning', ADVICE: 'Accent' };
/** Teams refuses messages over ~28 KB: a long group is split over several cards of this many findings. */
const FINDINGS_PER_CARD = 8;

interface Labels {
  file: string;
  remedy: string;
  legal: string;
  limitation: string;
  rcUnknown: string;
}

function findingBlock(finding: Finding, labels: Labels) {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      ...(finding.file ? [{ type: 'TextBlock', text: `${labels.file} : ${finding.file}`, size: 'Small', isSubtle: true, wrap: true }] : []),
      { type: 'TextBlock', text: finding.message, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: `**${labels.remedy} :** ${finding.remedy}`, wrap: true },
      { type: 'TextBlock', text: `**${labels.legal} :** ${finding.legal}`, wrap: true, size: 'Small', isSubtle: true },
      ...(finding.limitation ? [{ type: 'TextBlock', text: `${labels.limitation} : ${finding.limitation}`, wrap: true, size: 'Small', isSubtle: true }] : []),
      ...(finding.rcUnknown ? [{ type: 'TextBlock', text: labels.rcUnknown, wrap: true, size: 'Small', isSubtle: true }] : []),
    ].map((block) => ({ ...block, text: frenchTypography(block.text) })),
  };
}

function groupCard(messages: Messages, severity: Severity, findings: readonly Finding[], total: number, first: boolean): Attachment {
  const name = severityTitle(messages, severity);
  const title = first ? messages.text('report.groupTitle', { title: name, count: total }) : messages.text('report.groupContinued', { title: name });
  const labels: Labels = {
    file: messages.text('report.label.file'),
    remedy: messages.text('report.label.remedy'),
    legal: messages.text('report.label.legal'),
    limitation: messages.text('report.label.limitation'),
    rcUnknown: messages.text('report.rcUnknown'),
  };
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: frenchTypography(`${title}\n${findings.map((finding) => `• ${finding.message} ${labels.remedy} : ${finding.remedy}`).join('\n')}`),
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', color: COLORS[severity], wrap: true, style: 'heading' },
      ...(first ? [{ type: 'TextBlock', text: severityIntro(messages, severity), wrap: true, isSubtle: true, size: 'Small' }] : []),
      ...findings.map((finding) => findingBlock(finding, labels)),
    ],
  });
}

/** Adaptive Cards (schema 1.5, for Teams) by severity group, each finding with file, what, why and what to do. */
export function reportCards(report: CheckReport, messages: Messages): Attachment[] {
  return SEVERITIES.flatMap((severity) => {
    const group = report.findings.filter((finding) => finding.severity === severity);
    const cards: Attachment[] = [];
    for (let start = 0; start < group.length; start += FINDINGS_PER_CARD) {
      cards.push(groupCard(messages, severity, group.slice(start, start + FINDINGS_PER_CARD), group.length, start === 0));
    }
    return cards;
  });
}
