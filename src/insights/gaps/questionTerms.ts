import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { baseFold } from '../../text/baseFold';

// natural ships its French stop words without type declarations: read them as the list they are.
const NATURAL_STOP_WORDS = (require('natural/lib/natural/util/stopwords_fr') as { words: string[] }).words;

/**
 * Words every question to the FAQ is made of, whatever it asks: greetings, question words, modal
 * verbs, fillers, and the subject of the whole service (marché public). Folded, like the tokens.
 */
const QUESTION_WORDS = [
  'bonjour', 'bonsoir', 'salut', 'bjr', 'slt', 'merci', 'svp', 'stp', 'plait', 'comment', 'quoi', 'quand', 'combien',
  'pourquoi', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'faut', 'falloir', 'peut', 'peux', 'peuvent',
  'pouvoir', 'dois', 'doit', 'doivent', 'devoir', 'veux', 'voudrais', 'vouloir', 'savoir', 'sais', 'sait', 'ca',
  'cest', 'ya', 'est', 'ce', 'alors', 'donc', 'bien', 'juste', 'aussi', 'encore', 'deja', 'tout', 'tous', 'toute',
  'toutes', 'tres', 'vraiment', 'exactement', 'chose', 'truc', 'question', 'besoin', 'aide', 'aider', 'possible',
  'normal', 'oui', 'non', 'si', 'ok', 'marche', 'marches', 'public', 'publics', 'publique', 'publiques',
];

const STOP_WORDS = new Set([...NATURAL_STOP_WORDS, ...QUESTION_WORDS].map((word) => baseFold(word)));

/** Phone spellings to their words ("koi" → "quoi"), folded like the text: the FAQ's lexicon. */
export type Lexicon = Readonly<Record<string, string>>;

export interface QuestionTerms {
  /** Porter stems of the meaningful words, in order (repeats kept: they are term frequencies). */
  stems: string[];
  /** Character trigrams of those words, so that « atestation » and « attestation » still meet. */
  grams: string[];
}

/** The folded form two questions are "the same question" in: accents, case, punctuation and spacing aside. */
export function questionKey(question: string): string {
  return baseFold(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function foldedLexicon(lexicon: Lexicon): Map<string, string[]> {
  return new Map(Object.entries(lexicon).map(([word, meaning]) => [questionKey(word), questionKey(meaning).split(' ').filter(Boolean)]));
}

const lexiconCache = new WeakMap<Lexicon, Map<string, string[]>>();

/** The words of a question: folded, split on anything but letters and digits, phone spellings expanded. */
export function questionWords(question: string, lexicon: Lexicon = {}): string[] {
  let folded = lexiconCache.get(lexicon);
  if (!folded) lexiconCache.set(lexicon, (folded = foldedLexicon(lexicon)));
  return questionKey(question)
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => folded.get(word) ?? [word]);
}

/** A word worth comparing: not a stop word, and not a bare number (amounts and years vary per asker). */
function meaningful(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);
}

export function questionTerms(question: string, lexicon?: Lexicon): QuestionTerms {
  const words = questionWords(question, lexicon).filter(meaningful);
  const stems = words.map((word) => PorterStemmerFr.stem(word));
  const grams = words.flatMap((word) => {
    const padded = `_${word}_`;
    const out: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
    return out;
  });
  return { stems, grams };
}
