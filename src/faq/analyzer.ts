import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { createNormalizer, foldWords } from './normalizeQuestion';
import { Spelling } from './spelling';

/** An elided article or pronoun glued to the next word, which is at least three letters long. */
const ELIDED = /^(qu|l|d|j|n|s|m|t|c)([a-z]{3,})$/;

/** A question as the classifier and the coverage gate read it. */
export interface Analysis {
  /** Folded words after the SMS lexicon, stop words included. */
  words: string[];
  /** Content words after typo correction (stop words removed). */
  content: string[];
  /** Their French Porter stems, in the same order. */
  stems: string[];
  /** How many of `words` the FAQ knows (vocabulary or stop words). */
  knownWords: number;
}

export interface AnalyzerOptions {
  lexicon: Readonly<Record<string, string>>;
  stopWords: readonly string[];
}

/**
 * Folding, lexicon, stop words, typo correction and stemming, bound to the vocabulary of the texts
 * it was built from (the topics and the out-of-scope phrasings), so that a typo is corrected towards
 * a word the FAQ can use and never towards an arbitrary dictionary word.
 */
export class Analyzer {
  private readonly normalize: ReturnType<typeof createNormalizer>;
  private readonly stopWords: ReadonlySet<string>;
  private readonly spelling: Spelling;
  private readonly stems = new Map<string, string>();

  constructor(options: AnalyzerOptions, texts: readonly string[]) {
    this.normalize = createNormalizer(options.lexicon);
    this.stopWords = new Set(options.stopWords.flatMap((word) => foldWords(word)));
    const frequency = new Map<string, number>();
    for (const text of texts) {
      for (const word of this.normalize(text).tokens) {
        if (!this.stopWords.has(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
    }
    this.spelling = new Spelling(frequency);
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word);
  }

  stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = /\d/.test(word) ? word : PorterStemmerFr.stem(word);
      if (this.stems.size < 100_000) this.stems.set(word, stem);
    }
    return stem;
  }

  /** A word typed without its elision's apostrophe (« lacte », « dengagement », « lutiliser ») is the word after it. */
  private unglued(word: string): string {
    if (this.spelling.knows(word)) return word;
    const match = ELIDED.exec(word);
    return match && this.spelling.knows(match[2]!) ? match[2]! : word;
  }

  analyze(question: string): Analysis {
    const words = this.normalize(question).tokens;
    const content: string[] = [];
    let knownWords = 0;
    for (const word of words) {
      if (this.stopWords.has(word)) {
        knownWords++;
        continue;
      }
      const corrected = this.spelling.correct(this.unglued(word));
      if (this.spelling.knows(corrected)) knownWords++;
      content.push(corrected);
    }
    return { words, content, stems: content.map((word) => this.stem(word)), knownWords };
  }
}
