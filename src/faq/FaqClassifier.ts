import { type Analysis, Analyzer } from './analyzer';
import type { Curves } from './calibrate';
import { applyCurve, type CalibrationCurve } from './calibration';
import { Coverage, type CoverageData } from './coverage';
import { answerScore, decision, pairScore } from './decide';
import { DEFAULT_FEATURE_WEIGHTS, type FeatureSpaceData, type FeatureWeights, FeatureSpace } from './features';
import { isUnreadable } from './readability';
import { DEFAULT_SOFTMAX, SoftmaxModel, type SoftmaxModelData, type SoftmaxOptions } from './softmax';
import type { FaqCandidate, FaqKnowledge, FaqTopic, FaqUnderstanding } from './types';

/** The class of the out-of-scope phrasings: what the FAQ must not answer. */
export const OUT_OF_SCOPE = '__OUT_OF_SCOPE__';

export interface ClassifierOptions {
  features: FeatureWeights;
  softmax: SoftmaxOptions;
  /** Weight of the answer's own sentences as training examples (a phrasing weighs 1): they bring the words SMEs may use that no phrasing has. */
  answerWeight: number;
  /** How much more a word of the out-of-scope questions that no topic uses weighs in the coverage gate. */
  offTopicBoost: number;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = { features: DEFAULT_FEATURE_WEIGHTS, softmax: DEFAULT_SOFTMAX, answerWeight: 0.3, offTopicBoost: 1 };

/** The answer's sentences, one example each (a whole paragraph would be one diluted vector). */
function answerSentences(topic: FaqTopic): string[] {
  return [topic.short, ...topic.details].flatMap((text) => text.split(/(?<=[.!?:;])\s+/)).filter((sentence) => sentence.length > 0);
}

/**
 * A trained classifier as plain data (typed arrays and strings): what a worker thread that trained
 * it posts back. Rebuilt with the same knowledge, it gives the same understandings.
 */
export interface FaqModel {
  labels: string[];
  space: FeatureSpaceData;
  softmax: SoftmaxModelData;
  coverage: CoverageData;
}

/** What the model made of a question before any threshold: the calibration script's raw material. */
export interface RawScores {
  unreadable: boolean;
  /** Every class (topics and OUT_OF_SCOPE), most probable first. */
  ranked: { id: string; probability: number }[];
  /** Topics only, most probable first. */
  topics: { id: string; probability: number }[];
  /** Coverage of the question's content by the best topic (coverage.ts). */
  coverage: number;
  analysis: Analysis;
}

/** The calibration curves the calibration script writes in settings.json (absent: raw scores are used). */
function curvesOf(calibration: Record<string, unknown> | undefined): Partial<Curves> {
  const curves = (calibration?.curves ?? {}) as Record<string, Partial<CalibrationCurve> | undefined>;
  const valid = (curve: Partial<CalibrationCurve> | undefined): CalibrationCurve | undefined =>
    Array.isArray(curve?.x) && Array.isArray(curve?.y) && curve.x.length === curve.y.length ? (curve as CalibrationCurve) : undefined;
  return { answer: valid(curves.answer), pair: valid(curves.pair) };
}

/** The texts of a topic that say what it covers (the coverage gate's vocabulary). */
function topicTexts(topic: FaqTopic): string[] {
  return [topic.title, ...topic.phrasings, ...answerSentences(topic)];
}

/**
 * The FAQ's understanding, trained once when built: a softmax classifier over the topics and an
 * explicit out-of-scope class, a coverage gate, and a calibrated confidence turned into a decision
 * by the thresholds of settings.json.
 */
export class FaqClassifier {
  private readonly analyzer: Analyzer;
  private readonly space: FeatureSpace;
  private readonly model: SoftmaxModel;
  private readonly labels: string[];
  private readonly coverage: Coverage;
  private readonly curves: Partial<Curves>;

  /** Trains on the knowledge, or — given the `toModel()` of a classifier trained on the same knowledge — restores it without training. */
  constructor(
    private readonly knowledge: FaqKnowledge,
    options: Partial<ClassifierOptions> = {},
    trained?: FaqModel,
  ) {
    const { settings, topics } = knowledge;
    const texts = [...topics.flatMap(topicTexts), ...settings.outOfScope];
    this.analyzer = new Analyzer({ lexicon: settings.lexicon, stopWords: settings.stopWords ?? [] }, texts);
    this.labels = [...topics.map((topic) => topic.id), OUT_OF_SCOPE];
    this.curves = curvesOf(settings.calibration);
    if (trained) {
      if (trained.labels.join('\n') !== this.labels.join('\n')) throw new Error('FAQ model: trained on other topics');
      this.space = new FeatureSpace(trained.space);
      this.model = SoftmaxModel.fromModel(trained.softmax);
      this.coverage = Coverage.fromModel(trained.coverage);
      return;
    }
    const chosen = { ...DEFAULT_CLASSIFIER, ...options };
    // Each text is analysed once, whether it trains the model, the coverage gate or both.
    const analyses = new Map<string, Analysis>();
    const analyze = (text: string): Analysis => {
      let analysis = analyses.get(text);
      if (!analysis) analyses.set(text, (analysis = this.analyzer.analyze(text)));
      return analysis;
    };
    const examples: [Analysis, number, number][] = [
      ...topics.flatMap((topic, label) => [
        ...[topic.title, ...topic.phrasings].map((text): [Analysis, number, number] => [analyze(text), label, 1]),
        ...(chosen.answerWeight > 0 ? answerSentences(topic).map((text): [Analysis, number, number] => [analyze(text), label, chosen.answerWeight]) : []),
      ]),
      ...settings.outOfScope.map((text): [Analysis, number, number] => [analyze(text), topics.length, 1]),
    ];
    this.space = new FeatureSpace(
      examples.map(([analysis]) => analysis),
      chosen.features,
    );
    this.model = SoftmaxModel.train(
      examples.map(([analysis]) => this.space.vector(analysis)),
      examples.map(([, label]) => label),
      this.labels.length,
      this.space.size,
      chosen.softmax,
      examples.map(([, , weight]) => weight),
    );
    this.coverage = new Coverage(
      new Map(topics.map((topic) => [topic.id, topicTexts(topic).flatMap((text) => analyze(text).stems)])),
      new Set(settings.outOfScope.flatMap((text) => analyze(text).stems)),
      chosen.offTopicBoost,
    );
  }

  static fromModel(knowledge: FaqKnowledge, model: FaqModel): FaqClassifier {
    return new FaqClassifier(knowledge, {}, model);
  }

  /** The trained parts as data (see FaqModel). */
  toModel(): FaqModel {
    return { labels: [...this.labels], space: this.space.toModel(), softmax: this.model.toModel(), coverage: this.coverage.toModel() };
  }

  /** The model's raw reading, before calibration and thresholds. */
  score(question: string): RawScores {
    const analysis = this.analyzer.analyze(question);
    const probabilities = this.model.probabilities(this.space.vector(analysis));
    const ranked = this.labels.map((id, at) => ({ id, probability: probabilities[at]! })).sort((a, b) => b.probability - a.probability);
    const topics = ranked.filter((entry) => entry.id !== OUT_OF_SCOPE);
    return {
      unreadable: isUnreadable(question, analysis),
      ranked,
      topics,
      coverage: this.coverage.of(analysis.stems, topics[0]!.id),
      analysis,
    };
  }

  understand(question: string): FaqUnderstanding {
    const raw = this.score(question);
    if (raw.unreadable) return { decision: 'unreadable', faq: null, confidence: 0, candidates: [] };
    const [first, second] = raw.topics;
    const p1 = first!.probability;
    const p2 = second?.probability ?? 0;
    // A candidate's confidence: how often the answer would be right if it were given, from its lead over the others.
    const pOut = raw.ranked.find((entry) => entry.id === OUT_OF_SCOPE)!.probability;
    const candidates: FaqCandidate[] = raw.topics.slice(0, 3).map((entry, rank) => ({ id: entry.id, confidence: this.calibrated('answer', answerScore(entry.probability, Math.max(rank === 0 ? p2 : p1, pOut))) }));
    const settings = { ...this.knowledge.settings, minCoverage: this.knowledge.settings.minCoverage ?? 0 };
    const outOfScope = raw.ranked[0]!.id === OUT_OF_SCOPE;
    // The curves were fitted on questions that pass the gate: for the others no topic is believed at all.
    const confidence = outOfScope || raw.coverage < settings.minCoverage ? 0 : candidates[0]!.confidence;
    const made = decision({ outOfScope, coverage: raw.coverage, p1, p2 }, confidence, this.calibrated('pair', pairScore(p1, p2)), settings);
    return { decision: made, faq: made === 'unknown' ? null : first!.id, confidence, candidates };
  }

  private calibrated(curve: keyof Curves, score: number): number {
    return Math.round(applyCurve(this.curves[curve], score) * 1000) / 1000;
  }

  /** The question's salient stems the best topic does not know (the benchmark lists them for errors). */
  uncovered(question: string, topic: string): string[] {
    return this.coverage.missing(this.analyzer.analyze(question).stems, topic);
  }
}
