/** A TF-IDF vector: term ids in increasing order with their weights, of unit length (or empty). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF over a small corpus of questions: sublinear term frequency (a word typed twice is not twice
 * the question) and smoothed inverse document frequency counted over distinct questions, so that a
 * question asked fifty times does not make its own words "common". `background` documents (the
 * FAQ's own phrasings) only count in the document frequencies: with a few dozen gaps, a word like
 * « obligatoire » would otherwise look rare and join unrelated questions. Each vector has unit
 * length, so a dot product is the cosine similarity.
 */
export function tfidfVectors(documents: readonly (readonly string[])[], background: readonly (readonly string[])[] = []): SparseVector[] {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const backgroundFrequency = new Map<string, number>();
  for (const terms of background) for (const term of new Set(terms)) backgroundFrequency.set(term, (backgroundFrequency.get(term) ?? 0) + 1);
  const counted = documents.map((terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        documentFrequency.push(backgroundFrequency.get(term) ?? 0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) documentFrequency[id]!++;
    return counts;
  });
  const total = documents.length + background.length;
  return counted.map((counts) => {
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(ids, (id) => (1 + Math.log(counts.get(id)!)) * (Math.log((1 + total) / (1 + documentFrequency[id]!)) + 1));
    const length = Math.hypot(...weights);
    if (length > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= length;
    return { ids, weights };
  });
}

export function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** The weighted mean of vectors, kept dense by id: its dot product with a vector is their mean cosine. */
export class Centroid {
  private readonly sums = new Map<number, number>();
  private weight = 0;

  add(vector: SparseVector, weight: number): void {
    for (let i = 0; i < vector.ids.length; i++) this.sums.set(vector.ids[i]!, (this.sums.get(vector.ids[i]!) ?? 0) + vector.weights[i]! * weight);
    this.weight += weight;
  }

  dot(vector: SparseVector): number {
    if (this.weight === 0) return 0;
    let sum = 0;
    for (let i = 0; i < vector.ids.length; i++) sum += (this.sums.get(vector.ids[i]!) ?? 0) * vector.weights[i]!;
    return sum / this.weight;
  }
}
