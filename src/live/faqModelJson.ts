import type { FaqModel } from '../faq';

/**
 * A trained FAQ model as the text of a cache file: JSON whose typed arrays are base64 of their bytes
 * (a third of the size of their decimals, and decoded without parsing half a million numbers).
 */
interface StoredModel {
  labels: string[];
  space: { names: string[]; idf: string; weights: { words: number; ngramSizes: number[] } };
  softmax: { classes: number; weights: string; bias: string };
  coverage: { topics: [string, string[]][]; offTopic: string[]; offTopicBoost: number };
}

function bytesOf(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

export function encodeFaqModel(model: FaqModel): string {
  const stored: StoredModel = {
    labels: model.labels,
    space: { names: model.space.names, idf: bytesOf(model.space.idf), weights: { words: model.space.weights.words, ngramSizes: [...model.space.weights.ngramSizes] } },
    softmax: { classes: model.softmax.classes, weights: bytesOf(model.softmax.weights), bias: bytesOf(model.softmax.bias) },
    coverage: model.coverage,
  };
  return JSON.stringify(stored);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Base64 of float64s, of exactly `length` finite values; undefined otherwise. */
function floatsOf(value: unknown, length: number): Float64Array | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== length * 8) return undefined;
  // Copied into its own buffer: aligned for float64, and transferable to another thread.
  const floats = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return floats.every(Number.isFinite) ? floats : undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, at) => item === b[at]);
}

/**
 * The model a cache file holds, if it is exactly what a model trained on these labels looks like:
 * any doubt (other labels, wrong sizes, a number that is not finite, a truncated file) is undefined,
 * and the FAQ is trained again — a wrong model would answer wrongly, a missing one only costs a second.
 */
export function decodeFaqModel(text: string, labels: readonly string[]): FaqModel | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(stored) || !isStrings(stored.labels) || !sameList(stored.labels, labels)) return undefined;
  const { space, softmax, coverage } = stored;
  if (!isRecord(space) || !isRecord(softmax) || !isRecord(coverage) || !isRecord(space.weights)) return undefined;
  const { words, ngramSizes } = space.weights;
  if (!isStrings(space.names) || new Set(space.names).size !== space.names.length) return undefined;
  if (!isFiniteNumber(words) || !Array.isArray(ngramSizes) || !ngramSizes.every((size) => Number.isInteger(size) && size > 0)) return undefined;
  if (softmax.classes !== labels.length) return undefined;
  const idf = floatsOf(space.idf, space.names.length);
  const weights = floatsOf(softmax.weights, space.names.length * labels.length);
  const bias = floatsOf(softmax.bias, labels.length);
  if (!idf || !weights || !bias) return undefined;
  const topics = coverage.topics;
  const topicIds = labels.slice(0, -1);
  if (!Array.isArray(topics) || topics.length !== topicIds.length) return undefined;
  if (!topics.every((entry, at) => Array.isArray(entry) && entry.length === 2 && entry[0] === topicIds[at] && isStrings(entry[1]))) return undefined;
  if (!isStrings(coverage.offTopic) || !isFiniteNumber(coverage.offTopicBoost)) return undefined;
  return {
    labels: [...labels],
    space: { names: space.names, idf, weights: { words, ngramSizes: ngramSizes as number[] } },
    softmax: { classes: labels.length, weights, bias },
    coverage: { topics: topics as [string, string[]][], offTopic: coverage.offTopic, offTopicBoost: coverage.offTopicBoost },
  };
}
