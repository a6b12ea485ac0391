/** From a gap cluster to an answer (issue 11 item 5). */
export { type AnsweredBy, answeredBy } from './answeredBy';
export { GapAnswerError, type GapAnswerErrorCode, isGapAnswerError } from './GapAnswerError';
export {
  type FaqTopicEditor,
  type GapAnswerRequest,
  type GapAnswerResult,
  GapAnswerService,
  type LiveFaq,
  MAX_QUESTIONS,
  type NewTopic,
  parseGapAnswer,
  type QuestionOutcome,
} from './GapAnswerService';
export { MAX_PHRASING_CHARS, type PhrasingConflict, type PhrasingPlan, planPhrasings } from './planPhrasings';
export { faqTopicsThroughEditor } from './editorAdapter';
export { untilTrained } from './untilTrained';
