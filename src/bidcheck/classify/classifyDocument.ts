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

/**
 * Recognises a document from weighted text markers held in knowledge/documents.json. A marker in
 * the title zone counts double; the file name only nudges. Below `minScore` the answer is UNKNOWN.
 */
export function classifyDocument(text: string, fileName: string, data: DocumentsFile): Classification {
  const folded = foldText(text);
  const compacted = compact(folded);
  const titleFolded = folded.slice(0, data.titleZoneChars);
  const titleCompacted = compact(titleFolded);
  const name = foldText(fileName.split('/').pop() ?? fileName);
  const scores: Partial<Record<DocumentType, number>> = {};
  for (const type of data.types) {
    let score = 0;
    for (const [marker, weight] of type.markers) {
      if (!hasMarker(folded, compacted, marker)) continue;
      score += hasMarker(titleFolded, titleCompacted, marker) ? weight * 2 : weight;
    }
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
