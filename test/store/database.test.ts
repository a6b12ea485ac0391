import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckStatsStore } from '../../src/store/CheckStatsStore';
import { Database } from '../../src/store/database';
import { StateStore } from '../../src/store/StateStore';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** The state keys the files hold: each snapshot `NN.json` with its log `NN.log` applied (independent reading). */
function stateKeysOnDisk(dir: string): string[] {
  const stateDir = path.join(dir, 'state');
  const keys = new Set<string>();
  const shards = new Set(readdirSync(stateDir).flatMap((file) => /^(\d+)\.(json|log)$/.exec(file)?.[1] ?? []));
  for (const name of shards) {
    const snapshot = path.join(stateDir, `${name}.json`);
    if (existsSync(snapshot)) for (const key of Object.keys(readJson(snapshot).botState)) keys.add(key);
    const log = path.join(stateDir, `${name}.log`);
    const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    for (const line of lines.map((text) => JSON.parse(text))) {
      if (line.d) keys.delete(line.k);
      else keys.add(line.k);
    }
  }
  return [...keys].sort();
}

describe('Database (sharded lowdb files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('coalesces concurrent saves: 500 turns saving at once cost a few writes per shard, and all is on disk', async () => {
    const db = await Database.open(dir, { shards: 4 });
    const store = new StateStore(db);
    const before = db.fileWrites;
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.write({ [`test/conversations/c${i}`]: { n: i } })));
    const writes = db.fileWrites - before;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(8); // at most one in flight and one queued per shard
    expect(stateKeysOnDisk(dir)).toHaveLength(500);
    const reopened = new StateStore(await Database.open(dir, { shards: 4 }));
    expect((await reopened.read(['test/conversations/c499']))['test/conversations/c499']?.n).toBe(499);
  });

  it('a save made while its shard is being written waits for the next write, which carries it', async () => {
    const db = await Database.open(dir, { shards: 1 });
    const store = new StateStore(db);
    const first = store.write({ a: { v: 1 } });
    await new Promise((resolve) => setImmediate(resolve)); // the first write has started
    const second = store.write({ b: { v: 2 } });
    const third = store.write({ c: { v: 3 } });
    await Promise.all([first, second, third]);
    expect(db.fileWrites).toBe(2);
    expect(stateKeysOnDisk(dir)).toEqual(['a', 'b', 'c']);
  });

  it('a save only rewrites the shard of its key', async () => {
    const db = await Database.open(dir, { shards: 8 });
    const store = new StateStore(db);
    await Promise.all(Array.from({ length: 64 }, (_, i) => store.write({ [`k${i}`]: { i } })));
    const before = db.fileWrites;
    await store.write({ k7: { i: 'again' } });
    expect(db.fileWrites - before).toBe(1);
  });

  it('folds a shard log into its lowdb snapshot once the log outgrows the limit, so the log stays bounded', async () => {
    const db = await Database.open(dir, { shards: 1, compactAfterBytes: 8 * 1024 });
    const store = new StateStore(db);
    for (let i = 0; i < 40; i++) await store.write({ [`k${i % 5}`]: { i, pad: 'x'.repeat(1000) } });
    await store.delete(['k0']);
    // Each shard folds at a random point between 1× and 2× the limit (so that shards do not all fold at once).
    expect(statSync(path.join(dir, 'state', '00.log')).size).toBeLessThan(2 * 8 * 1024 + 2048);
    expect(Object.keys(readJson(path.join(dir, 'state', '00.json')).botState).length).toBeGreaterThan(0);
    expect(stateKeysOnDisk(dir)).toEqual(['k1', 'k2', 'k3', 'k4']);
    const reopened = new StateStore(await Database.open(dir, { shards: 1 }));
    expect(Object.keys(await reopened.read(['k0', 'k1', 'k2', 'k3', 'k4']))).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect((await reopened.read(['k4'])).k4?.i).toBe(39);
  });

  it('keeps the eTag conflict check when turns race on the same key', async () => {
    const store = new StateStore(await Database.open(dir, { shards: 2 }));
    await store.write({ k: { n: 0 } });
    const { k: seen } = await store.read(['k']);
    const results = await Promise.allSettled([store.write({ k: { ...seen, n: 1 } }), store.write({ k: { ...seen, n: 2 } })]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((await store.read(['k'])).k?.n).toBe(1);
  });

  it('flush(timeout) says whether every write is done', async () => {
    const db = await Database.open(dir, { shards: 2 });
    void new StateStore(db).write({ x: { y: 1 } });
    expect(await db.flush(5_000)).toBe(true);
    expect(stateKeysOnDisk(dir)).toEqual(['x']);
  });

  it('migrates the single-file layout (ha30.json) once, keeping states, save times and statistics', async () => {
    const stat = { at: '2026-01-02T00:00:00.000Z', documentTypes: ['KBIS'], findings: [{ rule: 'R1', severity: 'bloquant' }] };
    writeFileSync(
      path.join(dir, 'ha30.json'),
      JSON.stringify({ botState: { 'test/conversations/old': { step: 'files', eTag: 'e1' }, 'test/conversations/undated': { n: 1 } }, botStateSavedAt: { 'test/conversations/old': '2026-01-01T00:00:00.000Z' }, checkStats: [stat] }),
    );
    const db = await Database.open(dir, { shards: 4 });
    expect(existsSync(path.join(dir, 'ha30.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'ha30.json.migrated'))).toBe(true);
    const store = new StateStore(db);
    expect(await store.read(['test/conversations/old'])).toEqual({ 'test/conversations/old': { step: 'files', eTag: 'e1' } });
    expect(await new CheckStatsStore(db).all()).toEqual([stat]);
    expect(await store.purgeOlderThan(new Date('2026-01-15T00:00:00Z'))).toBe(1); // the dated one; the undated one is dated now
    expect(stateKeysOnDisk(dir)).toEqual(['test/conversations/undated']);

    // A second open does not migrate again, and a re-run after a crash half-way repeats nothing.
    writeFileSync(path.join(dir, 'ha30.json'), JSON.stringify({ botState: {}, checkStats: [stat] }));
    const again = await Database.open(dir, { shards: 4 });
    expect(again.checkStats).toEqual([stat]);
    expect(readFileSync(path.join(dir, 'check-stats.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('moves keys to their new shard when the shard count changes, and removes the extra files', async () => {
    const store = new StateStore(await Database.open(dir, { shards: 8 }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.write({ [`k${i}`]: { i } })));
    const reopened = new StateStore(await Database.open(dir, { shards: 3 }));
    expect(Object.keys(await reopened.read(Array.from({ length: 40 }, (_, i) => `k${i}`)))).toHaveLength(40);
    expect(readdirSync(path.join(dir, 'state')).filter((name) => /^\d+\.(json|log)$/.test(name)).sort()).toEqual(['00.json', '00.log', '01.json', '01.log', '02.json', '02.log']);
    expect(stateKeysOnDisk(dir)).toHaveLength(40);
  });
});

describe('CheckStatsStore (append-only log)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-stats-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stat = (i: number) => ({ at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, documentTypes: ['DC1'], findings: [] });

  it('appends one line per check and never rewrites the state shards', async () => {
    const db = await Database.open(dir, { shards: 2 });
    await new StateStore(db).write({ k: { v: 1 } });
    const shardWrites = db.fileWrites;
    const stats = new CheckStatsStore(db);
    await Promise.all([stats.record(stat(1)), stats.record(stat(2)), stats.record(stat(3))]);
    expect(db.fileWrites - shardWrites).toBeLessThanOrEqual(2);
    expect(readFileSync(path.join(dir, 'check-stats.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([stat(1), stat(2), stat(3)]);
    expect(await new CheckStatsStore(await Database.open(dir, { shards: 2 })).all()).toEqual([stat(1), stat(2), stat(3)]);
  });

  it('skips a torn last line and appends after it on a line of its own', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'check-stats.jsonl'), `${JSON.stringify(stat(1))}\n`);
    appendFileSync(path.join(dir, 'check-stats.jsonl'), JSON.stringify(stat(2)).slice(0, 20));
    const db = await Database.open(dir, { shards: 2 });
    expect(db.checkStats).toEqual([stat(1)]);
    await new CheckStatsStore(db).record(stat(3));
    expect((await Database.open(dir, { shards: 2 })).checkStats).toEqual([stat(1), stat(3)]);
  });
});
