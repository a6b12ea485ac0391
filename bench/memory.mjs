#!/usr/bin/env node
// npm run bench (after bench/run.mjs), or alone: node bench/memory.mjs — figures in bench/RESULTS.md.
// Memory of the check on resource bombs (test/fixtures/bombs.ts): each bomb is written to a
// temporary folder and checked by `node dist/src/cli/check.js --json` (what `npm run check` runs)
// as a child process. Its process tree (the CLI and whatever it starts: pdf.js child, pdftoppm,
// tesseract) is sampled every 10 ms in /proc: peak of the tree's summed RSS, the largest VmHWM
// (peak RSS) of any one process, wall time, and what the report said about the file.
// Then the server's side: one process runs checkDossier on every bomb in turn, and its RSS is
// read before, at the worst moment and after (the target: back near the baseline).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOMBS } from '../test/fixtures/bombs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

function status(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

function tree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return pids;
}

function runCli(file) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist/src/cli/check.js'), '--json', '--date', '2026-11-20', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    let peakTree = 0;
    const hwm = new Map();
    const sample = () => {
      let sum = 0;
      for (const pid of tree(child.pid)) {
        const s = status(pid);
        if (!s) continue;
        sum += s.rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, s.hwm));
      }
      peakTree = Math.max(peakTree, sum);
    };
    const timer = setInterval(sample, 10);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      let verdict = `exit ${code}`;
      try {
        const report = JSON.parse(stdout);
        const finding = report.findings.find((f) => f.file === path.basename(file) && f.rule === 'FILE_CORRUPTED_OR_UNREADABLE');
        const doc = report.documents[0];
        verdict = finding ? finding.message.replace(/^.*» /, '').slice(0, 60) : `lu (${doc?.pages ?? '?'} p., ${doc?.type})`;
      } catch {
        // Not a JSON report: the exit code says it.
      }
      resolve({ peakTree, peakProcess: Math.max(0, ...hwm.values()), seconds, verdict });
    });
  });
}

async function serverSide(files) {
  // In-process, as the chat server does it: the same module graph, one dossier after another.
  const script = `
    const { checkDossier, DEFAULT_LIMITS } = require(${JSON.stringify(path.join(root, 'dist/src/bidcheck/index.js'))});
    const { loadKnowledge } = require(${JSON.stringify(path.join(root, 'dist/src/loadKnowledge.js'))});
    const fs = require('node:fs');
    const knowledge = loadKnowledge(${JSON.stringify(path.join(root, 'knowledge'))});
    const files = ${JSON.stringify(files)};
    const rss = () => process.memoryUsage().rss;
    (async () => {
      const warm = [{ name: 'a.txt', bytes: Buffer.from('Mémoire technique') }];
      await checkDossier(warm, {}, knowledge, { limits: DEFAULT_LIMITS });
      global.gc?.();
      const before = rss();
      let peak = before;
      const timer = setInterval(() => { peak = Math.max(peak, rss()); }, 10);
      for (const file of files) await checkDossier([{ name: file.split('/').pop(), bytes: fs.readFileSync(file) }], {}, knowledge, { limits: DEFAULT_LIMITS });
      clearInterval(timer);
      global.gc?.();
      await new Promise((r) => setTimeout(r, 500));
      global.gc?.();
      process.stdout.write(JSON.stringify({ before, peak: Math.max(peak, rss()), after: rss(), hwm: process.resourceUsage().maxRSS * 1024 }));
      process.exit(0);
    })();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', () => resolve(JSON.parse(out || '{}')));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bombs-'));
try {
  const files = [];
  for (const [name, make] of Object.entries(BOMBS)) {
    const file = path.join(dir, name);
    writeFileSync(file, make());
    files.push(file);
  }
  console.log('\nMémoire sur des fichiers piégés (npm run check sur un seul fichier)');
  console.log(`  ${'fichier'.padEnd(18)} ${'taille'.padStart(8)} ${'pic arbre'.padStart(10)} ${'pic proc.'.padStart(10)} ${'durée'.padStart(7)}  verdict`);
  let worst = 0;
  for (const file of files) {
    const result = await runCli(file);
    worst = Math.max(worst, result.peakTree);
    const size = `${Math.round(readFileSync(file).length / 1024)} Ko`;
    console.log(`  ${path.basename(file).padEnd(18)} ${size.padStart(8)} ${`${Math.round(result.peakTree / MB)} Mo`.padStart(10)} ${`${Math.round(result.peakProcess / MB)} Mo`.padStart(10)} ${`${result.seconds.toFixed(1)} s`.padStart(7)}  ${result.verdict}`);
  }
  console.log(`  pire pic (arbre de processus) : ${Math.round(worst / MB)} Mo`);
  const server = await serverSide(files);
  console.log(`  serveur (tous les fichiers à la suite, en processus) : RSS avant ${Math.round(server.before / MB)} Mo, pic ${Math.round(server.peak / MB)} Mo (VmHWM ${Math.round(server.hwm / MB)} Mo), après ${Math.round(server.after / MB)} Mo`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
