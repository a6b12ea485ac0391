#!/usr/bin/env node
// npm run bench:precision — per-rule precision and recall of the bid check on the HELD-OUT
// dossiers of bench/dossiers/ (never tuned on: see the comment at the top of each data file).
// Batch 1 (correct.mjs, defects.mjs) is reported first, in its original shape; then batch 2
// (correct2.mjs, defects2.mjs, written after the fixes of 2026-12 and run once), then both together.
// Each dossier is built in memory, checked as of a fixed judging date, and its findings compared
// with what truly applies (`expected`). Figures recorded in bench/RESULTS.md.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildFile } from './dossiers/build.mjs';
import { CORRECT } from './dossiers/correct.mjs';
import { DEFECTS } from './dossiers/defects.mjs';
import { CORRECT2 } from './dossiers/correct2.mjs';
import { DEFECTS2 } from './dossiers/defects2.mjs';

// ---- The only place that knows the internal API (adapt here if checkDossier changes). ----
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { checkDossier, DEFAULT_LIMITS } = require(path.join(root, 'dist/src/bidcheck/index.js'));
const { loadKnowledge } = require(path.join(root, 'dist/src/loadKnowledge.js'));
const knowledge = loadKnowledge(path.join(root, 'knowledge'));
const JUDGED_ON = '2026-12-01';
async function check(files, context) {
  const report = await checkDossier(files, { ...context, referenceDate: JUDGED_ON }, knowledge, { referenceDate: JUDGED_ON, limits: DEFAULT_LIMITS });
  const findings = report.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, message: f.message ?? '' }));
  return { findings, documents: report.documents.map((d) => `${d.file}=${d.type}`) };
}
// -------------------------------------------------------------------------------------------

const BLOCKING = new Set(['ELIMINATORY', 'REGULARISABLE']);
const pct = (num, den) => (den === 0 ? '   —  ' : `${((100 * num) / den).toFixed(1).padStart(5)} %`);

/** Per-rule counts for one view: `pick` selects the findings and expectations the view judges. */
function score(results, pick) {
  const rules = new Map();
  const row = (rule) => rules.get(rule) ?? rules.set(rule, { tp: 0, fp: 0, fn: 0 }).get(rule);
  for (const { dossier, findings } of results) {
    const found = new Set(findings.filter(pick).map((f) => f.rule));
    const wanted = new Set(dossier.expected.filter(pick).map((e) => e.rule));
    for (const rule of found) row(rule)[wanted.has(rule) ? 'tp' : 'fp']++;
    for (const rule of wanted) if (!found.has(rule)) row(rule).fn++;
  }
  return rules;
}

function table(title, rules) {
  const lines = [title, `${'rule'.padEnd(42)}  TP  FP  FN  precision  recall`];
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [rule, r] of [...rules.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${rule.padEnd(42)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}   ${pct(r.tp, r.tp + r.fp)}  ${pct(r.tp, r.tp + r.fn)}`);
    total.tp += r.tp;
    total.fp += r.fp;
    total.fn += r.fn;
  }
  lines.push(`${'ALL'.padEnd(42)} ${String(total.tp).padStart(3)} ${String(total.fp).padStart(3)} ${String(total.fn).padStart(3)}   ${pct(total.tp, total.tp + total.fp)}  ${pct(total.tp, total.tp + total.fn)}`);
  return { text: lines.join('\n'), total };
}

/** Refuses a corpus that would make the figures meaningless (duplicate ids, unknown severities, a "correct" dossier expecting a blocking finding). */
function assertCorpus(dossiers) {
  const ids = new Set();
  for (const d of dossiers) {
    if (ids.has(d.id)) throw new Error(`duplicate dossier id ${d.id}`);
    ids.add(d.id);
    for (const e of d.expected) if (!['ELIMINATORY', 'REGULARISABLE', 'ADVICE'].includes(e.severity)) throw new Error(`${d.id}: unknown severity ${e.severity}`);
    if (d.correct && d.expected.some((e) => BLOCKING.has(e.severity))) throw new Error(`${d.id}: a correct dossier cannot expect a blocking finding`);
    if (!d.correct && d.expected.length === 0) throw new Error(`${d.id}: a defect dossier must name its defect`);
  }
}

/** Builds and checks every dossier of a batch; a dossier crashing the check counts its expectations as missed. */
async function run(dossiers) {
  const results = [];
  for (const dossier of dossiers) {
    const files = await Promise.all(dossier.documents.map(buildFile));
    let findings = [];
    let documents = [];
    try {
      ({ findings, documents } = await check(files, dossier.context));
    } catch (error) {
      // One dossier crashing the check is a result too: its expectations count as missed.
      console.log(`${dossier.id}: the check failed — ${error.stack ?? error}`);
      process.exitCode = 1;
    }
    if (process.env.BENCH_VERBOSE) console.log(`${dossier.id}: ${documents.join(', ')}\n  ${findings.map((f) => `${f.rule}/${f.severity}`).join(', ')}`);
    results.push({ dossier, findings });
  }
  return results;
}

/** Prints the tables, totals, severity mismatches, misses and false blocking findings of one set of results. */
function report(heading, results) {
  const blocking = table('Blocking findings (ELIMINATORY, REGULARISABLE) against the blocking expectations:', score(results, (f) => BLOCKING.has(f.severity)));
  const any = table('All findings, any severity, against every expectation (unlisted ADVICE counts as FP):', score(results, () => true));
  const wrongSeverity = results.flatMap(({ dossier, findings }) => dossier.expected.flatMap((e) => {
    const got = findings.find((f) => f.rule === e.rule);
    return got && got.severity !== e.severity ? [`  ${dossier.id}: ${e.rule} expected ${e.severity}, got ${got.severity}`] : [];
  }));
  const falseBlocking = results.flatMap(({ dossier, findings }) => findings
    .filter((f) => BLOCKING.has(f.severity) && !dossier.expected.some((e) => e.rule === f.rule && BLOCKING.has(e.severity)))
    .map((f) => ({ dossier: dossier.id, ...f })));
  const misses = results.flatMap(({ dossier, findings }) => dossier.expected
    .filter((e) => !findings.some((f) => f.rule === e.rule))
    .map((e) => `  ${dossier.id}: ${e.rule} (${e.severity}) not reported — ${dossier.defect ?? ''}`));
  const correct = results.filter((r) => r.dossier.correct);
  const correctWithFalseBlocking = correct.filter(({ dossier }) => falseBlocking.some((f) => f.dossier === dossier.id)).length;
  const defectsWithCollateral = results.filter((r) => !r.dossier.correct && falseBlocking.some((f) => f.dossier === r.dossier.id)).length;

  console.log(`${heading}: ${correct.length} correct dossiers, ${results.length - correct.length} with a planted defect, judged as of ${JUDGED_ON}`);
  console.log(`\n${blocking.text}\n\n${any.text}`);
  console.log(`\nBlocking precision ${pct(blocking.total.tp, blocking.total.tp + blocking.total.fp).trim()}, blocking recall ${pct(blocking.total.tp, blocking.total.tp + blocking.total.fn).trim()}; recall at any severity ${pct(any.total.tp, any.total.tp + any.total.fn).trim()}`);
  console.log(`Correct dossiers with at least one false blocking finding: ${correctWithFalseBlocking} / ${correct.length}`);
  console.log(`Defect dossiers with a false blocking finding beside the planted one: ${defectsWithCollateral} / ${results.length - correct.length}`);
  if (wrongSeverity.length) console.log(`\nFound with another severity than expected:\n${wrongSeverity.join('\n')}`);
  if (misses.length) console.log(`\nMissed:\n${misses.join('\n')}`);
  console.log(`\nFalse blocking findings (${falseBlocking.length}):`);
  for (const f of falseBlocking) console.log(`  ${f.dossier} · ${f.rule} (${f.severity})${f.file ? ` · ${f.file}` : ''}\n      ${String(f.message).replace(/\s+/g, ' ').slice(0, 220)}`);
}

const batch = (correct, defects) => [...correct.map((d) => ({ ...d, correct: true })), ...defects.map((d) => ({ ...d, correct: false }))];

async function main() {
  const first = batch(CORRECT, DEFECTS);
  const second = batch(CORRECT2, DEFECTS2);
  assertCorpus([...first, ...second]);
  const firstResults = await run(first);
  report('Held-out precision bench', firstResults);
  const secondResults = await run(second);
  console.log(`\n${'='.repeat(100)}\n`);
  report('Second held-out batch (written after the fixes, run once)', secondResults);
  console.log(`\n${'='.repeat(100)}\n`);
  report('Both held-out batches together', [...firstResults, ...secondResults]);
}

await main();
