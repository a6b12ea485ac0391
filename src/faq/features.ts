import type { Analysis } from './analyzer';

/** A sparse vector: parallel arrays of feature indexes (ascending) and values. */
export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

export interface FeatureWeights {
  /** Share of the vector's length given to word stems and stem pairs; the rest goes to character n-grams. */
  words: number;
  /** Character n-gram sizes, on each content word with its boundaries (« ^dume$ »). */
  ngramSizes: readonly number[];
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { words: 0.7, ngramSizes: [3, 4] };

/** A feature space as data: the feature names in index order and their IDF. */
export interface FeatureSpaceData {
  names: string[];
  idf: Float64Array;
  weights: FeatureWeights;
}

function wordFeatures(analysis: Analysis): string[] {
  const stems = analysis.stems;
  const pairs = stems.slice(1).map((stem, index) => `b:${stems[index]}_${stem}`);
  return [...stems.map((stem) => `w:${stem}`), ...pairs];
}

/** Sub-word features: where a word is new or misspelt beyond correction, its pieces still match. */
function ngramFeatures(analysis: Analysis, sizes: readonly number[]): string[] {
  const grams: string[] = [];
  for (const word of analysis.content) {
    const marked = `^${word}$`;
    for (const size of sizes) {
      for (let at = 0; at + size <= marked.length; at++) grams.push(`c:${marked.slice(at, at + size)}`);
    }
  }
  return grams;
}

function counts(names: string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const name of names) result.set(name, (result.get(name) ?? 0) + 1);
  return result;
}

/**
 * TF-IDF over stems, stem pairs and character n-grams, learnt from the training phrasings. Words and
 * n-grams are normalised apart and mixed by `weights.words`, so that the many n-grams of a long word
 * cannot drown its stem. Features never seen in training are dropped: they carry no evidence.
 */
export class FeatureSpace {
  private readonly index = new Map<string, number>();
  private readonly idf: Float64Array;
  private readonly weights: FeatureWeights;

  /** Learnt from training documents, or restored from `toModel()` (a space learnt in a worker thread). */
  constructor(source: readonly Analysis[] | FeatureSpaceData, weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS) {
    if (!Array.isArray(source)) {
      const data = source as FeatureSpaceData;
      if (data.names.length !== data.idf.length) throw new Error('feature space: sizes do not match');
      this.weights = data.weights;
      data.names.forEach((name, at) => this.index.set(name, at));
      this.idf = data.idf;
      return;
    }
    this.weights = weights;
    const documentFrequency: number[] = [];
    for (const document of source as readonly Analysis[]) {
      for (const name of new Set(this.names(document))) {
        let at = this.index.get(name);
        if (at === undefined) {
          at = this.index.size;
          this.index.set(name, at);
          documentFrequency.push(0);
        }
        documentFrequency[at]!++;
      }
    }
    const total = source.length;
    this.idf = Float64Array.from(documentFrequency, (frequency) => Math.log((1 + total) / (1 + frequency)) + 1);
  }

  toModel(): FeatureSpaceData {
    return { names: [...this.index.keys()], idf: this.idf, weights: this.weights };
  }

  get size(): number {
    return this.index.size;
  }

  vector(analysis: Analysis): SparseVector {
    const blocks = [wordFeatures(analysis), ngramFeatures(analysis, this.weights.ngramSizes)];
    const shares = [this.weights.words, 1 - this.weights.words];
    const entries = new Map<number, number>();
    blocks.forEach((names, block) => {
      const weighted: [number, number][] = [];
      for (const [name, count] of counts(names)) {
        const at = this.index.get(name);
        if (at !== undefined) weighted.push([at, (1 + Math.log(count)) * this.idf[at]!]);
      }
      const norm = Math.sqrt(weighted.reduce((sum, [, value]) => sum + value * value, 0));
      if (norm === 0) return;
      const scale = Math.sqrt(shares[block]!) / norm;
      for (const [at, value] of weighted) entries.set(at, value * scale);
    });
    const sorted = [...entries.entries()].sort((a, b) => a[0] - b[0]);
    return { index: Int32Array.from(sorted, ([at]) => at), value: Float64Array.from(sorted, ([, value]) => value) };
  }

  private names(analysis: Analysis): string[] {
    return [...wordFeatures(analysis), ...ngramFeatures(analysis, this.weights.ngramSizes)];
  }
}
