import type { ReportDocument } from '../checkDossier';

/** "Extrait Kbis", "non reconnue", or "DC1 ? (d'après le nom du fichier)" for a guess on a scan. */
export function documentLabel(document: ReportDocument, labels: Record<string, string>): string {
  if (document.type === 'UNKNOWN') return 'non reconnue';
  const label = labels[document.type] ?? document.type;
  return document.confidence < 0.5 ? `${label} ? (d'après le nom du fichier)` : label;
}
