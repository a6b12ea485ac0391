import { BayesClassifier } from 'natural/lib/natural/classifiers';
import { AggressiveTokenizerFr } from 'natural/lib/natural/tokenizers';
import type { IntentsFile } from '../knowledge/types';
import { damerauDistance } from './damerauDistance';
import { memoStemmer } from './memoStemmer';
import { normalizeText } from './normalizeText';

export type Command = 'help' | 'cancel' | 'restart';

export interface IntentResult {
  /** The best intent, or null when the text is not understood well enough to act on. */
  intent: string | null;
  confidence: number;
}

const tokenizer = new AggressiveTokenizerFr();
const stemmer = memoStemmer();

function tokens(text: string): string[] {
  return tokenizer.tokenize(normalizeText(text)).filter((token) => token.length > 0);
}

/**
 * French intent recognition trained from `knowledge/intents.json` at start-up: a naive Bayes model
 * over Porter-stemmed words, after a typo-correction pass against the training vocabulary (phones
 * produce "verifer mon dosier"). Below `minConfidence` the answer is "not understood", never a guess.
 */
export class IntentClassifier {
  private readonly classifier = new BayesClassifier(stemmer as ConstructorParameters<typeof BayesClassifier>[0]);
  private readonly vocabulary = new Set<string>();
  private readonly knownStems = new Set<string>();
  private readonly commands: ReadonlyMap<string, Command>;

  constructor(private readonly data: IntentsFile) {
    for (const intent of data.intents) {
      for (const utterance of intent.utterances) {
        const words = tokens(utterance);
        words.forEach((word) => this.vocabulary.add(word));
        stemmer.tokenizeAndStem(words.join(' ')).forEach((stem) => this.knownStems.add(stem));
        this.classifier.addDocument(words.join(' '), intent.id);
      }
    }
    this.classifier.train();
    const commands = new Map<string, Command>();
    for (const command of ['help', 'cancel', 'restart'] as const) {
      data.commands[command].forEach((phrase) => commands.set(normalizeText(phrase), command));
    }
    this.commands = commands;
  }

  /** A command typed alone ("annuler", "Aide !", "recomencer") — not one buried in a sentence. */
  command(text: string): Command | null {
    const normalized = normalizeText(text).replace(/\b(svp|stp|s'il vous plait|merci)\b/g, '').trim();
    if (text.trim() === '?') return 'help';
    if (!normalized) return null;
    const exact = this.commands.get(normalized);
    if (exact) return exact;
    if (normalized.includes(' ') || normalized.length < 5) return null;
    for (const [phrase, command] of this.commands) {
      if (!phrase.includes(' ') && damerauDistance(normalized, phrase) <= 1) return command;
    }
    return null;
  }

  classify(text: string): IntentResult {
    const corrected = tokens(text).map((word) => this.correct(word));
    const stems = stemmer.tokenizeAndStem(corrected.join(' '));
    const known = stems.filter((stem) => this.knownStems.has(stem));
    if (known.length === 0) return { intent: null, confidence: 0 };
    const ranked = this.classifier.getClassifications(known.join(' '));
    // Naive Bayes scores are not calibrated; the margin over the runner-up is what tells a clear
    // reading ("dossier" -> CHECK_DOSSIER) from a coin toss between two intents.
    const [best, second] = ranked;
    const pair = (best?.value ?? 0) + (second?.value ?? 0);
    const confidence = best && pair > 0 ? best.value / pair : 0;
    const intent = best && confidence >= this.data.minConfidence ? best.label : null;
    return { intent, confidence: Math.round(confidence * 1000) / 1000 };
  }

  private readonly corrections = new Map<string, string>();

  private correct(word: string): string {
    if (word.length < 5 || this.vocabulary.has(word)) return word;
    const known = this.corrections.get(word);
    if (known !== undefined) return known;
    const found = this.search(word);
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(word, found);
    return found;
  }

  private search(word: string): string {
    const allowed = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    for (const candidate of this.vocabulary) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const distance = damerauDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}
