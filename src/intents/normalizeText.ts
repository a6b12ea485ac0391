/**
 * Folds what phone typing and PDF extraction vary on: accents, case, apostrophes, punctuation and
 * spacing. Keyword matching and intent classification both start from this form.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
