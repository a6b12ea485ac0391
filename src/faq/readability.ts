import type { Analysis } from './analyzer';

/** Control characters and U+FFFD: what a binary file pasted as text is made of. */
const BINARY = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;
const SAMPLE = 2_000;

/** A token a person could have typed as a word: a vowel, and no run of five consonants (« qsdfg »). */
function looksLikeWord(word: string): boolean {
  return /[a-z]/.test(word) && (/\d/.test(word) || (/[aeiouy]/.test(word) && !/[^aeiouy\d]{5}/.test(word)));
}

/**
 * Nothing to understand: empty, emoji or punctuation only, no word with a subject, binary bytes, or keyboard mashing. Such
 * input gets a polite "rephrase" rather than an "I do not know" that would go to the gap log.
 */
export function isUnreadable(question: string, analysis: Analysis): boolean {
  // Stop words only (« merci », « c'est quoi ? »): nothing is asked yet.
  if (analysis.content.length === 0) return true;
  const sample = question.slice(0, SAMPLE);
  const binary = sample.match(BINARY)?.length ?? 0;
  if (binary > 0 && binary / sample.length > 0.05) return true;
  return analysis.knownWords === 0 && !analysis.words.some(looksLikeWord);
}
