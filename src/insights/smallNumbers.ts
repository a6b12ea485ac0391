import type { Cut } from './period';

/**
 * Small-number protection, the one rule every insight goes through: when a count cuts time finer
 * than whole months, no 1 or 2 is shown, because a buyer who knows who called them that week could
 * tell who asked. Zeros are shown (they describe nobody). Cells are merged rather than blanked, so
 * the small ones cannot be recovered by subtracting the others from a total shown elsewhere:
 * - a series (weeks in order) merges a small bucket with a neighbour until it holds 3 or more, or
 *   spans the whole series; a merged bucket's zeros go with it, so the small count is not located
 *   finer than the merged span;
 * - categories (kinds of gap, Oui/Non) pool the small ones together, with the smallest large one
 *   if the pool still holds fewer than 3;
 * - a group that cannot reach 3 (everything merged) is shown as « moins de 3 ».
 */
export const SMALL_COUNT_LIMIT = 3;

export interface LessThan {
  lessThan: number;
}

/** An exact count, or « moins de 3 ». */
export type ShownCount = number | LessThan;

export interface ShownGroup<K> {
  /** The cells merged into this one, in their order (one key when nothing was merged). */
  keys: K[];
  count: ShownCount;
}

export type Layout = 'series' | 'categories';

export interface CountCell<K> {
  key: K;
  count: number;
}

export function isExact(count: ShownCount): count is number {
  return typeof count === 'number';
}

export function exactOrNull(count: ShownCount): number | null {
  return isExact(count) ? count : null;
}

const isSmall = (sum: number): boolean => sum > 0 && sum < SMALL_COUNT_LIMIT;

interface Group<K> {
  keys: K[];
  sum: number;
}

function shown<K>(group: Group<K>): ShownGroup<K> {
  return { keys: group.keys, count: isSmall(group.sum) ? { lessThan: SMALL_COUNT_LIMIT } : group.sum };
}

function mergeSeries<K>(groups: Group<K>[]): Group<K>[] {
  for (;;) {
    let index = -1;
    for (let i = 0; i < groups.length; i++) {
      if (isSmall(groups[i]!.sum) && (index < 0 || groups[i]!.sum < groups[index]!.sum)) index = i;
    }
    if (index < 0 || groups.length === 1) return groups;
    const neighbours = [index - 1, index + 1].filter((i) => i >= 0 && i < groups.length);
    const sum = groups[index]!.sum;
    // A neighbour that brings the bucket to 3 is best, the smallest such one (big buckets stay
    // distinct); otherwise the largest, to get there sooner.
    neighbours.sort((a, b) => {
      const reachA = sum + groups[a]!.sum >= SMALL_COUNT_LIMIT;
      const reachB = sum + groups[b]!.sum >= SMALL_COUNT_LIMIT;
      if (reachA !== reachB) return reachA ? -1 : 1;
      return reachA ? groups[a]!.sum - groups[b]!.sum : groups[b]!.sum - groups[a]!.sum;
    });
    const other = neighbours[0]!;
    const [first, second] = other < index ? [other, index] : [index, other];
    groups.splice(first, 2, { keys: [...groups[first]!.keys, ...groups[second]!.keys], sum: groups[first]!.sum + groups[second]!.sum });
  }
}

function mergeCategories<K>(groups: Group<K>[], order: Map<K, number>): Group<K>[] {
  const small = groups.filter((group) => isSmall(group.sum));
  if (small.length === 0) return groups;
  const pool = small.reduce((sum, group) => sum + group.sum, 0);
  const large = groups.filter((group) => group.sum >= SMALL_COUNT_LIMIT).sort((a, b) => a.sum - b.sum);
  const pooled = new Set<Group<K>>(small);
  if (pool < SMALL_COUNT_LIMIT && large.length > 0) pooled.add(large[0]!);
  const merged: Group<K> = { keys: [], sum: 0 };
  for (const group of pooled) {
    merged.keys.push(...group.keys);
    merged.sum += group.sum;
  }
  const rank = (key: K): number => order.get(key)!;
  merged.keys.sort((a, b) => rank(a) - rank(b));
  const rest = groups.filter((group) => !pooled.has(group));
  return [...rest, merged].sort((a, b) => rank(a.keys[0]!) - rank(b.keys[0]!));
}

/**
 * The cells as they may be shown for this cut: unchanged for whole months, merged (see above)
 * when finer. Keys must be distinct. Negative or fractional counts are a bug of the caller.
 */
export function protectCounts<K>(cells: readonly CountCell<K>[], cut: Cut, layout: Layout): ShownGroup<K>[] {
  const groups = cells.map((cell) => {
    if (!Number.isInteger(cell.count) || cell.count < 0) throw new RangeError(`count must be a natural number, got ${cell.count}`);
    return { keys: [cell.key], sum: cell.count };
  });
  if (cut === 'month') return groups.map((group) => ({ keys: group.keys, count: group.sum }));
  const order = new Map(cells.map((cell, index) => [cell.key, index]));
  return (layout === 'series' ? mergeSeries(groups) : mergeCategories(groups, order)).map(shown);
}

/** One count alone (a cluster's size, a tender's viewers): the same rule with nothing to merge with. */
export function showCount(count: number, cut: Cut): ShownCount {
  return protectCounts([{ key: 0, count }], cut, 'categories')[0]!.count;
}
