import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  it('writes to the JSON file and reads back after reopening', async () => {
    const store = new StateStore(await Database.open(dir));
    await store.write({ 'conv/1': { step: 'files' } });
    const reopened = new StateStore(await Database.open(dir));
    expect(await reopened.read(['conv/1', 'absent'])).toEqual({ 'conv/1': expect.objectContaining({ step: 'files', eTag: expect.any(String) }) });
    expect(JSON.parse(readFileSync(path.join(dir, 'ha30.json'), 'utf8')).botState['conv/1'].step).toBe('files');
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
  it('forgets state not written since the limit, keeps the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ha30-retention-'));
    try {
      const db = await Database.open(dir);
      const store = new StateStore(db);
      await store.write({ old: { a: 1 }, recent: { b: 2 } });
      db.data.botStateSavedAt.old = '2020-01-01T00:00:00.000Z';
      expect(await store.purgeOlderThan(new Date('2026-01-01T00:00:00Z'))).toBe(1);
      expect(Object.keys(await store.read(['old', 'recent']))).toEqual(['recent']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
