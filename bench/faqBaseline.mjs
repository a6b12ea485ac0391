// The brief's baseline: natural's BayesClassifier (the client's choice of library) on the same
// folded, lexicon-expanded, typo-corrected stems, with the same out-of-scope class, coverage gate and
// calibration, so that only the model differs. Run by `npm run bench:faq -- --baseline`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { calibrate, evalSet, FaqClassifier, FOLDS, isRight, outcomeOf, ROOT } from './faqShared.mjs';

const require = createRequire(import.meta.url);
const { BayesClassifier } = require(path.join(ROOT, 'node_modules/natural/lib/natural/classifiers'));
const OUT = '__OUT_OF_SCOPE__';

function bayesOf(knowledge, stemsOf) {
  const bayes = new BayesClassifier();
  for (const topic of knowledge.topics) for (const text of [topic.title, ...topic.phrasings]) bayes.addDocument(stemsOf(text), topic.id);
  for (const text of knowledge.settings.outOfScope) bayes.addDocument(stemsOf(text), OUT);
  bayes.train();
  return bayes;
}

/** A reading in the shape of crossValidate's, from the Bayes probabilities (normalised: natural's do not sum to 1). */
function bayesReading(question, bayes, classifier) {
  const raw = classifier.score(question.q);
  const stems = raw.analysis.stems;
  const scored = stems.length ? bayes.getClassifications(stems) : [];
  const total = scored.reduce((sum, entry) => sum + entry.value, 0);
  const ranked = total > 0 ? scored.map((entry) => ({ id: entry.label, p: entry.value / total })) : [{ id: OUT, p: 1 }];
  const topics = ranked.filter((entry) => entry.id !== OUT);
  const pOut = ranked.find((entry) => entry.id === OUT)?.p ?? 0;
  const first = topics[0] ?? { id: '', p: 0 };
  return {
    question,
    unreadable: raw.unreadable,
    outOfScope: ranked[0].id === OUT,
    first: first.id,
    second: topics[1]?.id ?? '',
    p1: first.p,
    p2: topics[1]?.p ?? 0,
    pOut,
    coverage: raw.coverage,
  };
}

export function runBaseline(knowledge) {
  const readings = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = [];
    const keep = (items, expect) => items.filter((item, index) => (index % FOLDS !== fold ? true : (held.push(expect(item)), false)));
    const topics = knowledge.topics.map((topic) => ({ ...topic, phrasings: keep(topic.phrasings, (q) => ({ q, expect: topic.id, kind: 'phrasing' })) }));
    const outOfScope = keep(knowledge.settings.outOfScope, (q) => ({ q, expect: null, kind: 'outOfScope' }));
    const foldKnowledge = { ...knowledge, topics, settings: { ...knowledge.settings, outOfScope } };
    const classifier = new FaqClassifier(foldKnowledge);
    const bayes = bayesOf(foldKnowledge, (text) => classifier.score(text).analysis.stems);
    for (const question of held) readings.push(bayesReading(question, bayes, classifier));
  }
  const classifier = new FaqClassifier(knowledge);
  const bayes = bayesOf(knowledge, (text) => classifier.score(text).analysis.stems);
  const dev = (evalSet('dev') ?? []).map((question) => bayesReading(question, bayes, classifier));
  const calibration = calibrate([...readings, ...dev]);
  const topicCv = readings.filter((r) => r.question.expect !== null);
  const devTopics = dev.filter((r) => r.question.expect !== null);
  return {
    cvTop1: topicCv.filter((r) => r.first === r.question.expect).length / topicCv.length,
    devTop1: devTopics.filter((r) => isRight(r.question, r.first)).length / Math.max(1, devTopics.length),
    cv: outcomeOf(readings, calibration.curves, calibration),
    dev: outcomeOf(dev, calibration.curves, calibration),
    thresholds: { answerThreshold: calibration.answerThreshold, askThreshold: calibration.askThreshold, ambiguityMargin: calibration.ambiguityMargin, minCoverage: calibration.minCoverage },
  };
}
