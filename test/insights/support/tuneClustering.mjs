// Chooses the clustering's threshold and trigram weight on dev questions only: the FAQ's dev topic
// questions (bench/faq/dev.json: same topic = same need, a noisy proxy since a topic's questions ask
// about different facts) and the dev needs of test/insights/fixtures/gap-questions.json. Held-out
// ones (bench/faq/heldout.json, the fixture's `test` needs) are only reported: `... heldout`.
// Prints pairwise precision, recall and F0.5 (precision weighted: a cluster mixing two needs
// misleads the club more than a need split in two).
// Run: npm run build && node test/insights/support/tuneClustering.mjs [dev|heldout]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
const { clusterGaps } = require(path.join(root, 'dist/src/insights/gaps/clusterGaps.js'));
// The FAQ's phone-spelling lexicon when the knowledge has it (LEXICON=file to try another one).
const settingsFile = process.env.LEXICON ?? path.join(root, 'knowledge/faq/settings.json');
const lexicon = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, 'utf8')).lexicon ?? {}) : {};
const topicsDir = path.join(root, 'knowledge/faq/topics');
// The FAQ topics' phrasings weigh the words, as the dashboard does (NO_BACKGROUND=1 to compare).
const background = !process.env.NO_BACKGROUND ? readdirSync(topicsDir).flatMap((file) => JSON.parse(readFileSync(path.join(topicsDir, file), 'utf8')).phrasings) : [];

const side = process.argv[2] ?? 'dev';
const faq = JSON.parse(readFileSync(path.join(root, `bench/faq/${side}.json`), 'utf8'))
  .questions.filter((q) => q.kind === 'topic')
  .map((q) => ({ q: q.q, label: q.expect }));
const fixture = JSON.parse(readFileSync(path.join(root, 'test/insights/fixtures/gap-questions.json'), 'utf8'))
  .questions.filter((q) => q.set === (side === 'dev' ? 'dev' : 'test'))
  .map((q) => ({ q: q.q, label: q.need }));

function evaluate(questions, threshold, gramWeight) {
  const records = questions.map((q, i) => ({ at: new Date(Date.UTC(2026, 2, 1 + (i % 28), 10)).toISOString(), kind: 'UNANSWERED', question: q.q, channel: 'webchat', topicGuess: null, confidence: 0 }));
  const labelOf = new Map(questions.map((q) => [q.q, q.label]));
  const result = clusterGaps(records, {}, { threshold, gramWeight, maxExamples: 10_000, lexicon, background });
  let together = 0, right = 0, mixed = 0;
  for (const cluster of result.clusters) {
    const labels = [cluster.representative, ...cluster.examples].map((q) => labelOf.get(q));
    if (labels.length > 1 && (labels.includes(null) || new Set(labels).size > 1)) mixed++;
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      together++;
      if (labels[i] !== null && labels[i] === labels[j]) right++;
    }
  }
  const sizes = {};
  for (const q of questions) if (q.label !== null) sizes[q.label] = (sizes[q.label] ?? 0) + 1;
  const same = Object.values(sizes).reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const precision = together ? right / together : 1;
  const recall = same ? right / same : 1;
  const f = precision + recall ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0;
  return { precision, recall, f, mixed, clusters: result.clusters.length };
}

const fmt = (r) => `P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F0.5=${r.f.toFixed(3)} mixed=${r.mixed}/${r.clusters}`;
const grid = process.env.ONLY ? [process.env.ONLY.split(',').map(Number)] : [0, 0.2, 0.3, 0.4, 0.5, 0.7].flatMap((g) => [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5].map((t) => [t, g]));
const rows = grid.map(([threshold, gramWeight]) => {
  const a = evaluate(faq, threshold, gramWeight);
  const b = evaluate(fixture, threshold, gramWeight);
  return { threshold, gramWeight, a, b, f: (a.f + b.f) / 2 };
});
rows.sort((x, y) => y.f - x.f);
for (const r of rows.slice(0, 15)) console.log(`τ=${r.threshold} g=${r.gramWeight} | faq ${fmt(r.a)} | gaps ${fmt(r.b)}`);
