#!/usr/bin/env node
// npm run bench:faq — the FAQ classifier's figures (issue 9): top-1 accuracy on topic questions,
// false-answer rate (answered but wrong, null-expected included), « je ne sais pas » rate on the
// questions it must not answer, per kind, on bench/faq/dev.json (calibration may use it) and
// bench/faq/heldout.json (report only: never tune on it), plus 5-fold cross-validation over the
// topics' own phrasings and the batch CLI timing. `-- --calibrate` first rewrites the thresholds of
// knowledge/faq/settings.json (bench/faqCalibrate.mjs). `-- --misses` lists the dev misses;
// `-- --dev-only` leaves the held-out set unread (while tuning); `-- --baseline` also measures natural's
// BayesClassifier in the same pipeline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runBaseline } from './faqBaseline.mjs';
import { runCalibration } from './faqCalibrate.mjs';
import { crossValidate, evalSet, fingerprint, FOLDS, FaqService, isRight, loadFaqKnowledge, outcomeOf, ROOT } from './faqShared.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
if (args.has('--calibrate')) {
  const { result, seconds } = runCalibration();
  const { curves, outcome, ...thresholds } = result;
  console.log(`Calibration rewritten (${seconds.toFixed(1)} s): ${JSON.stringify(thresholds)}`);
}

const { Messages } = require(path.join(ROOT, 'dist/src/knowledge/Messages.js'));
const messages = new Messages(require(path.join(ROOT, 'knowledge/messages.json')));
const knowledge = loadFaqKnowledge();
const calibration = knowledge.settings.calibration ?? {};
if (calibration.fingerprint !== fingerprint(knowledge)) console.log('WARNING: the topics or settings changed since the calibration: run npm run bench:faq -- --calibrate');

const trainStart = process.cpuUsage();
const wallStart = performance.now();
const service = new FaqService(knowledge, messages);
const trainCpu = process.cpuUsage(trainStart);
const trainMs = performance.now() - wallStart;

const pct = (n, d) => (d === 0 ? '    —' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);

/** Every question read by the service, with what it decided. */
function judge(questions) {
  return questions.map((question) => {
    const u = service.understand(question.q);
    const top = u.candidates[0]?.id ?? null;
    return { question, u, topRight: top !== null && question.expect !== null && isRight(question, top), answeredRight: u.decision === 'answer' && isRight(question, u.faq), answeredWrong: u.decision === 'answer' && !isRight(question, u.faq), choseRight: u.decision === 'choose' && u.candidates.slice(0, 2).some((c) => isRight(question, c.id)) };
  });
}

function row(label, results) {
  const n = results.length;
  const topic = results.filter((r) => r.question.expect !== null);
  const none = results.filter((r) => r.question.expect === null);
  const count = (list, f) => list.filter(f).length;
  const cells = [
    label.padEnd(10),
    String(n).padStart(4),
    topic.length ? pct(count(topic, (r) => r.topRight), topic.length) : '    —',
    topic.length ? pct(count(topic, (r) => r.answeredRight), topic.length) : '    —',
    topic.length ? pct(count(topic, (r) => r.u.decision === 'choose'), topic.length) : '    —',
    pct(count(results, (r) => r.answeredWrong), n),
    none.length ? pct(count(none, (r) => r.u.decision === 'unknown' || r.u.decision === 'unreadable'), none.length) : '    —',
    none.length ? pct(count(none, (r) => r.u.decision === 'choose'), none.length) : '    —',
  ];
  return `  ${cells.join('  ')}`;
}

const HEADER = `  ${'kind'.padEnd(10)}  ${'n'.padStart(4)}  ${'top-1'.padStart(7)}  ${'answered✓'.padStart(7)}  ${'choose'.padStart(7)}  ${'false ans.'.padStart(7)}  ${'« je ne sais pas » (null)'.padStart(7)}  ${'choose (null)'}`;

function report(name, questions) {
  if (!questions) {
    console.log(`\n${name}: bench/faq/${name}.json absent`);
    return undefined;
  }
  const results = judge(questions);
  console.log(`\n${name} (${questions.length} questions)`);
  console.log(HEADER);
  const kinds = [...new Set(questions.map((q) => q.kind))];
  for (const kind of kinds) console.log(row(kind, results.filter((r) => r.question.kind === kind)));
  console.log(row('all', results));
  return results;
}

console.log(`FAQ classifier — ${knowledge.topics.length} topics, ${knowledge.topics.reduce((s, t) => s + t.phrasings.length, 0)} phrasings, ${knowledge.settings.outOfScope.length} out-of-scope questions`);
console.log(`Thresholds: answer ≥ ${knowledge.settings.answerThreshold}, choose ≥ ${knowledge.settings.askThreshold} when p1 − p2 < ${knowledge.settings.ambiguityMargin}, coverage ≥ ${knowledge.settings.minCoverage} (calibrated ${calibration.at ?? 'never'} on ${JSON.stringify(calibration.readings ?? {})})`);
console.log(`Training once at start: ${trainMs.toFixed(0)} ms wall, ${((trainCpu.user + trainCpu.system) / 1000).toFixed(0)} ms CPU`);
console.log('Columns: top-1 = best topic right (whatever the decision), answered✓ = answered and right, choose = asked between two, false ans. = answered but wrong (share of all), then for null-expected questions the « je ne sais pas » and choose rates.');

const cv = crossValidate(knowledge, FOLDS);
const curves = calibration.curves;
if (curves) {
  const o = outcomeOf(cv, curves, { ...knowledge.settings, minCoverage: knowledge.settings.minCoverage ?? 0 });
  const topicCv = cv.filter((r) => r.question.expect !== null);
  const top1 = topicCv.filter((r) => r.first === r.question.expect).length;
  console.log(`\n${FOLDS}-fold cross-validation over the phrasings (${topicCv.length}) and out-of-scope questions (${cv.length - topicCv.length}): top-1 ${pct(top1, topicCv.length)}, answered ${o.answered} (wrong ${o.answeredWrong}, ${pct(o.answeredWrong, o.questions)} of all), chose ${o.chose} (one right: ${o.choseRight}), « je ne sais pas » ${o.unknown}`);
}

const dev = report('dev', evalSet('dev'));
// --dev-only while tuning: the held-out figures are for the record, not for looking at after each change.
if (!args.has('--dev-only')) report('heldout', evalSet('heldout'));

if (args.has('--misses') && dev) {
  console.log('\ndev misses (answered wrong, then topic questions not answered):');
  for (const r of dev.filter((x) => x.answeredWrong)) console.log(`  WRONG  ${r.question.kind} « ${r.question.q} » → ${r.u.faq} (${r.u.confidence}) expected ${r.question.expect}`);
  for (const r of dev.filter((x) => x.question.expect && !x.answeredRight)) console.log(`  ${r.u.decision.padEnd(7)}${r.question.kind} « ${r.question.q} » → ${r.u.candidates.slice(0, 2).map((c) => `${c.id}:${c.confidence}`).join(' ')} expected ${r.question.expect}`);
}

// Replies to the bot's own questions (a date, « MAPA », « en groupement ») are the dialogs' to read first:
// how many the FAQ alone would answer says how much that guard matters.
const replies = (() => {
  try {
    return require(path.join(ROOT, 'bench/faq/dialog-answers.json')).answers;
  } catch {
    return [];
  }
})();
if (replies.length > 0) {
  const answered = replies.filter((reply) => service.understand(reply.text).decision === 'answer');
  console.log(`\nDialog replies (bench/faq/dialog-answers.json) the FAQ alone would answer: ${answered.length}/${replies.length} (${answered.slice(0, 8).map((r) => `« ${r.text} »`).join(', ')}${answered.length > 8 ? '…' : ''}) — the dialogs must read their own expected answers before asking the FAQ`);
}

if (args.has('--baseline')) {
  const started = Date.now();
  const b = runBaseline(knowledge);
  const line = (name, o) => `${name}: answered ${o.answered}/${o.questions} (wrong ${o.answeredWrong}, ${pct(o.answeredWrong, o.questions)} of all), chose ${o.chose} (one right: ${o.choseRight}), « je ne sais pas » ${o.unknown}`;
  console.log(`\nBaseline — natural BayesClassifier on the same stems, out-of-scope class, gate and calibration (${((Date.now() - started) / 1000).toFixed(0)} s):`);
  console.log(`  top-1: cross-validation ${pct(b.cvTop1, 1)}, dev ${pct(b.devTop1, 1)}; thresholds ${JSON.stringify(b.thresholds)}`);
  console.log(`  ${line('cross-validation', b.cv)}`);
  console.log(`  ${line('dev', b.dev)}`);
}

// One process answering 250 questions a line each, as `npm run ask -- --json --file` does.
const pool = [...(evalSet('dev') ?? []), ...(evalSet('heldout') ?? [])].map((q) => q.q.replace(/[\r\n]+/g, ' '));
const lines = Array.from({ length: 250 }, (_, i) => pool[i % pool.length] ?? 'c koi le dume');
const dir = mkdtempSync(path.join(tmpdir(), 'ha30-ask-bench-'));
const file = path.join(dir, 'questions.txt');
writeFileSync(file, `${lines.join('\n')}\n`);
const cli = path.join(ROOT, 'dist/src/cli/ask.js');
const timed = (argv) => {
  const started = performance.now();
  const out = execFileSync(process.execPath, [cli, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, out };
};
try {
  const one = timed(['--json', 'c koi le dume ?']);
  const batch = timed(['--json', '--file', file]);
  const answers = JSON.parse(batch.out);
  console.log(`\nBatch CLI: ${answers.length} questions in one process ${(batch.ms / 1000).toFixed(2)} s wall (one question: ${(one.ms / 1000).toFixed(2)} s, so about ${((batch.ms - one.ms) / Math.max(1, answers.length - 1)).toFixed(1)} ms a question after start-up; target: 250 well under 10 s)`);
} catch (error) {
  console.log(`\nBatch CLI: not measured (${error.message.split('\n')[0]})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Machine: load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}, Node ${process.version}`);
