import { compact, foldText, type MarkerMatcher, markerMatcher } from '../textForms';
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
  /** What texts call a piece of unrecognised type. */
  unknownLabel: string;
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
function headingMarkers(headLines: readonly string[], markers: readonly MarkerMatcher[]): Set<MarkerMatcher> {
  const inHeadings = new Set<MarkerMatcher>();
  for (const line of headLines) {
    const present = markers.filter((marker) => line.includes(marker.compact));
    const covered = present.reduce((sum, marker) => sum + marker.compact.length, 0);
    // A heading is a line made (mostly) of this type's markers: "EXTRAIT KBIS", or
    // "LISTE NOMINATIVE DES SALARIÉS ÉTRANGERS SOUMIS À AUTORISATION DE TRAVAIL".
    if (covered / line.length >= 0.6) present.forEach((marker) => inHeadings.add(marker));
  }
  return inHeadings;
}

interface CompiledType {
  code: DocumentTypeMarkers['code'];
  markers: [MarkerMatcher, number][];
  hints: string[];
}

const compiledByFile = new WeakMap<DocumentsFile, CompiledType[]>();

/** Markers are folded and their patterns built once per knowledge load, not once per document. */
function compiled(data: DocumentsFile): CompiledType[] {
  let types = compiledByFile.get(data);
  if (!types) {
    types = data.types.map((type) => ({
      code: type.code,
      markers: type.markers.map(([marker, weight]) => [markerMatcher(marker), weight] as [MarkerMatcher, number]),
      hints: (type.fileNameHints ?? []).map((hint) => foldText(hint)),
    }));
    compiledByFile.set(data, types);
  }
  return types;
}

/** Every matched marker occurs on one and the same line, and on no other line. */
function inOneLine(lines: readonly { folded: string; compacted: string }[], markers: readonly MarkerMatcher[]): boolean {
  let holder = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!markers.some((marker) => marker.test(line.folded, line.compacted))) continue;
    if (holder >= 0) return false;
    holder = index;
  }
  return holder >= 0 && markers.every((marker) => marker.test(lines[holder]!.folded, lines[holder]!.compacted));
}

/**
 * Recognises a document from weighted text markers held in knowledge/documents.json. A marker in
 * the title zone counts double; the file name only nudges. Below `minScore` the answer is UNKNOWN.
 */
export function classifyDocument(text: string, fileName: string, data: DocumentsFile, folded: string = foldText(text)): Classification {
  const compacted = compact(folded);
  const headLines = text
    .slice(0, data.titleZoneChars)
    .split(/\r?\n/)
    .slice(0, TITLE_LINES)
    .map((line) => compact(foldText(line)))
    .filter(Boolean);
  const name = foldText(fileName.split('/').pop() ?? fileName);
  let lines: { folded: string; compacted: string }[] | undefined;
  const linesOf = () =>
    (lines ??= text
      .split(/\r?\n/)
      .map((line) => foldText(line))
      .filter(Boolean)
      .map((line) => ({ folded: line, compacted: compact(line) })));
  const scores: Partial<Record<DocumentType, number>> = {};
  for (const type of compiled(data)) {
    const found = type.markers.filter(([marker]) => marker.test(folded, compacted));
    const matched = found.map(([marker]) => marker);
    const inHeadings = headingMarkers(headLines, matched);
    const heading = inHeadings.size > 0;
    let score = found.reduce((sum, [marker, weight]) => sum + (inHeadings.has(marker) ? weight * 2 : weight), 0);
    // Markers mentioned in passing — one of them, or several in a single line ("ci-joint notre
    // attestation de vigilance URSSAF") — do not make a document of that type; a heading or markers
    // spread over the document do.
    if (!heading && (matched.length < 2 || inOneLine(linesOf(), matched))) continue;
    if (type.hints.some((hint) => name.includes(hint))) score += FILE_NAME_WEIGHT;
    if (score > 0) scores[type.code] = score;
  }
  const ranked = Object.entries(scores).sort(([, a], [, b]) => b - a) as [DocumentType, number][];
  const [best, second] = ranked;
  if (!best || best[1] < data.minScore) return { type: 'UNKNOWN', confidence: 0, scores };
  const margin = best[1] / (best[1] + (second?.[1] ?? 0));
  const strength = Math.min(1, best[1] / (data.minScore * 3));
  return { type: best[0], confidence: Math.round(Math.min(0.99, 0.5 * margin + 0.5 * strength) * 100) / 100, scores };
}

/**
 * For a file with no text at all (a scan, a photo), the name is the only clue: "DC1 signé.pdf" is
 * probably the DC1. The guess carries a low confidence and never overrides text.
 */
export function guessFromFileName(fileName: string, data: DocumentsFile): Classification {
  const name = foldText(fileName.split('/').pop() ?? fileName);
  const matches = compiled(data).filter((type) => type.hints.some((hint) => new RegExp(`(?<![a-z0-9])${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(name)));
  return matches.length === 1 ? { type: matches[0]!.code, confidence: 0.3, scores: {} } : { type: 'UNKNOWN', confidence: 0, scores: {} };
}
