import type { Messages } from '../../knowledge/Messages';
import { frenchTypography } from '../../text/frenchTypography';
import type { CheckReport } from '../checkDossier';
import { frDate } from '../rules/dossierQueries';
import { SEVERITIES } from '../types';
import { documentLabel } from './documentLabel';
import { severityTitle, summaryLine } from './summarize';

/** The readable French report of the CLI (and the chat's plain-text fallback); every word from the knowledge. */
export function formatTextReport(report: CheckReport, labels: Readonly<Record<string, string>>, messages: Messages): string {
  const lines: string[] = [];
  lines.push(messages.text('report.text.header', { date: frDate(report.referenceDate), summary: summaryLine(messages, report.findings) }));
  if (report.validityDate !== report.referenceDate) lines.push(messages.text('report.text.judgedAt', { date: frDate(report.validityDate) }));
  if (report.partial) lines.push(messages.text('report.text.partial'));
  lines.push('', messages.text('report.text.documents'));
  for (const document of report.documents) {
    const label = documentLabel(document, labels, messages);
    lines.push(`  - ${document.file} : ${document.signed ? messages.text('report.document.signed', { label }) : label}`);
  }
  const [remedy, legal, limitation] = [messages.text('report.label.remedy'), messages.text('report.label.legal'), messages.text('report.label.limitation')];
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', messages.text('report.groupTitle', { title: severityTitle(messages, severity).toUpperCase(), count: group.length }));
    for (const finding of group) {
      lines.push(`  • ${finding.message}`);
      lines.push(`    ${remedy} : ${finding.remedy}`);
      lines.push(`    ${legal} : ${finding.legal}`);
      if (finding.limitation) lines.push(`    ${limitation} : ${finding.limitation}`);
      if (finding.rcUnknown) lines.push(`    ${messages.text('report.rcUnknown')}`);
    }
  }
  lines.push('', messages.text('report.text.footer'));
  // The rules' texts are filled by the check; the typography is set here, where they leave for the reader.
  return frenchTypography(lines.join('\n'));
}
