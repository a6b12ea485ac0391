import type { ImportReport, RecordOutcome } from './catalogue';

/** The import report in plain French, for the console. */

const LABELS: Record<RecordOutcome, string> = {
  created: 'ajouté',
  updated: 'mis à jour',
  unchanged: 'inchangé',
  linked: 'appliqué à un autre avis',
  skipped: 'écarté',
  rejected: 'refusé',
};

function plural(count: number, word: string): string {
  return `${count.toLocaleString('fr-FR')} ${word}${count > 1 && !word.endsWith('s') ? 's' : ''}`;
}

export interface CatalogueState {
  file: string;
  realCount: number;
  activeSet: 'real' | 'example';
}

/** Counts first, then one line per record that was not simply imported, with its reason. */
export function formatImportReport(report: ImportReport, state: CatalogueState, maxLines = 200): string {
  const source = report.source === 'boamp' ? 'BOAMP' : 'APProch';
  const lines = [
    `Import ${source}${report.file ? ` : ${report.file}` : ''} — ${plural(report.read, 'enregistrement')} lu${report.read > 1 ? 's' : ''}.`,
    `  ajoutés : ${report.created} ; mis à jour : ${report.updated} ; inchangés : ${report.unchanged} ; appliqués à un autre avis : ${report.linked} ; écartés : ${report.skipped} ; refusés : ${report.rejected}.`,
  ];
  if (report.truncated) lines.push('  Attention : le fichier s’arrête au milieu de la liste (téléchargement incomplet ?) ; ce qui précède a été importé.');
  const detailed = report.records.filter((record) => (record.outcome !== 'created' && record.outcome !== 'unchanged') || Boolean(record.notes?.length));
  if (detailed.length) lines.push('', 'Détail :');
  for (const record of detailed.slice(0, maxLines)) {
    const who = record.sourceId ? `${record.sourceId} (n° ${record.index})` : `enregistrement n° ${record.index}`;
    const what = [record.reason, ...(record.notes ?? [])].filter(Boolean).join(' ');
    lines.push(`  - ${who} — ${LABELS[record.outcome]}${what ? ` : ${what}` : ''}`);
  }
  if (detailed.length > maxLines) lines.push(`  … et d’autres lignes (${detailed.length - maxLines}) : relancez avec --json pour tout voir.`);
  lines.push('');
  lines.push(report.written ? `Catalogue enregistré : ${state.file}` : `Catalogue inchangé (rien de nouveau) : ${state.file}`);
  lines.push(
    state.activeSet === 'real'
      ? `Il contient ${plural(state.realCount, 'marché')} réel${state.realCount > 1 ? 's' : ''} ; les exemples de démonstration ne sont plus montrés.`
      : 'Il ne contient encore aucun marché réel : l’assistant montre les exemples de démonstration, signalés comme tels.',
  );
  return lines.join('\n');
}
