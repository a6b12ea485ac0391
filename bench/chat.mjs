#!/usr/bin/env node
// npm run bench:chat (also part of npm run bench) — figures recorded in bench/RESULTS.md.
// Chat turns over HTTP: FAQ-style questions posted to the real bot's /api/messages (dist/src/index.js
// in a child process, anonymous mode: no Microsoft App ID, a temporary DATA_DIR, the embedded
// knowledge) with deliveryMode "expectReplies", so each HTTP 200 carries the bot's replies. Beside it,
// in the same run and with the same client code, a bare restify JSON echo (bench/support/echoServer.mjs)
// and the SDK floor: the same route and adapter with a turn that only echoes (bench/support/floorBot.mjs).
// 50 conversations at once, each posting its next question as soon as it has its answer; a warm-up
// first (not counted), then rounds in which the three take turns, so that a change of machine load hits all.
// A turn counts only if the reply really holds a bot message (not the turn-error apology);
// anything else is an error, and errors make the exit code non-zero. Missed targets do not.
//
// Environment: BENCH_CHAT_CONVERSATIONS (50), BENCH_CHAT_SECONDS per round (5), BENCH_CHAT_ROUNDS (3),
// BENCH_CHAT_WARMUP_SECONDS (3), BENCH_CHAT_LOG_LEVEL (the bot's LOG_LEVEL, default info as in
// production: one log line per turn), BENCH_CPU_PROF=<dir> (the bot writes a .cpuprofile there on exit),
// BENCH_CHAT_NODE_FLAGS (extra node flags for the bot process, e.g. "--max-semi-space-size=32").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './support/children.mjs';
import { CHAT_QUESTIONS } from './support/chatQuestions.mjs';
import { drive, jsonClient, summarise } from './support/turnLoad.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONVERSATIONS = Number(process.env.BENCH_CHAT_CONVERSATIONS ?? 50);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_CHAT_ROUNDS ?? 3);
const WARMUP_SECONDS = Number(process.env.BENCH_CHAT_WARMUP_SECONDS ?? 3);
const ALONE_SECONDS = 2;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

const messages = JSON.parse(readFileSync(path.join(root, 'knowledge/messages.json'), 'utf8')).messages;
const TURN_ERROR_TEXT = messages['error.generic'];

const machineLoad = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((value) => value.toFixed(2)).join(', ')}`;
  }
};

/** What a conversation posts: a message as the Emulator sends it, asking for the replies in the response. */
function activity(c, text, type = 'message') {
  const user = { id: `bench-user-${c}`, name: 'PME', role: 'user' };
  return {
    type,
    id: `bench-${c}-${Math.random().toString(36).slice(2, 10)}`,
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: `bench-chat-${c}` },
    from: user,
    recipient: { id: 'bot', name: 'HA30', role: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...(type === 'message' ? { text } : { membersAdded: [user] }),
  };
}

/** The first thing the user would read: the first message's text, else its card's first text block. */
function firstReading(reply) {
  if (reply.text) return reply.text;
  const body = reply.attachments?.[0]?.content?.body;
  const block = Array.isArray(body) ? body.find((element) => element.type === 'TextBlock' && element.text) : undefined;
  return block ? `[carte] ${block.text}` : `[${reply.attachments?.[0]?.contentType ?? 'sans texte'}]`;
}

/** A real answer: HTTP 200 whose body holds at least one bot message with something to read, and not the turn-error apology. */
function checkBot(status, text, sent) {
  if (status !== 200) return { error: `HTTP ${status}: ${text.slice(0, 200)}` };
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: `HTTP 200 with a body that is not JSON: ${text.slice(0, 200)}` };
  }
  const replies = (Array.isArray(body?.activities) ? body.activities : []).filter((reply) => reply.type === 'message' && (reply.text || reply.attachments?.length));
  if (replies.length === 0) return { error: `HTTP 200 without any bot message: ${text.slice(0, 200)}` };
  if (replies.some((reply) => reply.text === TURN_ERROR_TEXT)) return { error: 'the turn failed (the bot sent its error.generic apology)' };
  if (replies.some((reply) => reply.conversation?.id !== sent.conversation.id)) return { error: 'a reply addressed to another conversation' };
  return { label: firstReading(replies[0]) };
}

function checkEcho(status, text, sent) {
  if (status !== 200) return { error: `HTTP ${status}: ${text.slice(0, 200)}` };
  try {
    const body = JSON.parse(text);
    return body.id === sent.id && body.text === sent.text ? { label: 'echo' } : { error: 'the echo sent back something else' };
  } catch {
    return { error: `echo body not JSON: ${text.slice(0, 200)}` };
  }
}

const ms = (value) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
const us = (value) => (value === undefined ? '—' : `${(value * 1000).toFixed(0)} µs`);
const short = (text, length = 90) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-chat-'));
const children = [];
let failed = false;
try {
  const loadBefore = machineLoad();
  const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  const flags = (process.env.BENCH_CHAT_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const bot = await startChild('bot', [...flags, ...profiling, path.join(root, 'dist/src/index.js')], {
    cwd: root,
    logFile: path.join(dir, 'bot.log'),
    // Anonymous mode whatever the shell or a .env holds: process.loadEnvFile never overrides a variable that is set.
    env: { HOST: '127.0.0.1', PORT: '0', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: process.env.BENCH_CHAT_LOG_LEVEL ?? 'info', MicrosoftAppId: '', MicrosoftAppPassword: '' },
  });
  children.push(bot);
  const echo = await startChild('echo', [path.join(root, 'bench/support/echoServer.mjs')], { cwd: root, logFile: path.join(dir, 'echo.log'), env: {} });
  children.push(echo);
  const floor = await startChild('floor', [path.join(root, 'bench/support/floorBot.mjs')], { cwd: root, logFile: path.join(dir, 'floor.log'), env: {} });
  children.push(floor);
  if (bot.line.mode && !/anonyme/.test(bot.line.mode)) throw new Error(`the bot is not in anonymous mode: ${bot.line.mode}`);

  const targets = {
    echo: { name: 'bare restify JSON echo', pid: echo.pid, url: `${echo.url}/echo`, check: checkEcho },
    floor: { name: 'SDK floor: CloudAdapter, one-line reply, no state', pid: floor.pid, url: `${floor.url}/api/messages`, check: checkBot },
    bot: { name: 'bot, /api/messages expectReplies', pid: bot.pid, url: `${bot.url}/api/messages`, check: checkBot },
  };

  // Who answers what, once per question in a fresh conversation: today's placeholder or the FAQ.
  const setup = jsonClient(targets.bot.url, 1);
  const answeredBy = new Map();
  for (const [i, question] of CHAT_QUESTIONS.entries()) {
    const sent = activity(`probe-${i}`, question);
    const { status, text } = await setup.post(sent);
    const verdict = checkBot(status, text, sent);
    if (verdict.error) throw new Error(`« ${question} »: ${verdict.error}`);
    answeredBy.set(verdict.label, [...(answeredBy.get(verdict.label) ?? []), question]);
  }

  // Each conversation joins (the welcome card, as Web Chat does), then goes through the questions from its own starting point.
  const turnOf = new Array(CONVERSATIONS).fill(0);
  const next = (c) => activity(c, CHAT_QUESTIONS[(c * 7 + turnOf[c]++) % CHAT_QUESTIONS.length]);
  for (let c = 0; c < CONVERSATIONS; c++) {
    const joined = activity(c, undefined, 'conversationUpdate');
    const { status, text } = await setup.post(joined);
    const verdict = checkBot(status, text, joined);
    if (verdict.error) throw new Error(`conversationUpdate: ${verdict.error}`);
  }
  setup.close();
  const labels = new Map();
  const countLabel = (_sent, label) => labels.set(label, (labels.get(label) ?? 0) + 1);
  for (const target of Object.values(targets)) {
    const warm = await drive(target, { conversations: CONVERSATIONS, seconds: WARMUP_SECONDS, next });
    if (warm.errors.length) throw new Error(`${target.name}, warm-up: ${warm.errors.length} errors, first: ${warm.errors[0]}`);
  }
  const phases = { echo: [], floor: [], bot: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of Object.keys(phases)) phases[key].push(await drive(targets[key], { conversations: CONVERSATIONS, seconds: SECONDS, next, onAnswer: key === 'bot' ? countLabel : undefined }));
  }
  // One conversation alone: the time a turn takes when it does not queue behind 49 others.
  const alone = summarise([await drive(targets.bot, { conversations: 1, seconds: ALONE_SECONDS, next })]);
  const loadAfter = machineLoad();
  const result = Object.fromEntries(Object.entries(phases).map(([key, list]) => [key, summarise(list)]));

  const ratio = result.bot.perSecond / result.echo.perSecond;
  const row = (target, r) =>
    `| ${target.name} | ${r.turns} | ${r.perSecond.toFixed(0)} (${r.perRound.map((value) => value.toFixed(0)).join(' / ')}) | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${us(r.serverCpuPerTurn)} | ${r.serverCores === undefined ? '—' : r.serverCores.toFixed(2)} | ${us(r.clientCpuPerTurn)} | ${r.errors.length} |`;
  const verdict = (met) => (met ? 'met' : 'MISSED');
  const lines = [
    `Chat turns: ${CHAT_QUESTIONS.length} FAQ-style questions posted to /api/messages (deliveryMode expectReplies, anonymous mode, LOG_LEVEL ${process.env.BENCH_CHAT_LOG_LEVEL ?? 'info'}), ${CONVERSATIONS} conversations at once over keep-alive connections, ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} rounds of ${SECONDS} s per target, the three taking turns`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; bot start-up ${ms(bot.startMs)}`,
    `  before: ${loadBefore}`,
    `  after:  ${loadAfter}`,
    '',
    '| target | turns | turns/s (per round) | p50 | p99 | max | server CPU per turn | server cores busy | client CPU per turn | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...Object.keys(result).map((key) => row(targets[key], result[key])),
    '',
    `Throughput ratio bot / echo: ${ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}: ${verdict(ratio >= TARGET_RATIO)}); bot p99 ${ms(result.bot.p99)} (target ≤ ${TARGET_P99_MS} ms: ${verdict(result.bot.p99 <= TARGET_P99_MS)})`,
    `Bot with one conversation alone (${ALONE_SECONDS} s, ${alone.turns} turns): p50 ${ms(alone.p50)}, p99 ${ms(alone.p99)}, server CPU per turn ${us(alone.serverCpuPerTurn)}${alone.errors.length ? `, ${alone.errors.length} ERRORS` : ''}`,
    `For scale: SDK floor / echo ${(result.floor.perSecond / result.echo.perSecond).toFixed(3)}, bot / SDK floor ${(result.bot.perSecond / result.floor.perSecond).toFixed(3)}; server CPU per turn: echo ${us(result.echo.serverCpuPerTurn)}, SDK floor ${us(result.floor.serverCpuPerTurn)}, bot ${us(result.bot.serverCpuPerTurn)}`,
    `Who answered (first reply of each question, asked once in a fresh conversation): ${answeredBy.size} different first replies`,
    ...[...answeredBy].sort((a, b) => b[1].length - a[1].length).map(([label, questions]) => `  ${String(questions.length).padStart(2)} × « ${short(label)} » (e.g. « ${questions[0]} »)`),
    `During the load: ${labels.size} different first replies over ${result.bot.turns} turns; most frequent: ${[...labels].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([label, count]) => `${((100 * count) / result.bot.turns).toFixed(0)} % « ${short(label, 60)} »`).join(', ')}`,
  ];
  for (const [key, r] of [...Object.entries(result), ['bot', alone]]) {
    if (r.errors.length) {
      failed = true;
      lines.push(`ERRORS (${targets[key].name}): ${r.errors.length}, first: ${r.errors[0]}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`bench:chat failed: ${error.stack ?? error}\n`);
  for (const child of children) process.stderr.write(`--- ${child.name} output (end) ---\n${child.output().slice(-3000)}\n`);
} finally {
  for (const child of children) {
    const code = await child.stop();
    if (code !== 0 && code !== 'SIGTERM') {
      failed = true;
      process.stderr.write(`${child.name} exited with ${code}:\n${child.output().slice(-3000)}\n`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
