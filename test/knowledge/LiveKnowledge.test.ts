import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Loaded, LiveKnowledge, type LiveLogger } from '../../src/knowledge/LiveKnowledge';
import { problem } from '../../src/knowledge/problems';
import { waitFor } from '../support/waitFor';

/** A toy knowledge: `{ "text": … }` in text.json; "bad" is a mistake the load refuses. */
function folder(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-live-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'text.json'), JSON.stringify({ text }));
  return dir;
}

function write(dir: string, text: string): void {
  writeFileSync(path.join(dir, 'sub', 'text.json'), JSON.stringify({ text }));
}

async function readToy(dir: string): Promise<Loaded<string>> {
  const { text } = JSON.parse(readFileSync(path.join(dir, 'sub', 'text.json'), 'utf8')) as { text: string };
  if (text === 'bad') return { problems: [problem('sub/text.json', '/text', 'vaut « bad »', 'écrivez autre chose')] };
  return { problems: [], knowledge: text, version: text };
}

function silent(): LiveLogger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { lines, info: (object) => lines.push(object), warn: (object) => lines.push(object) };
}

describe('LiveKnowledge', () => {
  const dirs: string[] = [];
  const lives: LiveKnowledge<string, { text: string }>[] = [];
  afterEach(async () => {
    await Promise.all(lives.splice(0).map((live) => live.stop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function open(dir: string, overrides: Partial<ConstructorParameters<typeof LiveKnowledge<string, { text: string }>>[0]> = {}) {
    const logger = silent();
    const live = new LiveKnowledge<string, { text: string }>({ dir, load: readToy, build: (text) => ({ text }), logger, watch: false, ...overrides }, { knowledge: 'v1', version: 'v1' });
    lives.push(live);
    dirs.push(dir);
    return { live, logger };
  }

  it('swaps a valid change in, and keeps the previous knowledge when a change is refused, listing its problems', async () => {
    const dir = folder('v1');
    const { live, logger } = open(dir);
    expect(live.status()).toMatchObject({ version: 'v1', source: 'start', training: false, refusals: [] });
    write(dir, 'v2');
    await expect(live.reloadNow('file')).resolves.toEqual({ applied: true, version: 'v2', problems: [] });
    expect(live.current().text).toBe('v2');
    expect(live.status()).toMatchObject({ version: 'v2', source: 'file' });
    write(dir, 'bad');
    const refused = await live.reloadNow('admin');
    expect(refused).toEqual({ applied: false, version: 'v2', problems: [{ file: 'sub/text.json', path: '/text', message: 'vaut « bad » — écrivez autre chose' }] });
    expect(live.current().text).toBe('v2');
    expect(live.status().refusals).toEqual([{ at: expect.any(String), source: 'admin', problems: refused.problems }]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'knowledge_refused', source: 'admin', problems: refused.problems }));
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'knowledge_reloaded', source: 'file', version: 'v2' }));
  });

  it('refuses, with a French problem, a load that fails or a build that throws', async () => {
    const dir = folder('v1');
    let fail = 'load';
    const { live } = open(dir, {
      load: async (d) => {
        if (fail === 'load') throw new Error('disque plein');
        return readToy(d);
      },
      build: (text) => {
        if (fail === 'build' && text !== 'v1') throw new Error('build failed');
        return { text };
      },
    });
    write(dir, 'v2');
    const first = await live.reloadNow('file');
    expect(first.applied).toBe(false);
    expect(first.problems[0]!.message).toMatch(/^n’a pas pu être relu \(disque plein\) : les connaissances précédentes restent en service — /);
    fail = 'build';
    expect((await live.reloadNow('file')).applied).toBe(false);
    expect(live.current().text).toBe('v1');
    expect(live.status().refusals).toHaveLength(2);
  });

  it('keeps only the last refusals, newest first', async () => {
    const dir = folder('bad');
    const { live } = open(dir, { maxRefusals: 3 });
    for (let i = 0; i < 5; i++) await live.reloadNow(i === 4 ? 'admin' : 'file');
    const { refusals } = live.status();
    expect(refusals).toHaveLength(3);
    expect(refusals[0]!.source).toBe('admin');
  });

  it('gives a turn the snapshot it started with, to its end, even when a swap happens while it awaits', async () => {
    const dir = folder('v1');
    const { live } = open(dir);
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const turn = live.pin(async () => {
      const before = live.current().text;
      await paused;
      await new Promise((resolve) => setImmediate(resolve));
      return [before, live.current().text, live.view((s) => s).text];
    });
    write(dir, 'v2');
    await live.reloadNow('file');
    expect(live.current().text).toBe('v2');
    release();
    await expect(turn).resolves.toEqual(['v1', 'v1', 'v1']);
    await expect(live.pin(async () => live.current().text)).resolves.toBe('v2');
  });

  it('a view forwards to the snapshot of now outside a turn, methods bound', async () => {
    const dir = folder('v1');
    const live = new LiveKnowledge<string, { words: string[]; first(): string }>(
      { dir, load: readToy, build: (text) => ({ words: [text], first() { return this.words[0]!; } }), logger: silent(), watch: false },
      { knowledge: 'v1', version: 'v1' },
    );
    dirs.push(dir);
    const view = live.view((snapshot) => snapshot);
    const first = view.first;
    expect(first()).toBe('v1');
    write(dir, 'v2');
    await live.reloadNow('file');
    expect(view.first()).toBe('v2');
    expect('words' in view).toBe(true);
    await live.stop();
  });

  it('runs one load at a time: calls during a load share one more load, which reads the folder after them', async () => {
    const dir = folder('v1');
    let loads = 0;
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const { live } = open(dir, {
      load: async (d) => {
        loads++;
        await gate;
        return readToy(d);
      },
    });
    write(dir, 'v2');
    const first = live.reloadNow('file');
    write(dir, 'v3');
    const second = live.reloadNow('file');
    const third = live.reloadNow('admin');
    expect(second).toBe(third);
    const firstGate = release;
    gate = new Promise<void>((resolve) => (release = resolve));
    firstGate();
    await expect(first).resolves.toMatchObject({ version: 'v3' });
    release();
    await expect(third).resolves.toEqual({ applied: true, version: 'v3', problems: [] });
    expect(loads).toBe(2);
    // The admin's reload found its change already in service (read by the first load): it is the admin's.
    expect(live.status().source).toBe('admin');
  });

  it('notices a file written in the folder (watcher or poll) and stops watching on stop()', async () => {
    const dir = folder('v1');
    const { live } = open(dir, { watch: { pollMs: 200, debounceMs: 50 } });
    write(dir, 'v2');
    await waitFor('the watcher to apply v2', () => live.current().text === 'v2', { timeoutMs: 20_000 });
    expect(live.status().source).toBe('file');
    write(dir, 'bad');
    await waitFor('the refusal of « bad »', () => live.status().refusals.length === 1, { timeoutMs: 20_000 });
    expect(live.current().text).toBe('v2');
    await live.stop();
    write(dir, 'v3');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(live.current().text).toBe('v2');
  });

  it('the poll alone finds a change when fs.watch reports nothing', async () => {
    const dir = folder('v1');
    const { live } = open(dir, { watch: { pollMs: 100, debounceMs: 20, fsWatch: false } });
    write(dir, 'v2');
    await waitFor('the poll to apply v2', () => live.current().text === 'v2', { timeoutMs: 20_000 });
  });
});
