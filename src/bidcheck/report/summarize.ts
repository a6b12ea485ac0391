import type { Messages } from '../../knowledge/Messages';
import type { Finding } from '../rules/types';
import type { Severity } from '../types';

/** The knowledge's words for each severity (knowledge/messages.json, `report.*`). */
const KEYS: Record<Severity, 'eliminatory' | 'regularisable' | 'advice'> = { ELIMINATORY: 'eliminatory', REGULARISABLE: 'regularisable', ADVICE: 'advice' };

export function severityTitle(messages: Messages, severity: Severity): string {
  return messages.text(`report.title.${KEYS[severity]}` as const);
}

export function severityIntro(messages: Messages, severity: Severity): string {
  return messages.text(`report.intro.${KEYS[severity]}` as const);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { ELIMINATORY: 0, REGULARISABLE: 0, ADVICE: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "3 points bloquants, 2 points à corriger, 1 conseil" — or the good news. */
export function summaryLine(messages: Messages, findings: readonly Finding[]): string {
  if (findings.length === 0) return messages.text('report.none');
  const counts = countBySeverity(findings);
  return (Object.keys(KEYS) as Severity[]).map((severity) => messages.text(`report.count.${KEYS[severity]}` as const, { count: counts[severity] })).join(', ');
}
