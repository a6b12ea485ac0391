#!/usr/bin/env node
// node bench/support/cpuProfileSummary.mjs <file.cpuprofile> [top=25] [filter] [--window=FROM-TO]
// Reads a V8 CPU profile (node --cpu-prof, or BENCH_CPU_PROF=dir for bench/chat.mjs) and prints the
// functions with the most self time, then the most inclusive time (whose frames contain `filter` if given),
// then self time by package with idle time and start-up (everything under the main module's first run) left out.
// --window=FROM-TO (monotonic µs, as bench/chatScript.mjs prints them) keeps only the samples taken between the two.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const windowArg = process.argv.find((arg) => arg.startsWith('--window='));
const [from, to] = windowArg ? windowArg.slice('--window='.length).split('-').map(Number) : [-Infinity, Infinity];
const [file, topArg, filter] = process.argv.slice(2).filter((arg) => !arg.startsWith('--window='));
if (!file) {
  process.stderr.write('usage: cpuProfileSummary.mjs <file.cpuprofile> [top] [filter]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

// Sample counts per node, weighted by the time delta that follows each sample.
const selfMicros = new Map();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from && at <= to) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^file:\/\//, '').split('node_modules/').pop().replace(path.resolve('.') + '/', '')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const inclusive = new Map();
for (const [id, micros] of selfMicros) {
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + micros);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const k = label(byId.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + micros);
  }
}
const pct = (micros) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
const print = (title, map) => {
  process.stdout.write(`${title}\n`);
  [...map].filter(([key]) => !filter || key.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([key, micros]) => process.stdout.write(`  ${pct(micros)}  ${key}\n`));
};
process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled\n`);
print('Self time', self);
print('Inclusive time', inclusive);

const isStartup = (id) => {
  for (let at = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at).callFrame.url.includes('run_main')) return true;
  return false;
};
const packageOf = (node) => {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName || '(native)';
  const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/dist/')) return `dist/${url.split('/dist/')[1].split('/').slice(0, 2).join('/')}`;
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url;
};
const byPackage = new Map();
let work = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  if (node.callFrame.functionName === '(idle)' || isStartup(id)) continue;
  work += micros;
  byPackage.set(packageOf(node), (byPackage.get(packageOf(node)) ?? 0) + micros);
}
process.stdout.write(`Self time by package, ${(work / 1000).toFixed(0)} ms of work after start-up\n`);
[...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([key, micros]) => process.stdout.write(`  ${((100 * micros) / work).toFixed(1).padStart(5)} %  ${key}\n`));
