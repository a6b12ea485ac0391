import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, TurnContext, TestAdapter } from 'botbuilder';
import { Database } from '../../src/store/database';
import { StateStore } from '../../src/store/StateStore';

describe('StateStore (lowdb file)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to the shard files and reads back after reopening', async () => {
    const store = new StateStore(await Database.open(dir));
    await store.write({ 'conv/1': { step: 'files' } });
    // On disk: one line of a shard's append-only log (state/NN.log) holds the save...
    const files = (suffix: string) => readdirSync(path.join(dir, 'state')).filter((name) => name.endsWith(suffix));
    const lines = files('.log').flatMap((name) => readFileSync(path.join(dir, 'state', name), 'utf8').split('\n').filter(Boolean));
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ k: 'conv/1', v: expect.objectContaining({ step: 'files' }), t: expect.any(String) }]);
    const reopened = new StateStore(await Database.open(dir));
    expect(await reopened.read(['conv/1', 'absent'])).toEqual({ 'conv/1': expect.objectContaining({ step: 'files', eTag: expect.any(String) }) });
    // ...and the next open folds the log into the shard's lowdb snapshot (state/NN.json).
    const snapshots = files('.json').map((name) => JSON.parse(readFileSync(path.join(dir, 'state', name), 'utf8')));
    expect(snapshots.filter((shard) => shard.botState['conv/1']?.step === 'files')).toHaveLength(1);
  });

  it('rejects a write carrying a stale eTag, accepts "*" and untagged writes', async () => {
    const store = new StateStore(await Database.open(dir));
    await store.write({ k: { n: 1 } });
    const { k: first } = await store.read(['k']);
    await store.write({ k: { ...first, n: 2 } });
    await expect(store.write({ k: { ...first, n: 3 } })).rejects.toThrow(/eTag conflict/);
    await store.write({ k: { n: 4, eTag: '*' } });
    await store.write({ k: { n: 5 } });
    expect((await store.read(['k'])).k?.n).toBe(5);
  });

  it('deletes keys', async () => {
    const store = new StateStore(await Database.open(dir));
    await store.write({ a: { x: 1 }, b: { x: 2 } });
    await store.delete(['a']);
    expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
  });

  it('serves as the Bot Framework storage for conversation state', async () => {
    const storage = new StateStore(await Database.open(dir));
    const state = new ConversationState(storage);
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await counter.set(context, ((await counter.get(context)) ?? 0) + 1);
      await state.saveChanges(context);
      await context.sendActivity(`tour ${await counter.get(context)}`);
    });
    await adapter.send('a').assertReply('tour 1').send('b').assertReply('tour 2').startTest();
  });
});

describe('StateStore retention', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-retention-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const at = (iso: string) => () => new Date(iso);

  it('forgets state not written since the limit, keeps the rest, also after reopening', async () => {
    await new StateStore(await Database.open(dir), { now: at('2020-01-01T00:00:00Z') }).write({ old: { a: 1 } });
    const store = new StateStore(await Database.open(dir), { now: at('2026-02-01T00:00:00Z') });
    await store.write({ recent: { b: 2 } });
    expect(await store.purgeOlderThan(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(Object.keys(await store.read(['old', 'recent']))).toEqual(['recent']);
    const reopened = new StateStore(await Database.open(dir));
    expect(Object.keys(await reopened.read(['old', 'recent']))).toEqual(['recent']);
  });

  it('keeps at most maxConversations states, forgetting the least recently saved first', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const store = new StateStore(await Database.open(dir, { shards: 4 }), { maxConversations: 3, now: () => new Date((clock += 1000)) });
    for (const key of ['a', 'b', 'c']) await store.write({ [key]: { key } });
    const { a } = await store.read(['a']);
    await store.write({ a: { ...a, again: true } }); // a is now the most recent
    await store.write({ d: { key: 'd' } });
    expect(Object.keys(await store.read(['a', 'b', 'c', 'd']))).toEqual(['a', 'c', 'd']);
    await store.write({ e: { key: 'e' }, f: { key: 'f' } });
    expect(Object.keys(await store.read(['a', 'b', 'c', 'd', 'e', 'f']))).toEqual(['d', 'e', 'f']);
    const reopened = new StateStore(await Database.open(dir, { shards: 4 }));
    expect(Object.keys(await reopened.read(['a', 'b', 'c', 'd', 'e', 'f']))).toEqual(['d', 'e', 'f']);
  });

  it('applies a lowered cap at the next purge, oldest first', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const now = () => new Date((clock += 1000));
    const first = new StateStore(await Database.open(dir), { now });
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) await first.write({ [key]: { key } });
    const store = new StateStore(await Database.open(dir), { maxConversations: 2, now });
    expect(await store.purgeOlderThan(new Date('2000-01-01T00:00:00Z'))).toBe(3);
    expect(Object.keys(await store.read(['k1', 'k2', 'k3', 'k4', 'k5']))).toEqual(['k4', 'k5']);
  });
});
