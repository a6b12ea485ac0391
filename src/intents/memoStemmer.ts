import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { AggressiveTokenizerFr } from 'natural/lib/natural/tokenizers';

/** The part of a natural stemmer its classifiers call. */
export interface TokenStemmer {
  tokenizeAndStem(text: string, keepStops?: boolean): string[];
}

const tokenizer = new AggressiveTokenizerFr();
const MAX_WORDS = 50_000;

/**
 * natural's French tokenizeAndStem with each word's result kept: the Porter stemmer was a third of
 * classifying a message, and natural stems a text twice (once here, once inside the Bayes model).
 * Tokenising is idempotent, so stemming a text word by word gives what natural gives for the whole.
 */
export function memoStemmer(): TokenStemmer {
  const byWord = [new Map<string, string[]>(), new Map<string, string[]>()];
  const stemWord = (word: string, keepStops: boolean): string[] => {
    const memo = byWord[keepStops ? 1 : 0]!;
    let stems = memo.get(word);
    if (stems === undefined) {
      stems = PorterStemmerFr.tokenizeAndStem(word, keepStops);
      // Bounded: a flood of distinct garbage words must not grow memory without limit.
      if (memo.size >= MAX_WORDS) memo.clear();
      memo.set(word, stems);
    }
    return stems;
  };
  return {
    tokenizeAndStem: (text, keepStops = false) => tokenizer.tokenize(text).flatMap((word) => stemWord(word, keepStops)),
  };
}
