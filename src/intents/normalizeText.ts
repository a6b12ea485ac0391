import { baseFold } from '../text/baseFold';

/**
 * Folds what phone typing and PDF extraction vary on: accents, case, apostrophes, punctuation and
 * spacing. Keyword matching and intent classification both start from this form.
 */
export function normalizeText(text: string): string {
  return baseFold(text)
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
