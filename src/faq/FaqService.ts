import type { Messages } from '../knowledge/Messages';
import { type ClassifierOptions, FaqClassifier, type FaqModel } from './FaqClassifier';
import { renderAnswer } from './renderAnswer';
import type { FaqAnswer, FaqAsker, FaqFigure, FaqKnowledge, FaqUnderstanding, GapInput, GapKind } from './types';

/** The French caveat of an uncertain figure. */
export type FigureCaveat = (figure: FaqFigure) => string;

/** The caveat of knowledge/messages.json (faq.uncertainFigure). */
export function figureCaveat(messages: Messages): FigureCaveat {
  return (figure) => messages.text('faq.uncertainFigure', { value: figure.value, label: figure.label });
}

/**
 * The FAQ the chat, the CLI and the benchmarks share: the classifier is trained once here, answers
 * are rendered once (figures filled, caveats gathered), and every call after that is a lookup.
 */
export class FaqService implements FaqAsker {
  private readonly classifier: FaqClassifier;
  private readonly answers: ReadonlyMap<string, FaqAnswer>;
  private readonly list: readonly { id: string; title: string }[];

  /** Trains the classifier, unless given one already trained on this knowledge (a live reload trains in a worker). */
  constructor(knowledge: FaqKnowledge, messages: Messages, options: Partial<ClassifierOptions> | FaqClassifier = {}) {
    this.classifier = options instanceof FaqClassifier ? options : new FaqClassifier(knowledge, options);
    const caveat = figureCaveat(messages);
    const figures = new Map(knowledge.figures.map((figure) => [figure.id, figure]));
    const titles = new Map(knowledge.topics.map((topic) => [topic.id, topic.title]));
    this.answers = new Map(knowledge.topics.map((topic) => [topic.id, renderAnswer(topic, figures, titles, caveat)]));
    this.list = knowledge.topics.map((topic) => ({ id: topic.id, title: topic.title }));
  }

  /** A service around a classifier trained elsewhere, from its `toModel()`: no training here. */
  static fromModel(knowledge: FaqKnowledge, messages: Messages, model: FaqModel): FaqService {
    return new FaqService(knowledge, messages, FaqClassifier.fromModel(knowledge, model));
  }

  /** The trained classifier as data, to post from a worker thread. */
  toModel(): FaqModel {
    return this.classifier.toModel();
  }

  understand(question: string): FaqUnderstanding {
    return this.classifier.understand(typeof question === 'string' ? question : '');
  }

  /** A copy: a dialog that trims or annotates an answer for a card never changes it for the next user. */
  answer(id: string): FaqAnswer | undefined {
    const answer = this.answers.get(id);
    return answer && structuredClone(answer);
  }

  topics(): readonly { id: string; title: string }[] {
    return this.list;
  }
}

/**
 * Whether a question goes to the buyers' gap log, the same for the chat and `ask --log`: what the FAQ
 * does not know, and what it was unsure of. Unreadable input (empty, emoji, garbage) teaches nothing.
 */
export function gapKindOf(understanding: FaqUnderstanding): GapKind | null {
  if (understanding.decision === 'unknown') return 'UNANSWERED';
  if (understanding.decision === 'choose') return 'LOW_CONFIDENCE';
  return null;
}

/**
 * The gap log entry of a question, or null when it is not a gap. The topic guess is kept only when a
 * topic was believed at all: for an off-subject question the nearest topic is noise for the buyers.
 */
export function gapInputOf(question: string, understanding: FaqUnderstanding, channel: string): GapInput | null {
  const kind = gapKindOf(understanding);
  if (!kind) return null;
  const believed = understanding.confidence > 0 ? (understanding.candidates[0]?.id ?? null) : null;
  return { kind, question, channel, topicGuess: believed, confidence: understanding.confidence };
}
