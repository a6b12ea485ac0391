import type { Messages } from '../../knowledge/Messages';
import type { ReportDocument } from '../checkDossier';

/**
 * "Extrait Kbis", "non reconnue", or "probablement Lettre de candidature (DC1), d'après le nom du
 * fichier" for a guess on a scan. A type code never reaches the user, even one without a label.
 */
export function documentLabel(document: ReportDocument, labels: Readonly<Record<string, string>>, messages: Messages): string {
  const label = document.type === 'UNKNOWN' ? undefined : labels[document.type];
  if (label === undefined) return messages.text('report.document.unknown');
  return document.confidence < 0.5 ? messages.text('report.document.guessed', { label }) : label;
}
