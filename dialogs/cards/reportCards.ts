import { type Attachment, CardFactory } from 'botbuilder';
import { type CheckReport, type Finding, SEVERITIES, type Severity, SEVERITY_TITLES } from '../../src/bidcheck';

const COLORS: Record<Severity, string> = { ELIMINATORY: 'Attention', REGULARISABLE: 'Warning', ADVICE: 'Accent' };
const INTRO: Record<Severity, string> = {
  ELIMINATORY: 'Ces points feraient écarter votre offre : à traiter en priorité.',
  REGULARISABLE: "L'acheteur peut vous demander de les corriger, mais il n'y est pas obligé : risque d'élimination s'il ne le demande pas.",
  ADVICE: 'Bonnes pratiques et points à vérifier selon le règlement de la consultation.',
};
/** Teams refuses messages over ~28 KB: a long group is split over several cards of this many findings. */
const FINDINGS_PER_CARD = 8;

function findingBlock(finding: Finding) {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      ...(finding.file ? [{ type: 'TextBlock', text: `Fichier : ${finding.file}`, size: 'Small', isSubtle: true, wrap: true }] : []),
      { type: 'TextBlock', text: finding.message, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: `**Que faire :** ${finding.remedy}`, wrap: true },
      { type: 'TextBlock', text: `**Pourquoi :** ${finding.legal}`, wrap: true, size: 'Small', isSubtle: true },
    ],
  };
}

function groupCard(severity: Severity, findings: readonly Finding[], total: number, first: boolean): Attachment {
  const title = first ? `${SEVERITY_TITLES[severity]} (${total})` : `${SEVERITY_TITLES[severity]} (suite)`;
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${title}\n${findings.map((finding) => `• ${finding.message} Que faire : ${finding.remedy}`).join('\n')}`,
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', color: COLORS[severity], wrap: true, style: 'heading' },
      ...(first ? [{ type: 'TextBlock', text: INTRO[severity], wrap: true, isSubtle: true, size: 'Small' }] : []),
      ...findings.map(findingBlock),
    ],
  });
}

/** Adaptive Cards (schema 1.5, for Teams) by severity group, each finding with file, what, why and what to do. */
export function reportCards(report: CheckReport): Attachment[] {
  return SEVERITIES.flatMap((severity) => {
    const group = report.findings.filter((finding) => finding.severity === severity);
    const cards: Attachment[] = [];
    for (let start = 0; start < group.length; start += FINDINGS_PER_CARD) {
      cards.push(groupCard(severity, group.slice(start, start + FINDINGS_PER_CARD), group.length, start === 0));
    }
    return cards;
  });
}
