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
async function runAndKill(dir: string, generation: number, acks: number, delayMs: number): Promise<Map<number, number>> {
  const child = spawn(process.execPath, [CHILD, dir, String(SHARDS), String(generation)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if ((output.match(/^ack /gm) ?? []).length >= acks) setTimeout(resolve, delayMs);
    });
    child.on('exit', () => resolve());
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

  it('processes killed with SIGKILL while writing leave every shard parseable, every acknowledged save on disk, and restart with it', async () => {
    for (let generation = 1; generation <= CYCLES; generation++) {
      // Kill at varied moments of the write cycle (serialising, writing the temp file, renaming).
      const lastRound = await runAndKill(dir, generation, 60, (generation * 7) % 25);

      const shardFiles = readdirSync(path.join(dir, 'state')).filter((name) => /^\d+\.json$/.test(name));
      expect(shardFiles).toHaveLength(SHARDS);
      for (const name of shardFiles) expect(() => JSON.parse(readFileSync(path.join(dir, 'state', name), 'utf8'))).not.toThrow();

      const store = new StateStore(await Database.open(dir, { shards: SHARDS }));
      for (const [worker, round] of lastRound) {
        const key = `test/conversations/w${worker}-${round % 150}`;
        expect({ key, counter: (await store.read([key]))[key]?.counter }).toEqual({ key, counter: expect.any(Number) });
        expect((await store.read([key]))[key]!.counter).toBeGreaterThanOrEqual(generation * 1_000_000 + round);
      }
    }
  }, 60_000);
});
