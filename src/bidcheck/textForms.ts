import { baseFold } from '../text/baseFold';

/**
 * The forms of a text the markers are compared with (bid-rules.md §0.4): accents, case, apostrophes,
 * NBSP and punctuation folded; and a "compact" form with no spaces at all, for words that PDF
 * extraction glued together ("numéro982 574 717R.C.S.") or split apart.
 */
export function foldText(text: string): string {
  return baseFold(text)
    .replace(/[^a-z0-9'☐☑☒■□✓✔€]+/g, ' ')
    .trim();
}

export function compact(folded: string): string {
  return folded.replace(/[\s']+/g, '');
}

export interface MarkerMatcher {
  /** The marker with no spaces, as headings are compared. */
  compact: string;
  test(folded: string, compacted: string): boolean;
}

/**
 * Prepares a marker once: long ones are looked for in the compact text (glued words); a short one
 * ("dc1", "rge") must not be the middle of a longer word.
 */
export function markerMatcher(marker: string): MarkerMatcher {
  const foldedMarker = foldText(marker);
  const compactMarker = compact(foldedMarker);
  if (compactMarker.length >= 8) return { compact: compactMarker, test: (_folded, compacted) => compacted.includes(compactMarker) };
  const escaped = foldedMarker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![a-z0-9])${escaped}(?![0-9])`);
  return { compact: compactMarker, test: (folded) => pattern.test(folded) };
}


/**
 * A lighter fold for reading values: accents, case, apostrophes and NBSP folded, but the
 * punctuation of dates ("02/06/2026"), amounts ("1 234,56 €") and "R.C.S." kept.
 */
export function lightFold(text: string): string {
  return baseFold(text).replace(/[ \t]+/g, ' ');
}
