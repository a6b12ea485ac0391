import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../../src/store/database';
import { StateStore } from '../../src/store/StateStore';

const CHILD = path.resolve(__dirname, '../support/stateWriterChild.cjs');
const SHARDS = 4;
const CYCLES = 8;

/** Runs the writing child on `dir` and kills it with SIGKILL a little after its `acks`-th acknowledged save. */
async function runAndKill(dir: string, generation: number, compactAfterBytes: number, acks: number, delayMs: number): Promise<Map<number, number>> {
  const child = spawn(process.execPath, [CHILD, dir, String(SHARDS), String(generation), String(compactAfterBytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if ((output.match(/^ack /gm) ?? []).length >= acks) setTimeout(resolve, delayMs);
    });
    // A child that stops by itself before its saves were counted never got killed mid-write: say so.
    child.on('exit', (code, signal) => reject(new Error(`the writing child exited (${signal ?? code}) after ${(output.match(/^ack /gm) ?? []).length} of ${acks} saves:\n${errors}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(errors).toBe('');
  const lastRound = new Map<number, number>();
  for (const [, worker, round] of output.matchAll(/^ack (\d+) (\d+)$/gm)) lastRound.set(Number(worker), Number(round));
  return lastRound;
}

describe('crash safety of the state files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('processes killed with SIGKILL while writing leave every shard snapshot parseable (and every log line but a torn last one), every acknowledged save on disk, and restart with it', async () => {
    for (let generation = 1; generation <= CYCLES; generation++) {
      // Kill at varied moments of the write cycle (appending to a log, writing a snapshot's temp file,
      // renaming it, emptying the log); every other run folds the logs into the snapshots very often.
      const compactAfterBytes = generation % 2 ? 64 * 1024 : 1024 * 1024;
      const lastRound = await runAndKill(dir, generation, compactAfterBytes, 60, (generation * 7) % 25);

      // Snapshots (NN.json) parse whole; logs (NN.log) parse line by line, a torn last line aside.
      const files = readdirSync(path.join(dir, 'state'));
      const snapshots = files.filter((name) => /^\d+\.json$/.test(name));
      const logs = files.filter((name) => /^\d+\.log$/.test(name));
      expect(logs).toHaveLength(SHARDS);
      for (const name of snapshots) expect(() => JSON.parse(readFileSync(path.join(dir, 'state', name), 'utf8'))).not.toThrow();
      for (const name of logs) {
        const lines = readFileSync(path.join(dir, 'state', name), 'utf8').split('\n').slice(0, -1);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      }

      const store = new StateStore(await Database.open(dir, { shards: SHARDS }));
      for (const [worker, round] of lastRound) {
        const key = `test/conversations/w${worker}-${round % 150}`;
        expect({ key, counter: (await store.read([key]))[key]?.counter }).toEqual({ key, counter: expect.any(Number) });
        expect((await store.read([key]))[key]!.counter).toBeGreaterThanOrEqual(generation * 1_000_000 + round);
      }
    }
  }, 60_000);
});
