/** The FAQ's data and results, shared by the classifier, the answers, the gap log, the chat and the CLI. */

export interface FaqLink {
  label: string;
  url: string;
}

/** One topic of `knowledge/faq/topics/*.json` (schema: knowledge/schemas/faq-topic.schema.json). */
export interface FaqTopic {
  id: string;
  title: string;
  /** May contain `{fig:ID}` placeholders, filled from the figures. */
  short: string;
  details: string[];
  legal: string[];
  links: FaqLink[];
  related: string[];
  uncertain?: string;
  phrasings: string[];
  reviewedAt?: string;
}

/** A figure in force (threshold, delay, rate) with its source, from `knowledge/faq/figures.json`. */
export interface FaqFigure {
  id: string;
  value: string;
  label: string;
  source: string;
  since: string;
  until?: string;
  uncertain?: boolean;
}

/** `knowledge/faq/settings.json`. */
export interface FaqSettings {
  answerThreshold: number;
  askThreshold: number;
  ambiguityMargin: number;
  lexicon: Record<string, string>;
  outOfScope: string[];
  /** Folded words that say nothing of the subject (« quoi », « svp »): no feature, no weight in the coverage gate. */
  stopWords?: string[];
  /** Below this share of its salient words known to the best topic, a question is « je ne sais pas ». */
  minCoverage?: number;
  /** Fewest distinct phrasings a topic may have (the loader refuses fewer). */
  minPhrasings?: number;
  calibration?: Record<string, unknown>;
}

export interface FaqKnowledge {
  topics: readonly FaqTopic[];
  figures: readonly FaqFigure[];
  settings: FaqSettings;
}

export interface FaqCandidate {
  id: string;
  /** Calibrated: among answers given at this confidence, about this share were right on held-out data. */
  confidence: number;
}

/**
 * What the classifier made of a question.
 * - `answer`: `faq` is the topic to answer;
 * - `choose`: unsure between the two `candidates`: ask which one (`faq` is the first of them, never to be answered unasked);
 * - `unknown`: the FAQ does not cover it (or it is off the subject): `faq` is null;
 * - `unreadable`: empty, emoji-only, garbage: nothing to understand.
 */
export type FaqDecision = 'answer' | 'choose' | 'unknown' | 'unreadable';

export interface FaqUnderstanding {
  decision: FaqDecision;
  faq: string | null;
  confidence: number;
  /** Best topics first (at most 3), also for `unknown` (the gap log's topic guess). */
  candidates: FaqCandidate[];
}

/** A topic's answer with its figures filled, ready for the chat card or the CLI. */
export interface FaqAnswer {
  id: string;
  title: string;
  short: string;
  details: string[];
  legal: string[];
  links: FaqLink[];
  related: { id: string; title: string }[];
  /** The topic's own caveat, and those of any uncertain figure it quotes. */
  uncertain: string[];
}

/** Why a question went to the gap log. */
export type GapKind = 'UNANSWERED' | 'LOW_CONFIDENCE' | 'NOT_HELPFUL';

/** One entry of the gap log: scrubbed text, never a user or conversation id. */
export interface GapRecord {
  at: string;
  kind: GapKind;
  /** Scrubbed of personal data, HTML and control characters, and shortened. */
  question: string;
  /** "msteams", "webchat", "directline", "emulator", "cli"… */
  channel: string;
  /** The classifier's best guess, even when it did not answer (null when it had none). */
  topicGuess: string | null;
  confidence: number;
}

/** The FAQ as the chat, the CLI and the benchmarks use it (src/faq/FaqService.ts implements it). */
export interface FaqAsker {
  /** Trained once when built; this is a pure, synchronous lookup (no I/O, no training per request). */
  understand(question: string): FaqUnderstanding;
  /** The rendered answer of a topic, or undefined for an unknown id. */
  answer(id: string): FaqAnswer | undefined;
  /** Every topic, for "which one do you mean" buttons and the related links. */
  topics(): readonly { id: string; title: string }[];
}

/** What the chat and `ask --log` give the gap log; it scrubs and timestamps before storing. */
export interface GapInput {
  kind: GapKind;
  question: string;
  channel: string;
  topicGuess: string | null;
  confidence: number;
}

export interface GapRecorder {
  record(input: GapInput): Promise<void>;
}

/** An anonymous "Cette réponse vous a aidé ? Oui / Non" (topic and answer only, for the buyers' satisfaction figures). */
export interface FeedbackInput {
  topic: string;
  helpful: boolean;
  channel: string;
}

export interface FeedbackRecorder {
  record(input: FeedbackInput): Promise<void>;
}
