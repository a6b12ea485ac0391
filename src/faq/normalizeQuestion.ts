import { baseFold } from '../text/baseFold';

/** What the classifier reads of a question; the rest of a 10,000-character paste is not a question. */
export const MAX_QUESTION_CHARS = 600;

export interface NormalizedQuestion {
  /** Folded words, after the SMS lexicon (« koi » → « quoi », « jdois » → « je dois »). */
  tokens: string[];
}

const LONGEST_KEY = 4;

/** HTML tags and entities are markup, never words of the question (« <b>dume</b> » is « dume »); scripts and styles go whole. */
function stripMarkup(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]{0,200}>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]{0,200}>/g, ' ').replace(/&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});/gi, ' ');
}

/** Folded text cut into words: digits kept (« 216 000 », « 12h01 », « dc1 »), punctuation gone. */
export function foldWords(text: string): string[] {
  return baseFold(stripMarkup(text))
    // « 216 000 » and « 216.000 » are one amount; « 40k » is 40000.
    .replace(/(\d)[ .](?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+) ?k\b/g, '$1000')
    .replace(/[^a-z0-9]+/g, ' ')
    // Glued references are split (« dc1dc2 » → « dc1 dc2 »), times are not (« 12h01 »).
    .replace(/(\d)(?=[a-z]{2,}\d)/g, '$1 ')
    // Phone emphasis (« koiii », « ouiii ») is one letter.
    .replace(/([a-z])\1{2,}/g, '$1')
    .split(' ')
    .filter((word) => word.length > 0);
}

/**
 * A normaliser bound to the SMS and abbreviation lexicon of settings.json. Keys may span several
 * words (« qu est ce que »); the longest key matching at each position wins, and values may be
 * several words (« jdois » → « je dois »).
 */
export function createNormalizer(lexicon: Readonly<Record<string, string>>): (question: string) => NormalizedQuestion {
  const entries = new Map(Object.entries(lexicon).map(([key, value]) => [key, foldWords(value)]));
  // Only words that start a several-word key are worth looking ahead from.
  const starts = new Set([...entries.keys()].filter((key) => key.includes(' ')).map((key) => key.split(' ')[0]!));
  return (question) => {
    const words = foldWords(question.slice(0, MAX_QUESTION_CHARS));
    const tokens: string[] = [];
    for (let at = 0; at < words.length; ) {
      const longest = starts.has(words[at]!) ? Math.min(LONGEST_KEY, words.length - at) : 1;
      let span = longest;
      let replacement: string[] | undefined;
      for (; span >= 1; span--) {
        replacement = entries.get(span === 1 ? words[at]! : words.slice(at, at + span).join(' '));
        if (replacement) break;
      }
      if (replacement) {
        tokens.push(...replacement);
        at += span;
      } else tokens.push(words[at++]!);
    }
    return { tokens };
  };
}
