/** The FAQ's public entry: what the chat, the CLI, the app and the benchmarks use. */
export { FaqClassifier, type FaqModel, OUT_OF_SCOPE, type RawScores } from './FaqClassifier';
export { FaqService, figureCaveat, type FigureCaveat, gapInputOf, gapKindOf } from './FaqService';
export { applyCurve, fitIsotonic, type CalibrationCurve } from './calibration';
export { faqFrom, faqProblems, loadFaq } from './loadFaq';
export { MAX_QUESTION_CHARS } from './normalizeQuestion';
export type * from './types';
