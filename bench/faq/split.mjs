#!/usr/bin/env node
// Splits bench/faq/pool.json into dev.json (40 %, may calibrate thresholds) and heldout.json (60 %, reports
// only). The split is stratified — per expected topic for "topic" questions, per kind otherwise — so every
// topic and every kind of refusal shows in both files, and seeded so anyone re-running it gets the same files.
//   node bench/faq/split.mjs            write dev.json and heldout.json, print the counts
//   node bench/faq/split.mjs --check    exit 1 if the committed files are not what the pool and seed give
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20261203;
const DEV_SHARE = 0.4;
const here = path.dirname(fileURLToPath(import.meta.url));
const KINDS = ['topic', 'offTopic', 'nearMiss', 'uncovered', 'garbage'];
// The stable IDs of bid-rules.md §3, copied here rather than read from knowledge/faq/topics/ so that this
// set stays independent of the training data it judges.
const TOPIC_IDS = new Set([
  'FAQ_WHAT_IS_DUME', 'FAQ_DC1_DC2_DC4', 'FAQ_MAPA_VS_FORMALISEE', 'FAQ_THRESHOLDS',
  'FAQ_SMALL_CONTRACTS_NO_TENDER', 'FAQ_WHERE_FIND_TENDERS', 'FAQ_SIGN_ELECTRONICALLY',
  'FAQ_MUST_SIGN_AT_DEPOSIT', 'FAQ_COPIE_SAUVEGARDE', 'FAQ_DEADLINE', 'FAQ_GROUPEMENT', 'FAQ_SOUS_TRAITANCE',
  'FAQ_DOCS_WHEN_WINNING', 'FAQ_URSSAF_VIGILANCE', 'FAQ_ATTESTATION_FISCALE', 'FAQ_KBIS_AGE',
  'FAQ_DITES_LE_NOUS_UNE_FOIS', 'FAQ_NEW_COMPANY', 'FAQ_QUALIBAT_EQUIVALENT', 'FAQ_INSURANCE', 'FAQ_AVANCE',
  'FAQ_PAYMENT_DELAYS', 'FAQ_CHORUS_PRO', 'FAQ_RETENUE_GARANTIE', 'FAQ_VARIANTES', 'FAQ_CRITERES_ATTRIBUTION',
  'FAQ_OFFRE_ANORMALEMENT_BASSE', 'FAQ_REGULARISATION', 'FAQ_REJECTION_REASONS', 'FAQ_REFERE_PRECONTRACTUEL',
  'FAQ_CLAUSES_SOCIALES_ENVIRONNEMENTALES', 'FAQ_MARCHES_RESERVES', 'FAQ_ALLOTISSEMENT',
  'FAQ_INTERDICTIONS_SOUMISSIONNER',
]);

function problemsOf(question, index) {
  const where = `pool.json question ${index} (${JSON.stringify(String(question.q).slice(0, 40))})`;
  const problems = [];
  if (typeof question.q !== 'string') problems.push(`${where}: q is not a string`);
  if (!KINDS.includes(question.kind)) problems.push(`${where}: unknown kind ${question.kind}`);
  const isTopic = question.kind === 'topic';
  if (isTopic && !TOPIC_IDS.has(question.expect)) problems.push(`${where}: a topic question needs a known expect`);
  if (!isTopic && question.expect !== null) problems.push(`${where}: a ${question.kind} question expects null`);
  if (question.accept !== undefined) {
    if (!isTopic) problems.push(`${where}: accept only goes with a topic question`);
    else if (!Array.isArray(question.accept) || question.accept.some((id) => !TOPIC_IDS.has(id) || id === question.expect)) {
      problems.push(`${where}: accept must list other known topic IDs`);
    }
  }
  const extra = Object.keys(question).filter((key) => !['q', 'expect', 'accept', 'kind'].includes(key));
  if (extra.length > 0) problems.push(`${where}: unexpected fields ${extra.join(', ')}`);
  return problems;
}

function validate(questions) {
  const problems = questions.flatMap(problemsOf);
  const seen = new Map();
  questions.forEach((question, index) => {
    const key = String(question.q).toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key) && question.kind !== 'garbage') problems.push(`pool.json questions ${seen.get(key)} and ${index} are the same`);
    seen.set(key, index);
  });
  return problems;
}

// Each question's place depends only on its own text and the seed (FNV-1a then a murmur3 finaliser), ranked
// inside its stratum: reordering the pool, or adding questions to another stratum, moves nothing.
function rankOf(text) {
  let hash = 0x811c9dc5;
  for (const char of `${SEED}:${text}`) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function split(questions) {
  const strata = new Map();
  questions.forEach((question, index) => {
    const key = question.kind === 'topic' ? question.expect : question.kind;
    if (!strata.has(key)) strata.set(key, []);
    strata.get(key).push(index);
  });
  const devIndexes = new Set();
  for (const indexes of strata.values()) {
    const ranked = [...indexes].sort((a, b) => rankOf(questions[a].q) - rankOf(questions[b].q) || a - b);
    ranked.slice(0, Math.round(ranked.length * DEV_SHARE)).forEach((index) => devIndexes.add(index));
  }
  // Pool order is kept inside each file so that a diff of the pool reads like a diff of the splits.
  return {
    dev: questions.filter((_, index) => devIndexes.has(index)),
    heldout: questions.filter((_, index) => !devIndexes.has(index)),
  };
}

function render(questions) {
  return `{ "questions": [\n${questions.map((question) => `  ${JSON.stringify(question)}`).join(',\n')}\n] }\n`;
}

function countsByKind(questions) {
  return Object.fromEntries(KINDS.map((kind) => [kind, questions.filter((question) => question.kind === kind).length]));
}

const pool = JSON.parse(readFileSync(path.join(here, 'pool.json'), 'utf8')).questions;
const problems = validate(pool);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const files = Object.entries(split(pool)).map(([name, questions]) => ({ file: path.join(here, `${name}.json`), name, questions }));
if (process.argv.includes('--check')) {
  const stale = files.filter(({ file, questions }) => {
    try {
      return readFileSync(file, 'utf8') !== render(questions);
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`out of date: ${stale.map(({ name }) => `${name}.json`).join(', ')} — run node bench/faq/split.mjs`);
    process.exit(1);
  }
  console.log('dev.json and heldout.json match pool.json and the seed');
} else {
  files.forEach(({ file, questions }) => writeFileSync(file, render(questions)));
}
for (const { name, questions } of [{ name: 'pool', questions: pool }, ...files]) {
  console.log(`${name.padEnd(8)} ${String(questions.length).padStart(4)}  ${JSON.stringify(countsByKind(questions))}`);
}
