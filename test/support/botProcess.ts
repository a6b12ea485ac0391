import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './waitFor';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'dist/src/index.js');

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr interleaved. */
  output(): string;
  exited: Promise<number | null>;
}

export interface RunningBot extends BotProcess {
  /** Where it listens, read from its "started" log line (it was given port 0: a free one). */
  url: string;
}

/** Runs the compiled bot (dist/, built by the jest global setup) as `npm start` does, on port 0 unless `env` says otherwise. */
export function spawnBot(env: Record<string, string>): BotProcess {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run the tests with npm test (its global setup builds dist/)`);
  let output = '';
  const shared = process.env.FAQ_CACHE_DIR ? { FAQ_CACHE_DIR: process.env.FAQ_CACHE_DIR } : {};
  const child = spawn(process.execPath, [ENTRY], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...shared, ...env }, cwd: ROOT });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the bot and waits for its "started" line (generously: CI machines can be loaded); throws with its output if it exits or stays silent. */
export async function startBot(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningBot> {
  const bot = spawnBot(env);
  let exitCode: number | null | undefined;
  void bot.exited.then((code) => (exitCode = code));
  await waitFor('the bot process to log "started"', () => /"event":"started"/.test(bot.output()) || exitCode !== undefined, { timeoutMs, context: bot.output });
  const url = /"event":"started"[^\n]*"url":"([^"]+)"|"url":"([^"]+)"[^\n]*"event":"started"/.exec(bot.output());
  if (exitCode !== undefined || !url) {
    bot.child.kill('SIGKILL');
    throw new Error(`the bot process did not start (exit ${exitCode}):\n${bot.output()}`);
  }
  return { ...bot, url: (url[1] ?? url[2])!.replace('localhost', '127.0.0.1') };
}
