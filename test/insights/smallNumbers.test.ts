import { type CountCell, protectCounts, showCount, type ShownGroup } from '../../src/insights/smallNumbers';

const cells = (...counts: number[]): CountCell<string>[] => counts.map((count, i) => ({ key: `k${i}`, count }));
/** The sum of what is shown, where everything is exact. */
const shownValues = <K>(groups: ShownGroup<K>[]) => groups.map((group) => group.count);
const keysOf = <K>(groups: ShownGroup<K>[]) => groups.map((group) => group.keys);

describe('small-number protection', () => {
  it('shows every count as it is over whole months, 1 and 2 included', () => {
    expect(shownValues(protectCounts(cells(1, 2, 0, 7), 'month', 'series'))).toEqual([1, 2, 0, 7]);
    expect(showCount(1, 'month')).toBe(1);
  });

  it('never shows a 1 or a 2 when cut finer than a month; 0 and 3 or more are shown', () => {
    expect(showCount(0, 'finer')).toBe(0);
    expect(showCount(1, 'finer')).toEqual({ lessThan: 3 });
    expect(showCount(2, 'finer')).toEqual({ lessThan: 3 });
    expect(showCount(3, 'finer')).toBe(3);
  });

  it('merges a small week with the neighbour that brings it to 3, so it cannot be had back by subtraction', () => {
    const groups = protectCounts(cells(5, 1, 4, 6), 'finer', 'series');
    expect(keysOf(groups)).toEqual([['k0'], ['k1', 'k2'], ['k3']]);
    expect(shownValues(groups)).toEqual([5, 5, 6]);
    // Whatever was merged, the shown total is the true total and no cell under 3 is left.
    expect(shownValues(groups).reduce((a, b) => (a as number) + (b as number), 0)).toBe(16);
  });

  it('widens a lone small week across empty ones rather than pinning it to its week', () => {
    const groups = protectCounts(cells(0, 0, 1, 0, 0), 'finer', 'series');
    expect(groups).toEqual([{ keys: ['k0', 'k1', 'k2', 'k3', 'k4'], count: { lessThan: 3 } }]);
  });

  it('joins two small neighbours when together they reach 3', () => {
    const groups = protectCounts(cells(4, 1, 2, 0, 9), 'finer', 'series');
    expect(groups.every((group) => typeof group.count !== 'number' || group.count === 0 || group.count >= 3)).toBe(true);
    expect(keysOf(groups)).toContainEqual(['k1', 'k2']);
    expect(keysOf(groups).flat()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
  });

  it('pools small categories, with the smallest large one when the pool stays under 3', () => {
    expect(protectCounts(cells(5, 1, 0), 'finer', 'categories')).toEqual([
      { keys: ['k0', 'k1'], count: 6 },
      { keys: ['k2'], count: 0 },
    ]);
    expect(protectCounts(cells(1, 2, 10), 'finer', 'categories')).toEqual([
      { keys: ['k0', 'k1'], count: 3 },
      { keys: ['k2'], count: 10 },
    ]);
    expect(protectCounts(cells(9, 1, 4), 'finer', 'categories')).toEqual([
      { keys: ['k0'], count: 9 },
      { keys: ['k1', 'k2'], count: 5 },
    ]);
  });

  it('shows « moins de 3 » when everything together is still under 3', () => {
    expect(protectCounts(cells(1, 1), 'finer', 'categories')).toEqual([{ keys: ['k0', 'k1'], count: { lessThan: 3 } }]);
  });

  it('leaves no shown 1 or 2 and keeps every key exactly once, whatever the counts', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const counts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * random() * 8));
      for (const layout of ['series', 'categories'] as const) {
        const groups = protectCounts(cells(...counts), 'finer', layout);
        expect(groups.flatMap((group) => group.keys).sort()).toEqual(counts.map((_, i) => `k${i}`).sort());
        for (const group of groups) {
          const sum = group.keys.reduce((total, key) => total + counts[Number(key.slice(1))]!, 0);
          if (typeof group.count === 'number') expect(group.count === sum && (sum === 0 || sum >= 3)).toBe(true);
          else expect(sum > 0 && sum < 3 && groups.length === 1 + groups.filter((other) => other !== group && other.count === 0).length).toBe(true);
        }
        if (layout === 'series') {
          const order = groups.flatMap((group) => group.keys);
          expect(order).toEqual(counts.map((_, i) => `k${i}`));
        }
      }
    }
  });

  it('refuses counts that are not natural numbers (a caller bug, not data to hide)', () => {
    expect(() => showCount(-1, 'finer')).toThrow(RangeError);
    expect(() => showCount(1.5, 'month')).toThrow(RangeError);
  });
});
