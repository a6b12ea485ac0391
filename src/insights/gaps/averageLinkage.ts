/**
 * Average-linkage agglomerative clustering cut at a similarity: two groups join when the mean
 * similarity of their members, pair by pair, is at least `threshold`. Average linkage, because
 * single linkage chains unrelated questions through one ambiguous one, and complete linkage splits
 * one need as soon as two of its phrasings share no word.
 *
 * Nearest-neighbour chain algorithm (Murtagh 1983): O(n²) time over an n×n similarity matrix,
 * updated by the Lance–Williams formula. A group whose best partner is below the threshold is set
 * aside for good: its similarity to any later union is an average of values below the threshold.
 * `similarity` is row-major n×n and is overwritten. `sizes` are the items' weights (duplicates).
 * Returns a group number per item, numbered from 0 in the order of each group's first item.
 */
export function averageLinkage(similarity: Float64Array, sizes: readonly number[], threshold: number): Int32Array {
  const n = sizes.length;
  if (similarity.length !== n * n) throw new RangeError('similarity must be n×n');
  const size = Float64Array.from(sizes);
  const active = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let remaining = n;
  const chain: number[] = [];
  while (remaining > 1) {
    if (chain.length === 0) {
      let start = 0;
      while (!active[start]) start++;
      chain.push(start);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // The most similar active group; on a tie the previous one of the chain, so the chain ends.
    let best = -1;
    let bestSimilarity = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) {
      if (c === a || !active[c]) continue;
      const s = similarity[a * n + c]!;
      if (s > bestSimilarity || (s === bestSimilarity && c === previous)) {
        best = c;
        bestSimilarity = s;
      }
    }
    if (best < 0 || bestSimilarity < threshold) {
      active[a] = 0;
      remaining--;
      chain.pop();
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.pop();
    chain.pop();
    const [keep, gone] = a < best ? [a, best] : [best, a];
    const total = size[keep]! + size[gone]!;
    for (let c = 0; c < n; c++) {
      if (!active[c] || c === keep || c === gone) continue;
      const merged = (size[keep]! * similarity[keep * n + c]! + size[gone]! * similarity[gone * n + c]!) / total;
      similarity[keep * n + c] = merged;
      similarity[c * n + keep] = merged;
    }
    size[keep] = total;
    active[gone] = 0;
    remaining--;
    parent[find(gone)] = find(keep);
  }
  const labels = new Int32Array(n);
  const numbers = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let label = numbers.get(root);
    if (label === undefined) numbers.set(root, (label = numbers.size));
    labels[i] = label;
  }
  return labels;
}
