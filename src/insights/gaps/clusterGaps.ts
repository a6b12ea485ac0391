import type { GapKind, GapRecord } from '../../faq/types';
import { isoWeekOfDay, monthOfDay, weeksBetween } from '../calendar';
import { type Cut, cutOf, type Period, withinPeriod } from '../period';
import { protectCounts, type ShownCount, type ShownGroup, SMALL_COUNT_LIMIT, showCount } from '../smallNumbers';
import { averageLinkage } from './averageLinkage';
import { type Lexicon, questionKey, questionTerms } from './questionTerms';
import { Centroid, dot, type SparseVector, tfidfVectors } from './vectors';

export const GAP_KINDS: readonly GapKind[] = ['UNANSWERED', 'LOW_CONFIDENCE', 'NOT_HELPFUL'];

export interface ClusterOptions {
  /** Phone spellings to words (the FAQ settings' lexicon): « koi » and « quoi » are one word. */
  lexicon?: Lexicon;
  /** Mean similarity at which two groups join (see DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Share of the similarity that comes from character trigrams, the rest from word stems. */
  gramWeight?: number;
  /**
   * Texts of the same domain that only weigh the words (document frequencies): the FAQ topics'
   * phrasings. Without them a word common to every question looks rare in a small month.
   */
  background?: readonly string[];
  maxExamples?: number;
  /** Distinct questions clustered together at most (memory: 8 bytes × the square). */
  maxItems?: number;
}

/**
 * Chosen on dev questions only (test/insights/support/tuneClustering.mjs): the dev needs of
 * test/insights/fixtures/gap-questions.json, and the FAQ's dev topic questions (bench/faq/dev.json,
 * same topic taken as "same need", a noisy proxy), with the FAQ phrasings as background. Precision
 * first: a cluster that mixes two needs misleads the club more than a need split in two.
 * Pairwise precision / recall — dev: fixture 0.97 / 0.58, FAQ 0.55 / 0.14; held-out: fixture
 * 0.88 / 0.81, FAQ 0.59 / 0.16 (checked in test/insights/clusterGaps.test.ts).
 */
export const DEFAULT_THRESHOLD = 0.25;
export const DEFAULT_GRAM_WEIGHT = 0.5;
const DEFAULT_MAX_ITEMS = 1200;

/**
 * A topic guess counts towards a cluster's closest topic only when the classifier's calibrated
 * confidence in it is at least this (it was more likely right than wrong): a question the FAQ barely
 * recognised gets a nearest topic that is often unrelated.
 */
export const CLOSEST_TOPIC_MIN_CONFIDENCE = 0.5;
/** …and only when such guesses of one topic cover at least this share of the cluster's questions. */
export const CLOSEST_TOPIC_MIN_SHARE = 0.5;

export interface GapCluster {
  /** Stable while the representative stays the same (for links and CSV rows). */
  id: string;
  /** The member most similar, on average, to the others: the cluster in one question. */
  representative: string;
  /** Other members, the most central first, each a different question. */
  examples: string[];
  size: ShownCount;
  /** Days; months when the cluster holds fewer than 3 questions (a day would date its asker). */
  seen: { first: string; last: string; precision: 'day' | 'month' };
  /** ISO weeks of the period, merged where small (smallNumbers.ts). */
  weeks: ShownGroup<string>[];
  kinds: ShownGroup<GapKind>[];
  /** The FAQ's best topic guesses for its members (null: no guess), most frequent first. */
  topicGuesses: ShownGroup<string | null>[];
  /**
   * The FAQ topic the cluster is about, when the FAQ's guesses say so clearly (see closestTopicOf);
   * null rather than a false lead.
   */
  closestTopic: string | null;
  /** The topics whose answer a member of the cluster judged « Non » (NOT_HELPFUL): answering with them again solves nothing. */
  unhelpfulTopics: string[];
}

export interface GapClusters {
  /** The days covered: the requested bounds, or those of the data where open. */
  period: Period;
  cut: Cut;
  total: ShownCount;
  /** Every gap of the period per ISO week, for the "over time" chart. */
  weeks: ShownGroup<string>[];
  /** Largest first. */
  clusters: GapCluster[];
}

/** Identical questions (after folding) are one item, weighted by how often they were asked. */
interface Item {
  key: string;
  text: string;
  lastAt: string;
  records: { record: GapRecord; day: string }[];
  stems: SparseVector;
  grams: SparseVector;
}

function itemsOf(records: { record: GapRecord; day: string }[], lexicon: Lexicon | undefined, background: readonly string[]): Item[] {
  const byKey = new Map<string, Omit<Item, 'stems' | 'grams'>>();
  for (const entry of records) {
    const key = questionKey(entry.record.question);
    const item = byKey.get(key);
    if (!item) byKey.set(key, { key, text: entry.record.question, lastAt: entry.record.at, records: [entry] });
    else {
      item.records.push(entry);
      if (entry.record.at > item.lastAt) Object.assign(item, { text: entry.record.question, lastAt: entry.record.at });
    }
  }
  const list = [...byKey.values()];
  const terms = list.map((item) => questionTerms(item.text, lexicon));
  const context = background.map((text) => questionTerms(text, lexicon));
  const stems = tfidfVectors(
    terms.map((term) => term.stems),
    context.map((term) => term.stems),
  );
  const grams = tfidfVectors(
    terms.map((term) => term.grams),
    context.map((term) => term.grams),
  );
  return list.map((item, i) => ({ ...item, stems: stems[i]!, grams: grams[i]! }));
}

class Similarity {
  constructor(private readonly gramWeight: number) {}

  between(a: Item, b: Item): number {
    return (1 - this.gramWeight) * dot(a.stems, b.stems) + this.gramWeight * dot(a.grams, b.grams);
  }
}

class Group {
  readonly members: Item[] = [];
  private readonly stems = new Centroid();
  private readonly grams = new Centroid();

  add(item: Item): void {
    this.members.push(item);
    this.stems.add(item.stems, item.records.length);
    this.grams.add(item.grams, item.records.length);
  }

  /** Average-linkage similarity of an item to the group: the mean of its cosines with the members. */
  similarity(item: Item, gramWeight: number): number {
    return (1 - gramWeight) * this.stems.dot(item.stems) + gramWeight * this.grams.dot(item.grams);
  }
}

/**
 * Clusters one batch of items: first into the groups of earlier batches (average linkage to each),
 * then among themselves. Items are taken most asked first, so the large needs form in the first batch.
 */
function clusterItems(items: Item[], similarity: Similarity, gramWeight: number, threshold: number, maxItems: number): Group[] {
  const groups: Group[] = [];
  for (let start = 0; start < items.length; start += maxItems) {
    const fresh: Item[] = [];
    for (const item of items.slice(start, start + maxItems)) {
      let best: Group | undefined;
      let bestSimilarity = threshold;
      for (const group of groups) {
        const s = group.similarity(item, gramWeight);
        if (s >= bestSimilarity) [best, bestSimilarity] = [group, s];
      }
      if (best) best.add(item);
      else fresh.push(item);
    }
    const n = fresh.length;
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) matrix[i * n + j] = matrix[j * n + i] = similarity.between(fresh[i]!, fresh[j]!);
    }
    const labels = averageLinkage(matrix, fresh.map((item) => item.records.length), threshold);
    const batch: Group[] = [];
    fresh.forEach((item, i) => (batch[labels[i]!] ??= new Group()).add(item));
    groups.push(...batch);
  }
  return groups;
}

/** Members by centrality: the weighted mean similarity to the other questions of the group. */
function byCentrality(members: Item[], similarity: Similarity): Item[] {
  const total = members.reduce((sum, item) => sum + item.records.length, 0);
  const score = new Map<Item, number>();
  for (const item of members) {
    const others = members.reduce((sum, other) => sum + (other === item ? item.records.length - 1 : other.records.length * similarity.between(item, other)), 0);
    score.set(item, total > 1 ? others / (total - 1) : 1);
  }
  return [...members].sort((a, b) => score.get(b)! - score.get(a)! || b.records.length - a.records.length || (b.lastAt > a.lastAt ? 1 : b.lastAt < a.lastAt ? -1 : 0));
}

/** Counts per ISO week: a week is always finer than a month, whatever the period. */
function weekSeries(days: readonly string[], axis: readonly string[]): ShownGroup<string>[] {
  const counts = new Map(axis.map((week) => [week, 0]));
  for (const day of days) {
    const week = isoWeekOfDay(day);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return protectCounts([...counts].map(([key, count]) => ({ key, count })), 'finer', 'series');
}

function tally<K>(keys: readonly K[], order: readonly K[] = []): { key: K; count: number }[] {
  const counts = new Map<K, number>(order.map((key) => [key, 0]));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

/**
 * The topic most of a cluster's questions were confidently guessed as, or null: one hesitant guess
 * among questions the FAQ did not recognise at all (« Faut-il signer son offre au dépôt ? » for a
 * cluster about a mandatory site visit) is no lead for the club.
 */
function closestTopicOf(records: readonly GapRecord[]): string | null {
  const votes = tally(records.filter((record) => record.topicGuess !== null && record.confidence >= CLOSEST_TOPIC_MIN_CONFIDENCE).map((record) => record.topicGuess!));
  const best = votes.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))[0];
  return best && best.count >= CLOSEST_TOPIC_MIN_SHARE * records.length ? best.key : null;
}

/** A short stable id from the folded representative (FNV-1a, base 36). */
function clusterId(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return `g${(hash >>> 0).toString(36)}`;
}

/**
 * The gaps of a period grouped into clusters of similar questions: French TF-IDF (folded, phone
 * spellings expanded, stop words out, Porter stems, plus character trigrams for typos), cosine
 * similarity, average-linkage clustering cut at `threshold`. Every count goes through the
 * small-number protection for the period's cut.
 */
export function clusterGaps(records: readonly GapRecord[], period: Period = {}, options: ClusterOptions = {}): GapClusters {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const gramWeight = options.gramWeight ?? DEFAULT_GRAM_WEIGHT;
  const maxExamples = options.maxExamples ?? 5;
  const inPeriod = withinPeriod(records, period);
  const days = inPeriod.map((entry) => entry.day).sort();
  const covered: Period = { from: period.from ?? days[0], to: period.to ?? days[days.length - 1] };
  const cut = cutOf(period);
  const axis = covered.from && covered.to ? weeksBetween(covered.from, covered.to) : [];
  const similarity = new Similarity(gramWeight);
  const items = itemsOf(inPeriod, options.lexicon, options.background ?? []).sort((a, b) => b.records.length - a.records.length || (b.lastAt > a.lastAt ? 1 : b.lastAt < a.lastAt ? -1 : 0));
  const groups = clusterItems(items, similarity, gramWeight, threshold, options.maxItems ?? DEFAULT_MAX_ITEMS);

  const clusters = groups.map((group) => {
    const central = byCentrality(group.members, similarity);
    const entries = group.members.flatMap((item) => item.records);
    const memberDays = entries.map((entry) => entry.day).sort();
    const few = entries.length < SMALL_COUNT_LIMIT;
    const guesses = tally(entries.map((entry) => entry.record.topicGuess)).sort((a, b) => b.count - a.count || (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
    return {
      raw: entries.length,
      lastAt: central.reduce((last, item) => (item.lastAt > last ? item.lastAt : last), ''),
      cluster: {
        id: clusterId(central[0]!.key),
        representative: central[0]!.text,
        examples: central.slice(1, 1 + maxExamples).map((item) => item.text),
        size: showCount(entries.length, cut),
        seen: few
          ? { first: monthOfDay(memberDays[0]!), last: monthOfDay(memberDays[memberDays.length - 1]!), precision: 'month' as const }
          : { first: memberDays[0]!, last: memberDays[memberDays.length - 1]!, precision: 'day' as const },
        weeks: weekSeries(memberDays, axis),
        kinds: protectCounts(tally(entries.map((entry) => entry.record.kind), GAP_KINDS), cut, 'categories'),
        topicGuesses: protectCounts(guesses, cut, 'categories'),
        closestTopic: closestTopicOf(entries.map((entry) => entry.record)),
        unhelpfulTopics: [...new Set(entries.flatMap(({ record }) => (record.kind === 'NOT_HELPFUL' && record.topicGuess !== null ? [record.topicGuess] : [])))].sort(),
      } satisfies GapCluster,
    };
  });
  clusters.sort((a, b) => b.raw - a.raw || (b.lastAt > a.lastAt ? 1 : b.lastAt < a.lastAt ? -1 : 0));
  return {
    period: covered,
    cut,
    total: showCount(inPeriod.length, cut),
    weeks: weekSeries(days, axis),
    clusters: clusters.map((entry) => entry.cluster),
  };
}
