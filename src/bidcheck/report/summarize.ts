import type { Finding } from '../rules/types';
import type { Severity } from '../types';

const WORDS: Record<Severity, [string, string]> = {
  ELIMINATORY: ['point bloquant', 'points bloquants'],
  REGULARISABLE: ['point à corriger', 'points à corriger'],
  ADVICE: ['conseil', 'conseils'],
};

export const SEVERITY_TITLES: Record<Severity, string> = {
  ELIMINATORY: 'Éliminatoire',
  REGULARISABLE: 'À régulariser',
  ADVICE: 'Conseil',
};

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { ELIMINATORY: 0, REGULARISABLE: 0, ADVICE: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "3 points bloquants, 2 points à corriger, 4 conseils" — or the good news. */
export function summaryLine(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  if (findings.length === 0) return 'Aucun point relevé.';
  return (Object.keys(WORDS) as Severity[]).map((severity) => `${counts[severity]} ${WORDS[severity][counts[severity] > 1 ? 1 : 0]}`).join(', ');
}
