/**
 * What the conversation remembers of the FAQ, so that a card's buttons carry only references: the
 * question a « Non » sends to the gap log comes from here, never from a payload a client could forge.
 */

/** An answer shown in this conversation. */
export interface ShownAnswer {
  ref: number;
  topic: string;
  /** What the SME asked (shortened), kept only until its « Oui / Non »: « Non » sends it to the gap log. */
  question?: string;
  confidence: number;
  /** The SME's « Oui / Non », once given: a second click is not counted again. */
  helpful?: boolean;
}

/** "Which of these two do you mean?", waiting for a click. */
export interface PendingChoice {
  ref: number;
  question: string;
  candidates: string[];
  topicGuess: string | null;
  confidence: number;
}

export interface FaqMemory {
  next: number;
  answers: ShownAnswer[];
  choice?: PendingChoice;
}

/** Older cards' buttons answer « cette réponse est trop ancienne »; the questions they kept are gone. */
export const MAX_REMEMBERED_ANSWERS = 8;
/** Enough for any real question; a 10 000-character paste is not kept whole in the conversation state. */
export const MAX_KEPT_QUESTION = 500;

export const emptyFaqMemory = (): FaqMemory => ({ next: 1, answers: [] });

export function keptQuestion(question: string): string {
  return question.trim().slice(0, MAX_KEPT_QUESTION);
}

/** The memory with one more answer shown, the oldest forgotten, and that answer's reference. */
export function withAnswer(memory: FaqMemory, shown: Omit<ShownAnswer, 'ref'>): { memory: FaqMemory; ref: number } {
  const ref = memory.next;
  const answer: ShownAnswer = { ...shown, ref, ...(shown.question !== undefined ? { question: keptQuestion(shown.question) } : {}) };
  return { ref, memory: { ...memory, next: ref + 1, answers: [...memory.answers, answer].slice(-MAX_REMEMBERED_ANSWERS) } };
}

/** The memory waiting for a choice between `candidates`, and the choice's reference. */
export function withChoice(memory: FaqMemory, choice: Omit<PendingChoice, 'ref'>): { memory: FaqMemory; ref: number } {
  const ref = memory.next;
  return { ref, memory: { ...memory, next: ref + 1, choice: { ...choice, ref, question: keptQuestion(choice.question) } } };
}

/** The shown answer a button refers to: both its reference and its topic must match. */
export function findAnswer(memory: FaqMemory, ref: number, topic: string): ShownAnswer | undefined {
  return memory.answers.find((answer) => answer.ref === ref && answer.topic === topic);
}

/** The feedback is kept; the question is dropped, having served its only purpose. */
export function withFeedback(memory: FaqMemory, ref: number, helpful: boolean): FaqMemory {
  return { ...memory, answers: memory.answers.map((answer) => (answer.ref === ref ? { ref, topic: answer.topic, confidence: answer.confidence, helpful } : answer)) };
}

export function withoutChoice(memory: FaqMemory): FaqMemory {
  const { choice: _choice, ...rest } = memory;
  return rest;
}
