/** The thresholds of settings.json, as the calibration script chooses them. */
export interface Thresholds {
  answerThreshold: number;
  askThreshold: number;
  ambiguityMargin: number;
  minCoverage: number;
}

export type ReadingDecision = 'answer' | 'choose' | 'unknown' | 'unreadable';

/**
 * The raw scores the curves calibrate: a topic's lead over its strongest rival — the best other topic
 * or the out-of-scope class, whichever is more likely — and the weight of the two best topics together.
 */
export const answerScore = (own: number, rival: number): number => own - rival;
export const pairScore = (p1: number, p2: number): number => p1 + p2;

/**
 * The decision for calibrated confidences (shared by the classifier and the calibration, so that the
 * thresholds chosen here are applied exactly so): answer when confident enough; else offer the two
 * best when they are close and together likely; else « je ne sais pas ».
 */
export function decision(r: { outOfScope: boolean; coverage: number; p1: number; p2: number }, confidence: number, pairConfidence: number, t: Thresholds): Exclude<ReadingDecision, 'unreadable'> {
  if (r.outOfScope || r.coverage < t.minCoverage) return 'unknown';
  if (confidence >= t.answerThreshold) return 'answer';
  if (r.p1 - r.p2 < t.ambiguityMargin && pairConfidence >= t.askThreshold) return 'choose';
  return 'unknown';
}

