import { applyCurve, type CalibrationCurve, fitIsotonic } from './calibration';
import { type HeldOutReading, isRight } from './crossValidate';
import { answerScore, decision, pairScore, type Thresholds } from './decide';

/** How much worse a wrong answer is than an honest « je ne sais pas » (a right answer gains 1). */
export const WRONG_ANSWER_COST = 4;
/** Offering two topics: worth half an answer when one is right, a small cost when neither is. */
export const CHOICE_GAIN = 0.5;
export const CHOICE_COST = 0.5;

/** The two calibration curves: the best topic right (on its lead over its rival), one of the two best right (on p1 + p2). */
export interface Curves {
  answer: CalibrationCurve;
  pair: CalibrationCurve;
}

export interface Calibration extends Thresholds {
  curves: Curves;
  /** What the held-out readings give with these thresholds. */
  outcome: Outcome;
}

export interface Outcome {
  questions: number;
  answered: number;
  answeredRight: number;
  answeredWrong: number;
  chose: number;
  choseRight: number;
  unknown: number;
  utility: number;
}

const GRID = (from: number, to: number, step: number): number[] => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

function emptyOutcome(questions: number): Outcome {
  return { questions, answered: 0, answeredRight: 0, answeredWrong: 0, chose: 0, choseRight: 0, unknown: 0, utility: 0 };
}

/** What the thresholds give on the readings with these curves. */
export function outcomeOf(readings: readonly HeldOutReading[], curves: Curves, t: Thresholds): Outcome {
  const outcome = emptyOutcome(readings.length);
  for (const r of readings) {
    const made = r.unreadable ? 'unreadable' : decision(r, applyCurve(curves.answer, answerScore(r.p1, Math.max(r.p2, r.pOut))), applyCurve(curves.pair, pairScore(r.p1, r.p2)), t);
    if (made === 'answer') {
      outcome.answered++;
      if (isRight(r.question, r.first)) outcome.answeredRight++;
      else outcome.answeredWrong++;
    } else if (made === 'choose') {
      outcome.chose++;
      if (isRight(r.question, r.first) || isRight(r.question, r.second)) outcome.choseRight++;
    } else outcome.unknown++;
  }
  outcome.utility = outcome.answeredRight - WRONG_ANSWER_COST * outcome.answeredWrong + CHOICE_GAIN * outcome.choseRight - CHOICE_COST * (outcome.chose - outcome.choseRight);
  return outcome;
}

/**
 * Thresholds chosen on held-out readings. For each coverage gate: isotonic curves fitted on the
 * questions that pass it, then the answer threshold, and the margin and ask threshold of the choice,
 * that maximise the utility (right answers minus WRONG_ANSWER_COST per wrong one). Precision comes
 * first by construction: the answer threshold only goes down while the extra answers are right
 * often enough to pay for their wrong ones.
 */
export function calibrate(readings: readonly HeldOutReading[]): Calibration {
  let best: Calibration | undefined;
  const readable = readings.filter((r) => !r.unreadable);
  for (const minCoverage of GRID(0, 0.7, 0.05)) {
    const eligible = readable.filter((r) => !r.outOfScope && r.coverage >= minCoverage);
    const curves: Curves = {
      // The runner-up's reading too (a negative lead), so that a candidate other than the best gets a confidence of its own.
      answer: fitIsotonic(
        eligible.flatMap((r) => [
          { score: answerScore(r.p1, Math.max(r.p2, r.pOut)), right: isRight(r.question, r.first) },
          { score: answerScore(r.p2, Math.max(r.p1, r.pOut)), right: isRight(r.question, r.second) },
        ]),
      ),
      pair: fitIsotonic(eligible.map((r) => ({ score: pairScore(r.p1, r.p2), right: isRight(r.question, r.first) || isRight(r.question, r.second) }))),
    };
    const scored = eligible.map((r) => ({
      r,
      confidence: applyCurve(curves.answer, answerScore(r.p1, Math.max(r.p2, r.pOut))),
      pairConfidence: applyCurve(curves.pair, pairScore(r.p1, r.p2)),
      right: isRight(r.question, r.first),
      pairRight: isRight(r.question, r.first) || isRight(r.question, r.second),
    }));
    for (const answerThreshold of [...new Set(curves.answer.y), 1.01]) {
      let answerUtility = 0;
      const rest: typeof scored = [];
      for (const s of scored) {
        if (s.confidence >= answerThreshold) answerUtility += s.right ? 1 : -WRONG_ANSWER_COST;
        else rest.push(s);
      }
      for (const ambiguityMargin of GRID(0, 1, 0.05)) {
        for (const askThreshold of [...new Set(curves.pair.y), 1.01]) {
          let utility = answerUtility;
          for (const s of rest) {
            if (s.r.p1 - s.r.p2 < ambiguityMargin && s.pairConfidence >= askThreshold) utility += s.pairRight ? CHOICE_GAIN : -CHOICE_COST;
          }
          if (!best || utility > best.outcome.utility + 1e-9) {
            const t = { answerThreshold: Math.min(answerThreshold, 1), askThreshold: Math.min(askThreshold, 1), ambiguityMargin, minCoverage };
            best = { ...t, curves, outcome: { ...emptyOutcome(readings.length), utility } };
          }
        }
      }
    }
  }
  return { ...best!, outcome: outcomeOf(readings, best!.curves, best!) };
}
