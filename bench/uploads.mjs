#!/usr/bin/env node
// npm run bench (part) — the upload scenario of the "doors" issue: twenty users upload a 40 MB file
// each at the same moment through the local Direct Line. Before: RSS 1.5 GB and 13 users told their
// file could not be fetched (the store evicted other people's files). Now: a memory budget
// (UPLOAD_MEMORY_MB) takes what fits, every other file is refused by name, nothing is evicted.
// Records how many were taken / refused, the server's peak RSS (VmHWM) and its RSS once the checks are over.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USERS = Number(process.env.BENCH_UPLOAD_USERS ?? 20);
const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 40);
const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-uploads-'));

const memory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const child = spawn(process.execPath, [path.join(root, 'dist/src/index.js')], {
  cwd: root,
  env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_CONVERSATIONS_PER_MINUTE: '1000', RATE_UPLOAD_MB_PER_MINUTE: '100000' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
let url;
for (let i = 0; i < 200 && !url; i++) {
  await sleep(100);
  url = /ouvrez (http:\/\/\S+) dans/.exec(output)?.[1]?.replace('localhost', '127.0.0.1');
}
if (!url) throw new Error(`server did not start:\n${output}`);
await sleep(500);
const baseline = memory(child.pid).rss;

const conversations = [];
for (let i = 0; i < USERS; i++) conversations.push(await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST' })).json());
const file = Buffer.alloc(FILE_MB * 1024 * 1024, 0x41);
const started = performance.now();
const statuses = await Promise.all(
  conversations.map(async ({ conversationId, token }) => {
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message' })], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([file], { type: 'text/plain' }), 'offre.txt');
    const response = await fetch(`${url}/v3/directline/conversations/${conversationId}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return response.status;
  }),
);
const uploadMs = performance.now() - started;
// Read what each user was told.
let taken = 0;
let refused = 0;
let silent = 0;
for (const { conversationId, token } of conversations) {
  let said = '';
  const done = () => /n'a pas été enregistré|Que souhaitez-vous faire maintenant/.test(said);
  for (let i = 0; i < 600 && !done(); i++) {
    const body = await (await fetch(`${url}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${token}` } })).json();
    said = body.activities.filter((a) => a.from?.role === 'bot').map((a) => a.text ?? '').join('\n');
    if (!done()) await sleep(100);
  }
  if (/J'ai bien reçu « offre\.txt »/.test(said)) taken++;
  else if (/« offre\.txt » n'a pas été enregistré/.test(said)) refused++;
  else silent++;
}
const checksMs = performance.now() - started;
await sleep(2000);
const after = memory(child.pid);
child.kill('SIGTERM');
await new Promise((resolve) => child.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });

process.stdout.write(
  [
    `Uploads: ${USERS} users × ${FILE_MB} MB at once through the local Direct Line (UPLOAD_MEMORY_MB default 600)`,
    `  HTTP statuses: ${[...new Set(statuses)].map((s) => `${s}×${statuses.filter((x) => x === s).length}`).join(', ')}; all uploads answered in ${(uploadMs / 1000).toFixed(1)} s`,
    `  told "bien reçu": ${taken}; refused by name with the reason: ${refused}; told nothing: ${silent}`,
    `  every check reported within ${(checksMs / 1000).toFixed(1)} s; server RSS: ${baseline.toFixed(0)} MB before, peak ${after.peak.toFixed(0)} MB, ${after.rss.toFixed(0)} MB 2 s after the last report`,
  ].join('\n') + '\n',
);
