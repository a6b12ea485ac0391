#!/usr/bin/env node
// npm run bench:knowledge — the live knowledge (issue 11): how long a change takes to be in service, and
// how long the chat's event loop is held meanwhile. On the real app (dist/), over a copy of knowledge/:
// - a text edited in messages.json (file watch → validate in the worker → swap);
// - a phrasing added to a FAQ topic (the same, plus the FAQ retrained in the worker);
// - an admin save through the editor (staging copy + validation on the main thread, then the reload).
// The event loop's longest stall while each change lands is what an SME's turn would wait at worst.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { startApp } = require(path.join(ROOT, 'dist/src/app.js'));
const { loadConfig } = require(path.join(ROOT, 'dist/src/config.js'));
const { createLogger } = require(path.join(ROOT, 'dist/src/logger.js'));

const RUNS = Number(process.env.RUNS ?? 3);
const root = mkdtempSync(path.join(tmpdir(), 'ha30-bench-knowledge-'));
const knowledgeDir = path.join(root, 'knowledge');
cpSync(path.join(ROOT, 'knowledge'), knowledgeDir, { recursive: true });

const started = performance.now();
const app = await startApp(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(root, 'data'), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' }, ROOT), createLogger('silent'));
const startMs = performance.now() - started;

const editJson = (file, edit) => {
  const full = path.join(knowledgeDir, file);
  const data = JSON.parse(readFileSync(full, 'utf8'));
  edit(data);
  writeFileSync(full, `${JSON.stringify(data, null, 2)}\n`);
};

/** Runs `change`, waits until a new version is in service; the wall time and the longest event-loop stall. */
async function measure(change) {
  const before = app.knowledge.status().version;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t0 = performance.now();
  await change();
  while (app.knowledge.status().version === before || app.knowledge.status().training) await new Promise((resolve) => setTimeout(resolve, 20));
  const ms = performance.now() - t0;
  delay.disable();
  return { ms, stallMs: delay.max / 1e6 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
async function scenario(name, change) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(() => change(i)));
  rows.push({ name, ms: median(runs.map((r) => r.ms)), worstMs: Math.max(...runs.map((r) => r.ms)), stallMs: Math.max(...runs.map((r) => r.stallMs)) });
}

await scenario('texte du chat (messages.json, fichier)', (i) => editJson('messages.json', (d) => (d.messages['welcome.title'] = `Bienvenue sur l'assistant HA30 (${i})`)));
await scenario('formulation FAQ (fichier, réentraînement)', (i) => editJson('faq/topics/FAQ_AVANCE.json', (d) => d.phrasings.push(`est-ce que je peux avoir une avance numero ${i + 1} sur mon marché`)));
await scenario('enregistrement admin (éditeur)', async (i) => {
  const read = app.editor.get('checkSettings', 'settings');
  await app.editor.update('checkSettings', 'settings', { ...read.record, lateWarningHours: 24 + i + 1 }, read.version, 'bench');
});

await app.stop();
rmSync(root, { recursive: true, force: true });

console.log(`Live knowledge — ${RUNS} runs each, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} (2 cores)`);
console.log(`App start (knowledge read + FAQ trained in the main thread): ${Math.round(startMs)} ms`);
console.log('change                                         in service (median / worst)   longest event-loop stall');
for (const row of rows) console.log(`${row.name.padEnd(46)} ${String(Math.round(row.ms)).padStart(6)} / ${String(Math.round(row.worstMs)).padStart(6)} ms        ${String(Math.round(row.stallMs)).padStart(6)} ms`);
