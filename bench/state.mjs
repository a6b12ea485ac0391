#!/usr/bin/env node
// npm run bench:state (also run by npm run bench) — figures recorded in bench/RESULTS.md.
// The conversation-state store with 10,000 stored conversations:
// 1. the state of a real conversation (taken from the running bot), padded to a heavier record;
// 2. 10,000 such conversations in DATA_DIR: file sizes, time to open;
// 3. turns saving (read, change, write) at a steady rate and flat out: save latency p50/p99/max,
//    event-loop delay, serialisation time of one shard snapshot against the old single file;
// 4. the real process (dist/src/index.js) on that DATA_DIR: HTTP turn latency under load, then
//    SIGTERM during the load and the time to exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startApp } = require(path.join(root, 'dist/src/app.js'));
const { loadConfig } = require(path.join(root, 'dist/src/config.js'));
const { createLogger } = require(path.join(root, 'dist/src/logger.js'));
const { Database, DEFAULT_SHARDS, shardIndex } = require(path.join(root, 'dist/src/store/database.js'));
const { StateStore } = require(path.join(root, 'dist/src/store/StateStore.js'));

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const PAD_BYTES = Number(process.env.BENCH_PAD_BYTES ?? 2_000);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(2)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function post(url, conversation, text) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9', conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies' }),
  });
}

/** 1. The stored state of a conversation half-way through a dossier check, from the real bot. */
async function realRecord() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-state-probe-'));
  try {
    const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir }), createLogger('silent'));
    for (const text of ['je veux vérifier mon dossier', 'je suis retenu', 'travaux']) await (await post(app.url, 'probe', text)).text();
    await app.stop();
    const db = await Database.open(dir);
    const [key] = [...db.stateByRecency()][0];
    return db.getState(key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function filesSize(dir) {
  const sizes = readdirSync(dir).filter((name) => /\.(json|log)$/.test(name)).map((name) => statSync(path.join(dir, name)).size);
  return { total: sizes.reduce((a, b) => a + b, 0), max: Math.max(...sizes), count: sizes.length };
}

async function fill(dir, template) {
  const db = await Database.open(dir);
  const store = new StateStore(db, { maxConversations: CONVERSATIONS * 2 });
  for (let start = 0; start < CONVERSATIONS; start += 1000) {
    const batch = {};
    for (let i = start; i < Math.min(CONVERSATIONS, start + 1000); i++) batch[`webchat/conversations/bench-${i}/`] = { ...template, eTag: '*' };
    await store.write(batch);
  }
  await db.flush();
}

/**
 * 3. Turns against the store in this process: read, change, write one conversation, either at a
 * steady rate (open loop: `rate` saves per second) or as fast as `concurrency` turns can go.
 */
async function saves(store, db, { rate, concurrency, turns }) {
  const latencies = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const writesBefore = db.fileWrites;
  let next = 0;
  const once = async (n) => {
    const key = `webchat/conversations/bench-${(n * 7919) % CONVERSATIONS}/`;
    const item = (await store.read([key]))[key];
    item.turns = (item.turns ?? 0) + 1;
    const began = performance.now();
    await store.write({ [key]: item });
    latencies.push(performance.now() - began);
  };
  delay.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  if (rate) {
    const pending = [];
    for (let n = 0; n < turns; n++) {
      const wait = start + (n * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(once(n));
    }
    await Promise.all(pending);
  } else {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < turns) await once(next++);
    }));
  }
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  delay.disable();
  // CPU time of the whole process (all threads) per save: unlike wall-clock tails, not inflated by
  // other processes taking the cores.
  return { latencies, elapsed, writes: db.fileWrites - writesBefore, delay, cpuPerSaveMs: (used.user + used.system) / 1000 / turns };
}

/** The blocking part of a snapshot write (serialising one shard) against the old whole-file write. */
function serialisation(db) {
  const byShard = new Map();
  for (const [key, savedAt] of db.stateByRecency()) {
    const index = shardIndex(key, DEFAULT_SHARDS);
    if (!byShard.has(index)) byShard.set(index, { botState: {}, botStateSavedAt: {} });
    byShard.get(index).botState[key] = db.getState(key);
    byShard.get(index).botStateSavedAt[key] = savedAt;
  }
  const shard = [];
  for (const data of byShard.values()) {
    const began = performance.now();
    JSON.stringify(data);
    shard.push(performance.now() - began);
  }
  const everything = { botState: Object.fromEntries([...db.stateByRecency()].map(([key]) => [key, db.getState(key)])) };
  const whole = [];
  for (let i = 0; i < 5; i++) {
    const began = performance.now();
    JSON.stringify(everything, null, 2);
    whole.push(performance.now() - began);
  }
  return { shard, whole, wholeBytes: Buffer.byteLength(JSON.stringify(everything, null, 2)) };
}

/** 4. The real process on the same DATA_DIR: HTTP turns under load, then SIGTERM in the middle of it. */
async function process4(dir) {
  const port = 39_000 + Math.floor(Math.random() * 900);
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist/src/index.js')], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn' }, cwd: root });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const startedAt = performance.now();
  while (!output.includes('Assistant HA30 prêt')) {
    if (performance.now() - startedAt > 60_000) throw new Error(`not started: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - startedAt;
  const url = `http://127.0.0.1:${port}`;
  const latencies = [];
  let failures = 0;
  let stopped = false;
  let n = 0;
  const user = async () => {
    while (!stopped) {
      const conversation = `bench-${(n++ * 7919) % CONVERSATIONS}`;
      const began = performance.now();
      try {
        const response = await post(url, conversation, n % 2 ? 'bonjour' : 'je veux vérifier mon dossier');
        await response.text();
        if (response.status === 200) latencies.push(performance.now() - began);
        else failures++;
      } catch {
        failures++;
        if (stopped) return;
      }
    }
  };
  const users = Array.from({ length: 20 }, user);
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const sigtermAt = performance.now();
  const turnsBefore = latencies.length;
  child.kill('SIGTERM');
  const code = await exited;
  const sigtermMs = performance.now() - sigtermAt;
  stopped = true;
  await Promise.allSettled(users);
  return { startMs, latencies: latencies.slice(0, turnsBefore), sigtermMs, code, failures };
}

const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-state-'));
const loadBefore = loadavg()[0];
try {
  const real = await realRecord();
  const template = { ...real, lastCheckContext: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', note: 'x'.repeat(PAD_BYTES) } };
  const recordBytes = Buffer.byteLength(JSON.stringify(template));
  await fill(dir, template);
  const files = filesSize(path.join(dir, 'state'));
  const opened = performance.now();
  const db = await Database.open(dir);
  const openMs = performance.now() - opened;
  const store = new StateStore(db, { maxConversations: CONVERSATIONS * 2 });
  const runs = [
    [`steady 200 saves/s for 10 s (≈ the issue's traffic: 3,000 conversations in 23 s)`, await saves(store, db, { rate: 200, turns: 2_000 })],
    [`steady 1,000 saves/s for 5 s`, await saves(store, db, { rate: 1_000, turns: 5_000 })],
    [`flat out, ${CONCURRENCY} turns at once, ${TURNS} saves`, await saves(store, db, { concurrency: CONCURRENCY, turns: TURNS })],
  ];
  const ser = serialisation(db);
  await db.flush();
  const p = await process4(dir);
  const after = filesSize(path.join(dir, 'state'));
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 1073741824)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (other processes share the cores: latencies' tails include their preemption)`,
    `State store: ${CONVERSATIONS} stored conversations of ${recordBytes} bytes each (a real dialog state of ${Buffer.byteLength(JSON.stringify(real))} bytes, padded), ${DEFAULT_SHARDS} shards`,
    `  files after filling: ${files.count} files, ${mb(files.total)} in all, largest ${kb(files.max)}; the old single indented file: ${mb(ser.wholeBytes)}`,
    `  open (read and fold every shard, index): ${ms(openMs)}`,
    ...runs.flatMap(([label, r]) => [
      `Saves (read → change → write), ${label}:`,
      `  save latency p50 ${ms(quantile(r.latencies, 0.5))}, p99 ${ms(quantile(r.latencies, 0.99))}, max ${ms(Math.max(...r.latencies))} (target p99 ≤ 20 ms); ${r.writes} file writes for ${r.latencies.length} saves; ${(r.latencies.length / (r.elapsed / 1000)).toFixed(0)} saves/s`,
      `  event-loop delay p99 ${ms(r.delay.percentile(99) / 1e6)}, max ${ms(r.delay.max / 1e6)}; CPU per save (process, all threads) ${ms(r.cpuPerSaveMs)}`,
    ]),
    `Blocking per snapshot write (serialising one shard): median ${ms(quantile(ser.shard, 0.5))}, max ${ms(Math.max(...ser.shard))}; a log append serialises one record; the old whole-file write serialised ${ms(quantile(ser.whole, 0.5))}`,
    `Real process (dist/src/index.js) on that DATA_DIR, 20 clients posting turns over HTTP for 8 s:`,
    `  start-up until "prêt": ${ms(p.startMs)}`,
    `  HTTP turn latency: ${p.latencies.length} turns (${p.failures} refused or failed), p50 ${ms(quantile(p.latencies, 0.5))}, p99 ${ms(quantile(p.latencies, 0.99))}, max ${ms(Math.max(...p.latencies))}`,
    `  SIGTERM during the load → exit code ${p.code} after ${ms(p.sigtermMs)} (target ≤ 10 s); state files afterwards ${mb(after.total)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
