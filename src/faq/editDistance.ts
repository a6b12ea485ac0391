/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, no substring
 * edited twice), giving up as soon as it must exceed `max`: the typo corrector compares each unknown
 * word with thousands of known ones and only cares about distances 1 and 2. natural's version gives
 * the same numbers in its restricted mode but allocates options and a full matrix on every call,
 * which made it most of the FAQ's start-up time; its unrestricted mode returns 0 for some pairs one
 * insertion apart (« decenale », « decennale »).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}
