import { type ClassifierOptions, FaqClassifier, OUT_OF_SCOPE, type RawScores } from './FaqClassifier';
import type { FaqKnowledge } from './types';

/** A question of an evaluation set (bench/faq/*.json): the topic expected, or null when the FAQ must not answer. */
export interface EvalQuestion {
  q: string;
  expect: string | null;
  /** Other topics that would also be a right answer. */
  accept?: string[];
  kind?: string;
}

/** What a model trained without a question made of it: the calibration's raw material. */
export interface HeldOutReading {
  question: EvalQuestion;
  unreadable: boolean;
  outOfScope: boolean;
  first: string;
  second: string;
  p1: number;
  p2: number;
  /** Probability of the out-of-scope class. */
  pOut: number;
  coverage: number;
}

export function reading(question: EvalQuestion, raw: RawScores): HeldOutReading {
  return {
    question,
    unreadable: raw.unreadable,
    outOfScope: raw.ranked[0]!.id === OUT_OF_SCOPE,
    first: raw.topics[0]!.id,
    second: raw.topics[1]?.id ?? '',
    p1: raw.topics[0]!.probability,
    p2: raw.topics[1]?.probability ?? 0,
    pOut: raw.ranked.find((entry) => entry.id === OUT_OF_SCOPE)?.probability ?? 0,
    coverage: raw.coverage,
  };
}

/** Whether answering `id` to the question is right. */
export function isRight(question: EvalQuestion, id: string | null): boolean {
  if (id === null) return question.expect === null;
  return question.expect === id || (question.accept ?? []).includes(id);
}

/**
 * k-fold over the knowledge's own phrasings and out-of-scope questions: each fold trains on the
 * others and reads its own, so every phrasing is read once by a model that never saw it. Folds are
 * interleaved (phrasing i goes to fold i mod k) so that each topic is spread over all folds.
 */
export function crossValidate(knowledge: FaqKnowledge, folds: number, options: Partial<ClassifierOptions> = {}): HeldOutReading[] {
  const readings: HeldOutReading[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held: EvalQuestion[] = [];
    const keep = <T>(items: readonly T[], expect: (item: T) => EvalQuestion): T[] =>
      items.filter((item, index) => {
        if (index % folds !== fold) return true;
        held.push(expect(item));
        return false;
      });
    const topics = knowledge.topics.map((topic) => ({ ...topic, phrasings: keep(topic.phrasings, (q) => ({ q, expect: topic.id, kind: 'phrasing' })) }));
    const outOfScope = keep(knowledge.settings.outOfScope, (q) => ({ q, expect: null, kind: 'outOfScope' }));
    const classifier = new FaqClassifier({ ...knowledge, topics, settings: { ...knowledge.settings, outOfScope } }, options);
    for (const question of held) readings.push(reading(question, classifier.score(question.q)));
  }
  return readings;
}
