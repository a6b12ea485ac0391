import type { CheckReport } from '../checkDossier';
import { frDate } from '../rules/dossierQueries';
import { SEVERITIES } from '../types';
import { documentLabel } from './documentLabel';
import { SEVERITY_TITLES, summaryLine } from './summarize';

/** The readable French report of the CLI (and the chat's plain-text fallback). */
export function formatTextReport(report: CheckReport, labels: Record<string, string>): string {
  const lines: string[] = [];
  lines.push(`Vérification du dossier au ${frDate(report.referenceDate)} — ${summaryLine(report.findings)}`);
  if (report.partial) lines.push('Attention : le temps de vérification a été dépassé, ce rapport est partiel.');
  lines.push('', 'Pièces reconnues :');
  for (const document of report.documents) {
    lines.push(`  - ${document.file} : ${documentLabel(document, labels)}${document.signed ? ' (signée électroniquement)' : ''}`);
  }
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${SEVERITY_TITLES[severity].toUpperCase()} (${group.length})`);
    for (const finding of group) {
      lines.push(`  • ${finding.message}`);
      lines.push(`    Que faire : ${finding.remedy}`);
      lines.push(`    Pourquoi : ${finding.legal}`);
    }
  }
  lines.push('', 'Corrigez puis relancez la vérification ; pour un doute, contactez la CCI Gard (www.gard.cci.fr).');
  return lines.join('\n');
}
