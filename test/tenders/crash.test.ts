import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import fsPromises, { type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importBoamp, openCatalogue } from '../../src/tenders';
import { real } from './support/records';

const CHILD = path.resolve(__dirname, 'support/importerChild.cjs');
const { generateBoampRecords } = require('./support/synthetic.cjs') as { generateBoampRecords: (count: number, seed?: number) => Record<string, unknown>[] };
const COUNT = 6000;

/** Starts the importing child and kills it (SIGKILL) as soon as its temporary file holds `minBytes`. */
async function killMidWrite(dataDir: string, firstGeneration: number, minBytes: number): Promise<{ acked: number; tempBytes: number }> {
  const child = spawn(process.execPath, [CHILD, dataDir, String(COUNT), String(firstGeneration)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const temp = path.join(dataDir, 'tenders', `catalogue.jsonl.tmp-${child.pid}`);
  let tempBytes = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    // Wait until one import is acknowledged, so there is a previous catalogue to protect.
    if (/^ack /m.test(output) && existsSync(temp)) {
      tempBytes = statSync(temp, { throwIfNoEntry: false })?.size ?? 0;
      if (tempBytes >= minBytes) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(errors).toBe('');
  const acks = [...output.matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1]));
  return { acked: Math.max(...acks), tempBytes };
}

describe('crash safety of the tender catalogue', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-tenders-crash-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an import killed while writing leaves the previous catalogue whole, and the next import cleans up after it', async () => {
    let generation = 1;
    for (const minBytes of [1, 512 * 1024, 2 * 1024 * 1024]) {
      const { acked, tempBytes } = await killMidWrite(dir, generation, minBytes);
      expect(tempBytes).toBeGreaterThanOrEqual(minBytes);
      // The catalogue on disk is one whole generation, the last acknowledged or the one after it.
      const catalogue = await openCatalogue(dir);
      expect(catalogue.realCount).toBe(COUNT);
      const generations = new Set(catalogue.all().map((tender) => /\(génération (\d+)\)/.exec(tender.title)?.[1]));
      expect(generations.size).toBe(1);
      expect(Number([...generations][0])).toBeGreaterThanOrEqual(acked);
      expect(Number([...generations][0])).toBeLessThanOrEqual(acked + 1);
      generation = acked + 2;
    }
    // The dead importer's lock and temporary file are taken over and removed by the next import.
    const catalogue = await openCatalogue(dir);
    expect(readdirSync(path.dirname(catalogue.file)).some((name) => name.includes('.tmp-'))).toBe(true);
    const report = await importBoamp(catalogue, [real.fnsimple()]);
    expect(report.created).toBe(1);
    expect(readdirSync(path.dirname(catalogue.file)).sort()).toEqual(['catalogue.jsonl']);
  }, 120_000);

  it('a write that fails half-way (disk full) leaves the previous catalogue byte for byte, and releases the lock', async () => {
    const catalogue = await openCatalogue(dir);
    await importBoamp(catalogue, generateBoampRecords(3000, 5));
    const before = readFileSync(catalogue.file);
    const realOpen = fsPromises.open;
    jest.spyOn(fsPromises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle: FileHandle = await realOpen(...args);
      let writes = 0;
      const write = handle.write.bind(handle) as (data: string) => Promise<unknown>;
      (handle as unknown as { write: (data: string) => Promise<unknown> }).write = async (data: string) => {
        if (++writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return write(data);
      };
      return handle;
    });
    const changed = generateBoampRecords(3000, 6).map((record) => ({ ...record, dateparution: '2027-01-01' }));
    await expect(importBoamp(catalogue, changed)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(catalogue.file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(catalogue.file)).sort()).toEqual(['catalogue.jsonl']);
    expect(catalogue.low.data.tenders.every((tender) => tender.publishedAt !== '2027-01-01')).toBe(true);
    jest.restoreAllMocks();
    // Nothing half-applied in memory either: a fresh read and the next import agree.
    expect((await openCatalogue(dir)).realCount).toBe(3000);
    expect((await importBoamp(catalogue, changed)).updated).toBe(3000);
  }, 60_000);
});
