import type { SparseVector } from './features';

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty: keeps a word seen in one phrasing from deciding alone. */
  l2: number;
  seed: number;
}

/** A trained model as data. */
export interface SoftmaxModelData {
  classes: number;
  weights: Float64Array;
  bias: Float64Array;
}

const MIN_GRADIENT = 1e-3;

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 8, learningRate: 1.5, l2: 1e-4, seed: 9 };

/** Deterministic shuffling: the same knowledge always trains the same model (tests and calibration rely on it). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression on sparse TF-IDF vectors, trained by stochastic gradient descent.
 * Chosen over naive Bayes because its probabilities are far less over-confident on short texts
 * (bench/RESULTS.md compares both), which is what the calibration and the thresholds build on.
 */
export class SoftmaxModel {
  private constructor(
    private readonly classes: number,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  /** A model trained elsewhere (a worker thread), from `toModel()`: the same probabilities. */
  static fromModel(model: SoftmaxModelData): SoftmaxModel {
    if (model.weights.length % model.classes !== 0 || model.bias.length !== model.classes) throw new Error('softmax model: sizes do not match');
    return new SoftmaxModel(model.classes, model.weights, model.bias);
  }

  /** Plain data a worker can post back: typed arrays are copied (or transferred) as they are. */
  toModel(): SoftmaxModelData {
    return { classes: this.classes, weights: this.weights, bias: this.bias };
  }

  /** `weights[i]` scales example i's gradient (1 when absent). */
  static train(vectors: readonly SparseVector[], labels: readonly number[], classes: number, dimensions: number, options: SoftmaxOptions = DEFAULT_SOFTMAX, sampleWeights?: readonly number[]): SoftmaxModel {
    const weights = new Float64Array(dimensions * classes);
    const bias = new Float64Array(classes);
    const model = new SoftmaxModel(classes, weights, bias);
    const order = vectors.map((_, index) => index);
    const next = random(options.seed);
    const probabilities = new Float64Array(classes);
    const touched = new Int32Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const epochRate = options.learningRate / (1 + epoch * 0.2);
      for (const at of order) {
        const rate = epochRate * (sampleWeights?.[at] ?? 1);
        const vector = vectors[at]!;
        model.fill(vector, probabilities);
        probabilities[labels[at]!]! -= 1;
        // Once learnt, most classes' gradients are negligible: skipping them makes training several times faster.
        let active = 0;
        for (let k = 0; k < classes; k++) {
          if (Math.abs(probabilities[k]!) < MIN_GRADIENT) continue;
          bias[k]! -= rate * probabilities[k]!;
          touched[active++] = k;
        }
        for (let n = 0; n < vector.index.length; n++) {
          const base = vector.index[n]! * classes;
          const x = vector.value[n]!;
          for (let a = 0; a < active; a++) {
            const k = touched[a]!;
            const w = weights[base + k]!;
            weights[base + k] = w - rate * (probabilities[k]! * x + options.l2 * w);
          }
        }
      }
    }
    return model;
  }

  /** Class probabilities of a vector (they sum to 1). */
  probabilities(vector: SparseVector): Float64Array {
    const result = new Float64Array(this.classes);
    this.fill(vector, result);
    return result;
  }

  private fill(vector: SparseVector, out: Float64Array): void {
    const classes = this.classes;
    out.set(this.bias);
    for (let n = 0; n < vector.index.length; n++) {
      const base = vector.index[n]! * classes;
      const x = vector.value[n]!;
      for (let k = 0; k < classes; k++) out[k]! += this.weights[base + k]! * x;
    }
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, out[k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      out[k] = Math.exp(out[k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < classes; k++) out[k]! /= sum;
  }
}
