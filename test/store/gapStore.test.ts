import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GapRecord } from '../../src/faq/types';
import { FeedbackStore } from '../../src/store/FeedbackStore';
import { GapStore } from '../../src/store/GapStore';

function gap(question: string, at: string): GapRecord {
  return { at, kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0.2 };
}

const OLD = '2024-01-10T09:00:00.000Z';
const RECENT = '2026-11-20T14:00:00.000Z';
const CUTOFF = new Date('2025-12-01T00:00:00.000Z');

describe('the gap store (DATA_DIR/faq/gaps.jsonl)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-gaps-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('appends one JSON line per record and reads them back after a restart, in order', async () => {
    const store = new GapStore(dataDir);
    await Promise.all([store.append(gap('premiere', OLD)), store.append(gap('deuxieme', RECENT)), store.append({ ...gap('troisieme', RECENT), kind: 'NOT_HELPFUL', topicGuess: 'FAQ_DEADLINE', confidence: 0.8 })]);
    expect(store.file).toBe(path.join(dataDir, 'faq', 'gaps.jsonl'));
    expect(readFileSync(store.file, 'utf8').split('\n')).toHaveLength(4);
    const reopened = new GapStore(dataDir);
    expect((await reopened.all()).map((record) => record.question)).toEqual(['premiere', 'deuxieme', 'troisieme']);
    expect((await reopened.all())[2]).toEqual({ at: RECENT, kind: 'NOT_HELPFUL', question: 'troisieme', channel: 'webchat', topicGuess: 'FAQ_DEADLINE', confidence: 0.8 });
  });

  it('coalesces the appends of one moment into one write', async () => {
    const store = new GapStore(dataDir);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(gap(`q${i}`, RECENT))));
    expect(await store.all()).toHaveLength(50);
    expect(store.writes).toBe(1);
    await Promise.all([store.append(gap('a', RECENT)), store.append(gap('b', RECENT))]);
    expect(store.writes).toBe(2);
  });

  it('skips a torn last line (a crash mid-append) and starts the next record on a new line', async () => {
    const store = new GapStore(dataDir);
    await store.append(gap('avant', RECENT));
    appendFileSync(store.file, '{"at":"2026-11-20T14:00:00.000Z","kind":"UNANS');
    expect((await store.all()).map((record) => record.question)).toEqual(['avant']);
    await new GapStore(dataDir).append(gap('après', RECENT));
    expect((await store.all()).map((record) => record.question)).toEqual(['avant', 'après']);
    // The purge drops the torn line for good.
    expect(await store.purgeOlderThan(CUTOFF)).toEqual({ removed: 0, kept: 2, unreadable: 1 });
    expect(readFileSync(store.file, 'utf8')).toBe(`${JSON.stringify(gap('avant', RECENT))}\n${JSON.stringify(gap('après', RECENT))}\n`);
  });

  it('ignores lines of another shape and keeps only the known fields of a record', async () => {
    const store = new GapStore(dataDir);
    await store.append(gap('ok', RECENT));
    appendFileSync(store.file, `${JSON.stringify({ ...gap('en trop', RECENT), userId: '29:1xyz' })}\n{"kind":"UNANSWERED"}\n[1,2]\nnull\n`);
    const records = await store.all();
    expect(records.map((record) => record.question)).toEqual(['ok', 'en trop']);
    expect(records[1]).not.toHaveProperty('userId');
  });

  it('purges by age, rewriting the file atomically, and leaves a file with nothing to purge untouched', async () => {
    const store = new GapStore(dataDir);
    for (const [question, at] of [['vieille', OLD], ['récente', RECENT], ['vieille 2', '2025-11-30T23:00:00.000Z'], ['limite', CUTOFF.toISOString()]] as const) await store.append(gap(question, at));
    expect(await store.purgeOlderThan(CUTOFF)).toEqual({ removed: 2, kept: 2, unreadable: 0 });
    expect((await new GapStore(dataDir).all()).map((record) => record.question)).toEqual(['récente', 'limite']);
    const before = readFileSync(store.file, 'utf8');
    expect(await store.purgeOlderThan(CUTOFF)).toEqual({ removed: 0, kept: 2, unreadable: 0 });
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(await new GapStore(path.join(dataDir, 'vide')).purgeOlderThan(CUTOFF)).toEqual({ removed: 0, kept: 0, unreadable: 0 });
  });

  it('loses no append made in the same process while a purge runs', async () => {
    const store = new GapStore(dataDir);
    for (let i = 0; i < 200; i++) await store.append(gap(`vieille ${i}`, OLD));
    const appends: Promise<void>[] = [];
    const purges: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      appends.push(store.append(gap(`nouvelle ${i}`, RECENT)));
      if (i % 10 === 0) purges.push(store.purgeOlderThan(CUTOFF));
      if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([...appends, ...purges]);
    await store.purgeOlderThan(CUTOFF);
    expect((await store.all()).map((record) => record.question).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `nouvelle ${i}`).sort());
  });

  it('loses no append of another process (the running bot) while this one purges again and again', async () => {
    const store = new GapStore(dataDir);
    // Old records to purge, so that every purge really rewrites the file.
    writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), Array.from({ length: 300 }, (_, i) => `${JSON.stringify(gap(`vieille ${i}`, OLD))}\n`).join(''), { flag: 'w' });
    const count = 400;
    const child = spawn(process.execPath, [path.join(__dirname, 'gapAppenderChild.cjs'), dataDir, String(count), 'bot'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let purges = 0;
    let rewrites = 0;
    while (!output.includes('done')) {
      const result = await store.purgeOlderThan(CUTOFF);
      purges++;
      if (result.removed > 0) rewrites++;
      // Another old line for the next purge to remove: every purge is a real rewrite while the child appends.
      await store.append(gap('vieille encore', OLD));
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (purges > 5_000) break;
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(new RegExp(`done ${count} 0`));
    await store.purgeOlderThan(CUTOFF);
    const questions = (await store.all()).map((record) => record.question);
    expect(rewrites).toBeGreaterThan(3);
    expect(questions).toHaveLength(count);
    expect(new Set(questions)).toEqual(new Set(Array.from({ length: count }, (_, i) => `bot ${i}`)));
  }, 60_000);
});

describe('the feedback store (DATA_DIR/faq/feedback.jsonl)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-feedback-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('appends, reads back and purges by age like the gap log', async () => {
    const store = new FeedbackStore(dataDir);
    await store.append({ at: OLD, topic: 'FAQ_WHAT_IS_DUME', helpful: true, channel: 'msteams' });
    await store.append({ at: RECENT, topic: 'FAQ_DEADLINE', helpful: false, channel: 'webchat' });
    expect(store.file).toBe(path.join(dataDir, 'faq', 'feedback.jsonl'));
    expect(await new FeedbackStore(dataDir).all()).toEqual([
      { at: OLD, topic: 'FAQ_WHAT_IS_DUME', helpful: true, channel: 'msteams' },
      { at: RECENT, topic: 'FAQ_DEADLINE', helpful: false, channel: 'webchat' },
    ]);
    expect(await store.purgeOlderThan(CUTOFF)).toEqual({ removed: 1, kept: 1, unreadable: 0 });
    expect((await store.all()).map((record) => record.topic)).toEqual(['FAQ_DEADLINE']);
  });
});
