import { type Attachment, CardFactory } from 'botbuilder';
import type { CheckReport } from '../../src/bidcheck/checkDossier';
import { SEVERITY_TITLES } from '../../src/bidcheck/report/summarize';
import { SEVERITIES, type Severity } from '../../src/bidcheck/types';

const COLORS: Record<Severity, string> = { ELIMINATORY: 'Attention', REGULARISABLE: 'Warning', ADVICE: 'Accent' };
const INTRO: Record<Severity, string> = {
  ELIMINATORY: 'Ces points feraient écarter votre offre : à traiter en priorité.',
  REGULARISABLE: "L'acheteur peut vous demander de les corriger, mais il n'y est pas obligé : risque d'élimination s'il ne le demande pas.",
  ADVICE: 'Bonnes pratiques et points à vérifier selon le règlement de la consultation.',
};

/** One Adaptive Card (schema 1.5, for Teams) per severity group, each finding with file, what, why and what to do. */
export function reportCards(report: CheckReport): Attachment[] {
  return SEVERITIES.flatMap((severity) => {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) return [];
    const fallback = group.map((finding) => `• ${finding.message} Que faire : ${finding.remedy}`).join('\n');
    return [
      CardFactory.adaptiveCard({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.5',
        fallbackText: `${SEVERITY_TITLES[severity]} (${group.length})\n${fallback}`,
        body: [
          { type: 'TextBlock', text: `${SEVERITY_TITLES[severity]} (${group.length})`, weight: 'Bolder', size: 'Medium', color: COLORS[severity], wrap: true, style: 'heading' },
          { type: 'TextBlock', text: INTRO[severity], wrap: true, isSubtle: true, size: 'Small' },
          ...group.map((finding) => ({
            type: 'Container',
            separator: true,
            spacing: 'Medium',
            items: [
              ...(finding.file ? [{ type: 'TextBlock', text: `Fichier : ${finding.file}`, size: 'Small', isSubtle: true, wrap: true }] : []),
              { type: 'TextBlock', text: finding.message, wrap: true, weight: 'Bolder' },
              { type: 'TextBlock', text: `**Que faire :** ${finding.remedy}`, wrap: true },
              { type: 'TextBlock', text: `**Pourquoi :** ${finding.legal}`, wrap: true, size: 'Small', isSubtle: true },
            ],
          })),
        ],
      }),
    ];
  });
}
