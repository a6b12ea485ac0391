#!/usr/bin/env node
// npm run bench:chat-script — the CPU cost of a chat turn, measured so that a busy machine does not
// blur it (figures in bench/RESULTS.md). The real bot (dist/src/index.js, anonymous mode, temporary
// DATA_DIR, embedded knowledge, LOG_LEVEL info) answers a fixed script over its HTTP door, one turn
// at a time: conversations that greet, ask FAQ questions with typos, search tenders (profile answers
// included), start a bid check without files and ask a question while it waits. Warm-up passes (JIT,
// lazy loading, regular expressions) are not counted; the measured passes use other conversations, whose
// FAQ questions carry other typos (drawn from a seeded generator), so a cache keyed by text gains nothing
// it would not gain in production from the same question typed the same way.
//
// Two figures per run:
// - CPU per turn of the bot process (user + system, from /proc), over BENCH_SCRIPT_PASSES measured passes;
// - with BENCH_CALLGRIND=1, the bot runs under `valgrind --tool=callgrind` with instrumentation off until
//   the measured pass, and the script prints the instructions executed per turn (Ir): the same figure
//   whatever else the machine is doing, for before/after comparisons of one change.
// Environment: BENCH_SCRIPT_CONVERSATIONS (conversations per pass, 12), BENCH_SCRIPT_PASSES (measured
// passes, 3; 1 under callgrind), BENCH_SCRIPT_WARMUP_PASSES (3), BENCH_SCRIPT_VERBOSE=1 (print each turn's first reply),
// BENCH_CPU_PROF=<dir> (the bot writes a .cpuprofile there on exit), BENCH_BOT_ENTRY (the bot's entry file,
// dist/src/index.js; a copy of dist/ elsewhere under the project, e.g. scratch/, runs an earlier build),
// BENCH_CALLGRIND_KEEP=<file> (keeps the callgrind dump of the measured turns, for callgrind_annotate),
// BENCH_SCRIPT_LOG=<file> (keeps the bot's output), BENCH_SCRIPT_REPLIES=<file> (writes every turn's text and first reply there, to compare two builds' answers),
// BENCH_SCRIPT_NODE_FLAGS (the bot's node flags; under callgrind by default V8 works on one thread, with a
// fixed GC schedule and random seed, so that two runs of the same build count nearly the same instructions).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMsOf, startChild } from './support/children.mjs';
import { CHAT_QUESTIONS } from './support/chatQuestions.mjs';
import { jsonClient } from './support/turnLoad.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CALLGRIND = process.env.BENCH_CALLGRIND === '1';
const CONVERSATIONS = Number(process.env.BENCH_SCRIPT_CONVERSATIONS ?? 12);
const PASSES = Number(process.env.BENCH_SCRIPT_PASSES ?? (CALLGRIND ? 1 : 3));
const VERBOSE = process.env.BENCH_SCRIPT_VERBOSE === '1';
// Three passes, so that every path has run at least twice before the count starts: V8 compiles a
// regular expression to bytecode at its first use and to machine code at its second, and the
// privacy scrubber's expressions cost ~9 M instructions each to compile — once per process.
const WARMUP_PASSES = Number(process.env.BENCH_SCRIPT_WARMUP_PASSES ?? 3);

const messages = JSON.parse(readFileSync(path.join(root, 'knowledge/messages.json'), 'utf8')).messages;
const TURN_ERROR_TEXT = messages['error.generic'];

/** A small seeded generator (mulberry32): the same typos at every run. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typo in one word of five letters or more (a letter dropped, doubled or two swapped), as on a phone. */
function typo(text, random) {
  const words = text.split(' ');
  const long = words.map((word, i) => [word, i]).filter(([word]) => /^[a-zà-ÿ]{5,}$/i.test(word));
  if (long.length === 0) return text;
  const [word, i] = long[Math.floor(random() * long.length)];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  words[i] = kind === 0 ? word.slice(0, at) + word.slice(at + 1) : kind === 1 ? word.slice(0, at) + word[at] + word.slice(at) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

/**
 * Conversation c's turns: four kinds of conversation in turn, each with FAQ questions drawn for c.
 * null stands for the conversationUpdate Web Chat sends when the user joins.
 */
function conversationScript(c) {
  const random = generator(1000 + c);
  const question = () => typo(CHAT_QUESTIONS[Math.floor(random() * CHAT_QUESTIONS.length)], random);
  switch (c % 4) {
    case 0: // greeting, questions, thanks
      return [null, 'bonjour', question(), question(), 'merci', question()];
    case 1: // a tender search from a profile typed in one line, then paging and a question
      return [null, 'je suis plombier à Alès, 6 salariés, quels marchés pour moi ?', 'oui', 'aucune', 'travaux', 'plus de résultats', question()];
    case 2: // a tender search whose profile is asked for, answer by answer
      return [null, 'quels marchés pour moi', 'maçon', 'Nîmes', '3 salariés', 'travaux', question()];
    default: // a bid check started without files, a question while it waits, then back to it
      return [null, 'je veux vérifier mon dossier', question(), 'je prépare mon dépôt', '12/12/2026 à 12h', 'travaux', question(), 'au revoir'];
  }
}

function activity(c, text) {
  const user = { id: `script-user-${c}`, name: 'PME', role: 'user' };
  const type = text === null ? 'conversationUpdate' : 'message';
  return {
    type,
    id: `script-${c}-${Math.floor(generator(c)() * 1e9)}`,
    timestamp: '2026-12-02T08:00:00.000Z',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: `script-conversation-${c}` },
    from: user,
    recipient: { id: 'bot', name: 'HA30', role: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...(type === 'message' ? { text } : { membersAdded: [user] }),
  };
}

function firstReading(body) {
  const reply = (body.activities ?? []).find((a) => a.type === 'message' && (a.text || a.attachments?.length));
  if (!reply) return undefined;
  if (reply.text) return reply.text;
  const blocks = reply.attachments?.[0]?.content?.body;
  const block = Array.isArray(blocks) ? blocks.find((element) => element.type === 'TextBlock' && element.text) : undefined;
  return block ? `[carte] ${block.text}` : `[${reply.attachments?.[0]?.contentType}]`;
}

/** Runs conversations [from, from + count) one turn at a time; returns how many turns, and the replies. */
async function pass(client, from, count) {
  let turns = 0;
  const readings = [];
  for (let c = from; c < from + count; c++) {
    for (const text of conversationScript(c)) {
      const sent = activity(c, text);
      const { status, text: body } = await client.post(sent);
      if (status !== 200) throw new Error(`« ${text} »: HTTP ${status} ${body.slice(0, 200)}`);
      const reading = firstReading(JSON.parse(body));
      if (reading === undefined || reading === TURN_ERROR_TEXT) throw new Error(`« ${text} »: no answer (${body.slice(0, 200)})`);
      readings.push([text, reading]);
      if (VERBOSE) process.stdout.write(`  ${c} « ${text ?? '(joins)'} » → ${reading.replace(/\s+/g, ' ').slice(0, 110)}\n`);
      turns++;
    }
  }
  return { turns, readings };
}

// vgdb names its pipes after USER and HOST: callgrind_control must see the bot's environment (HOST is set there).
/** User and system CPU ms of a process, from /proc (clock ticks of 10 ms). */
function cpuSplitOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

const callgrindControl = (args, env) => execFileSync('callgrind_control', args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

/** Total Ir of the newest callgrind dump in dir (the one written by `callgrind_control -d`), copied to `keep` if given. */
function dumpedInstructions(dir, pid, keep) {
  const dumps = readdirSync(dir).filter((name) => name.startsWith(`callgrind.out.${pid}.`));
  if (dumps.length === 0) throw new Error('no callgrind dump');
  const newest = dumps.sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop())).at(-1);
  if (keep) copyFileSync(path.join(dir, newest), keep);
  const summary = /^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(dir, newest), 'utf8'));
  if (!summary) throw new Error(`no summary line in ${newest}`);
  return Number(summary[1]);
}

const dir = mkdtempSync(path.join(tmpdir(), 'ha30-bench-script-'));
let bot;
let failed = false;
try {
  const loadBefore = loadavg().map((value) => value.toFixed(2)).join(', ');
  const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  // No alerts poll: it is work per minute, not per turn, and under callgrind (~50 times slower) a varying
  // number of polls would land among the counted turns. The knowledge folder's poll (a stat per file
  // every 2 s) stays: it cannot be turned off, and costs ~1 ms a poll.
  const env = { HOST: '127.0.0.1', PORT: '0', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'info', ALERTS_POLL_SECONDS: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const flags = (process.env.BENCH_SCRIPT_NODE_FLAGS ?? (CALLGRIND ? '--single-threaded --predictable-gc-schedule --random-seed=1' : '')).split(' ').filter(Boolean);
  const script = [...flags, ...profiling, path.resolve(root, process.env.BENCH_BOT_ENTRY ?? 'dist/src/index.js')];
  bot = CALLGRIND
    ? await startChild('bot', script, {
        cwd: root,
        logFile: path.join(dir, 'bot.log'),
        env,
        timeoutMs: 1_800_000,
        // The Debian wrapper script would stand between us and the pid callgrind_control talks to.
        command: ['valgrind.bin', ['--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${path.join(dir, 'callgrind.out.%p')}`, process.execPath]],
      })
    : await startChild('bot', script, { cwd: root, logFile: path.join(dir, 'bot.log'), env });
  const client = jsonClient(`${bot.url}/api/messages`, 1);
  const warm = await pass(client, 0, CONVERSATIONS * WARMUP_PASSES);
  if (CALLGRIND) callgrindControl(['-i', 'on', String(bot.pid)], env);
  const cpuBefore = cpuMsOf(bot.pid);
  const splitBefore = cpuSplitOf(bot.pid);
  // Monotonic µs, the clock of V8's profile timestamps: cpuProfileSummary.mjs --window keeps only these turns.
  const windowStart = process.hrtime.bigint() / 1000n;
  let turns = 0;
  const readings = [...warm.readings];
  for (let p = 1; p <= PASSES; p++) {
    const measured = await pass(client, (WARMUP_PASSES + p - 1) * CONVERSATIONS, CONVERSATIONS);
    turns += measured.turns;
    readings.push(...measured.readings);
  }
  const cpuMs = cpuMsOf(bot.pid) - cpuBefore;
  const splitAfter = cpuSplitOf(bot.pid);
  const windowEnd = process.hrtime.bigint() / 1000n;
  let instructions;
  if (CALLGRIND) {
    callgrindControl(['-d', String(bot.pid)], env);
    callgrindControl(['-i', 'off', String(bot.pid)], env);
    instructions = dumpedInstructions(dir, bot.pid, process.env.BENCH_CALLGRIND_KEEP);
  }
  client.close();
  if (process.env.BENCH_SCRIPT_REPLIES) writeFileSync(process.env.BENCH_SCRIPT_REPLIES, readings.map(([text, reading]) => `${text ?? '(joins)'}\t${reading}`).join('\n'));
  const distinct = new Set(warm.readings.map(([, reading]) => reading.slice(0, 60))).size;
  const lines = [
    `Chat script: ${turns} measured turns (${PASSES} × ${CONVERSATIONS} conversations, one turn at a time) after ${warm.turns} warm-up turns; ${distinct} different first replies in the warm-up`,
    `  load average before: ${loadBefore}; after: ${loadavg().map((value) => value.toFixed(2)).join(', ')}${CALLGRIND ? ' (under callgrind: CPU figures are valgrind\'s, not the bot\'s)' : ''}`,
    `  bot CPU per turn: ${((cpuMs * 1000) / turns).toFixed(0)} µs (${cpuMs.toFixed(0)} ms for ${turns} turns, 10 ms clock ticks; user ${(((splitAfter.user - splitBefore.user) * 1000) / turns).toFixed(0)} µs, system ${(((splitAfter.system - splitBefore.system) * 1000) / turns).toFixed(0)} µs)`,
    ...(profiling.length ? [`  profile of the measured turns: node bench/support/cpuProfileSummary.mjs <file> --window=${windowStart}-${windowEnd}`] : []),
    ...(instructions === undefined ? [] : [`  instructions per turn (callgrind Ir): ${(instructions / turns / 1e6).toFixed(2)} M (${(instructions / 1e6).toFixed(0)} M for ${turns} turns)`]),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`bench:chat-script failed: ${error.stack ?? error}\n`);
  if (bot) process.stderr.write(`--- bot output (end) ---\n${bot.output().slice(-3000)}\n`);
} finally {
  if (bot) {
    const code = await bot.stop();
    if (code !== 0 && code !== 'SIGTERM') {
      failed = true;
      process.stderr.write(`bot exited with ${code}:\n${bot.output().slice(-3000)}\n`);
    }
  }
  if (process.env.BENCH_SCRIPT_LOG && existsSync(path.join(dir, 'bot.log'))) copyFileSync(path.join(dir, 'bot.log'), process.env.BENCH_SCRIPT_LOG);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
