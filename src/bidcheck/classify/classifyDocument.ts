import { compact, foldText, hasMarker } from '../textForms';
import type { DocumentType } from '../types';

export interface DocumentTypeMarkers {
  code: Exclude<DocumentType, 'UNKNOWN'>;
  label: string;
  markers: [string, number][];
  fileNameHints?: string[];
}

export interface DocumentsFile {
  minScore: number;
  titleZoneChars: number;
  types: DocumentTypeMarkers[];
}

export interface Classification {
  type: DocumentType;
  confidence: number;
  scores: Partial<Record<DocumentType, number>>;
}

const FILE_NAME_WEIGHT = 1;
const TITLE_LINES = 40;

/**
 * A marker counts double when it stands as a heading: alone (or nearly) on one of the first lines.
 * A règlement that lists "acte d'engagement, DC1, Kbis…" in a sentence gets no bonus for them.
 */
function isHeading(headLines: readonly string[], marker: string): boolean {
  const compactMarker = compact(foldText(marker));
  return headLines.some((line) => line.includes(compactMarker) && compactMarker.length / line.length >= 0.6);
}

/**
 * Recognises a document from weighted text markers held in knowledge/documents.json. A marker in
 * the title zone counts double; the file name only nudges. Below `minScore` the answer is UNKNOWN.
 */
export function classifyDocument(text: string, fileName: string, data: DocumentsFile): Classification {
  const folded = foldText(text);
  const compacted = compact(folded);
  const headLines = text
    .slice(0, data.titleZoneChars)
    .split(/\r?\n/)
    .slice(0, TITLE_LINES)
    .map((line) => compact(foldText(line)))
    .filter(Boolean);
  const name = foldText(fileName.split('/').pop() ?? fileName);
  const scores: Partial<Record<DocumentType, number>> = {};
  for (const type of data.types) {
    let score = 0;
    let found = 0;
    let heading = false;
    for (const [marker, weight] of type.markers) {
      if (!hasMarker(folded, compacted, marker)) continue;
      found++;
      const asHeading = isHeading(headLines, marker);
      heading ||= asHeading;
      score += asHeading ? weight * 2 : weight;
    }
    // One marker mentioned in a sentence ("ci-joint notre extrait Kbis") is not a document of that type.
    if (!heading && found < 2) continue;
    if (type.fileNameHints?.some((hint) => name.includes(foldText(hint)))) score += FILE_NAME_WEIGHT;
    if (score > 0) scores[type.code] = score;
  }
  const ranked = Object.entries(scores).sort(([, a], [, b]) => b - a) as [DocumentType, number][];
  const [best, second] = ranked;
  if (!best || best[1] < data.minScore) return { type: 'UNKNOWN', confidence: 0, scores };
  const margin = best[1] / (best[1] + (second?.[1] ?? 0));
  const strength = Math.min(1, best[1] / (data.minScore * 3));
  return { type: best[0], confidence: Math.round(Math.min(0.99, 0.5 * margin + 0.5 * strength) * 100) / 100, scores };
}
