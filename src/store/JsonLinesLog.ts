import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../files/atomicFile';
import { CoalescingWriter } from './CoalescingWriter';
import { type FileLockOptions, withFileLock } from './fileLock';

export interface JsonLinesLogOptions<T> {
  file: string;
  /** The record a parsed line holds, or undefined for a line of another shape (skipped, then purged). */
  parse(value: unknown): T | undefined;
  /** When the record was made, for the retention. */
  timeOf(record: T): Date;
  lock?: FileLockOptions;
}

export interface PurgeResult {
  removed: number;
  kept: number;
  /** Lines that were not records (a torn line left by a crash): removed too. */
  unreadable: number;
}

/** Records kept in memory while the disk refuses them (full, read-only), the oldest dropped past this. */
const MAX_PENDING_LINES = 10_000;

/**
 * An append-only JSON-lines file shared by several processes: appends are coalesced (one write in
 * flight, the records asked for meanwhile in the next) and, like the purge that rewrites the file,
 * made holding `<file>.lock`, so a purge run from the command line never loses a record the bot
 * appended meanwhile. A torn last line (a crash mid-append) is skipped on reading, and the next
 * append starts on a new line.
 */
export class JsonLinesLog<T> {
  private pending: string[] = [];
  private readonly writer = new CoalescingWriter(() => this.writePending());

  constructor(private readonly options: JsonLinesLogOptions<T>) {
    mkdirSync(path.dirname(options.file), { recursive: true });
  }

  get file(): string {
    return this.options.file;
  }

  /** File appends performed so far (for tests and benchmarks). */
  get writes(): number {
    return this.writer.writes;
  }

  private get lockFile(): string {
    return `${this.options.file}.lock`;
  }

  /** Resolves once the record is on disk; rejects if the disk refused it (it is then retried with the next append). */
  append(record: T): Promise<void> {
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (this.pending.length > MAX_PENDING_LINES) this.pending.splice(0, this.pending.length - MAX_PENDING_LINES);
    return this.writer.request();
  }

  /** Every readable record, oldest first, and how many lines were not records. */
  async readAll(): Promise<{ records: T[]; unreadable: number }> {
    return this.parse(await this.readText());
  }

  /** Rewrites the file without the records made before `cutoff` (nor unreadable lines), atomically. */
  purgeOlderThan(cutoff: Date): Promise<PurgeResult> {
    return withFileLock(
      this.lockFile,
      async () => {
        const { records, unreadable } = this.parse(await this.readText());
        const kept = records.filter((record) => !(this.options.timeOf(record).getTime() < cutoff.getTime()));
        const removed = records.length - kept.length;
        if (removed > 0 || unreadable > 0) await this.replace(kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
        return { removed, kept: kept.length, unreadable };
      },
      this.options.lock,
    );
  }

  /** Waits for the appends asked for so far, at most `timeoutMs`; false when some are still not on disk. */
  async flush(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      await Promise.race([this.writer.settled(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return this.writer.idle && this.pending.length === 0;
  }

  private async writePending(): Promise<void> {
    const lines = this.pending;
    this.pending = [];
    try {
      await withFileLock(this.lockFile, () => this.appendLines(lines.join('')), this.options.lock);
    } catch (error) {
      this.pending = [...lines, ...this.pending].slice(-MAX_PENDING_LINES);
      throw error;
    }
  }

  private async appendLines(text: string): Promise<void> {
    const handle = await open(this.options.file, 'a+');
    try {
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.write(prefix + text);
    } finally {
      await handle.close();
    }
  }

  private async readText(): Promise<string> {
    try {
      return await readFile(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  private parse(text: string): { records: T[]; unreadable: number } {
    const records: T[] = [];
    let unreadable = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let record: T | undefined;
      try {
        record = this.options.parse(JSON.parse(line));
      } catch {
        record = undefined;
      }
      if (record === undefined) unreadable++;
      else records.push(record);
    }
    return { records, unreadable };
  }

  /** Temporary file, fsync, rename over the old one, fsync of the folder: a crash leaves the old file or the new one. */
  private async replace(content: string): Promise<void> {
    const temp = `${this.options.file}.tmp-${process.pid}`;
    const handle = await open(temp, 'w');
    try {
      await handle.write(content);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(temp, this.options.file);
    syncFolder(path.dirname(this.options.file));
  }
}

