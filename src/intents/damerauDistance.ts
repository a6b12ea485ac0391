/**
 * natural's `DamerauLevenshteinDistance(source, target)` (unrestricted, unit costs), computed the
 * same way cell by cell but in one flat typed array instead of a matrix of cell objects with their
 * parents: the typo search compares each unknown word with the whole training vocabulary, and
 * natural's allocations were most of a classification. It keeps natural's quirks on purpose (it
 * reads « moment » at 1 from « comment »): the intent readings depend on them, and
 * test/intents/damerauDistance.test.ts checks it against natural on every pair it tries.
 */
export function damerauDistance(source: string, target: string): number {
  const rows = source.length;
  const columns = target.length;
  const width = columns + 1;
  const cost = new Uint32Array((rows + 1) * width);
  for (let row = 1; row <= rows; row++) cost[row * width] = row;
  for (let column = 1; column <= columns; column++) cost[column] = column;
  // As natural: the last row where each source letter was seen, kept across rows and set within them.
  const lastRowOf = new Map<string, number>();
  for (let row = 1; row <= rows; row++) {
    const sourceLetter = source[row - 1]!;
    let lastColumnMatch = 0;
    // natural sets this after each cell of the row; only cells from the second column on read it.
    lastRowOf.set(sourceLetter, row);
    for (let column = 1; column <= columns; column++) {
      const targetLetter = target[column - 1]!;
      const here = row * width + column;
      let best = Math.min(cost[here - 1]! + 1, cost[here - width]! + 1, cost[here - width - 1]! + (sourceLetter === targetLetter ? 0 : 1));
      if (row > 1 && column > 1 && lastColumnMatch > 0) {
        const lastRow = lastRowOf.get(targetLetter);
        if (lastRow !== undefined) {
          const transposed = cost[(lastRow - 1) * width + lastColumnMatch - 1]! + (row - lastRow - 1) + (column - lastColumnMatch - 1) + 1;
          if (transposed < best) best = transposed;
        }
      }
      cost[here] = best;
      if (sourceLetter === targetLetter) lastColumnMatch = column;
    }
  }
  return cost[rows * width + columns]!;
}
