/** A monotone map from a raw score to the share of right answers seen at that score on held-out data. */
export interface CalibrationCurve {
  /** Raw scores, ascending. */
  x: number[];
  /** Observed precision at each x, non-decreasing. */
  y: number[];
}

/**
 * Isotonic regression (pool adjacent violators) of outcomes on scores: the most faithful monotone
 * calibration when there is no reason to assume a sigmoid shape. Each pooled block becomes one point
 * at its mean score.
 */
export function fitIsotonic(samples: readonly { score: number; right: boolean }[]): CalibrationCurve {
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  const blocks: { sum: number; count: number; scoreSum: number }[] = [];
  for (const sample of sorted) {
    blocks.push({ sum: sample.right ? 1 : 0, count: 1, scoreSum: sample.score });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2]!;
      if (before.sum / before.count < last.sum / last.count) break;
      blocks.pop();
      before.sum += last.sum;
      before.count += last.count;
      before.scoreSum += last.scoreSum;
    }
  }
  return { x: blocks.map((block) => round(block.scoreSum / block.count)), y: blocks.map((block) => round(block.sum / block.count)) };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The calibrated confidence of a raw score: linear between the curve's points, flat beyond its ends. */
export function applyCurve(curve: CalibrationCurve | undefined, score: number): number {
  if (!curve || curve.x.length === 0) return score;
  const { x, y } = curve;
  if (score <= x[0]!) return y[0]!;
  if (score >= x[x.length - 1]!) return y[y.length - 1]!;
  let high = 1;
  while (x[high]! < score) high++;
  const low = high - 1;
  const span = x[high]! - x[low]!;
  return span === 0 ? y[high]! : y[low]! + ((y[high]! - y[low]!) * (score - x[low]!)) / span;
}
