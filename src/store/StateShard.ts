import { close, existsSync, ftruncate, open, openSync, statSync, write } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { CoalescingWriter } from './CoalescingWriter';

/** A state record as the bot framework stores it: any JSON object plus its concurrency tag. */
export interface StoredItem {
  eTag?: string;
  [key: string]: unknown;
}

/** One state shard file (`state/NN.json`); the same two maps the single file used to hold. */
export interface ShardShape {
  botState: Record<string, StoredItem>;
  /** When each state key was last written (ISO time), for the retention purge and the cap. */
  botStateSavedAt: Record<string, string>;
}

export const DEFAULT_COMPACT_AFTER_BYTES = 256 * 1024;
const writeFd = promisify(write);
const truncateFd = promisify(ftruncate);
const closeFd = promisify(close);
const openFd = promisify(open);

type LogLine = { k: string; v: StoredItem; t: string } | { k: string; d: 1 };

/**
 * One shard: a lowdb snapshot (`NN.json`, rewritten whole through steno: temp file then rename)
 * and an append-only log of the saves since (`NN.log`, one JSON line per changed key). A save
 * appends the shard's changed keys in one write; once the log outgrows the snapshot, the next
 * write folds it into a new snapshot and empties it. A crash leaves at worst a torn last log line,
 * skipped on reading; the log is folded at every open, so appends always start on a fresh line.
 */
export class StateShard {
  readonly writer: CoalescingWriter;
  /** Keys changed in memory and not yet in the log. */
  readonly dirty = new Set<string>();
  private logBytes = 0;
  private snapshotBytes = 0;
  private compactNext = false;
  /** The log, kept open in append mode: a save is one write call, not open-write-close. */
  private logFd: number | undefined;
  private spread = 1 + Math.random();

  private constructor(
    readonly low: Low<ShardShape>,
    readonly file: string,
    readonly logFile: string,
    private readonly compactAfterBytes: number | undefined,
  ) {
    this.writer = new CoalescingWriter(() => this.persist());
  }

  static async open(file: string, compactAfterBytes: number | undefined): Promise<StateShard> {
    let shard: StateShard | undefined;
    // Compact JSON (not JSONFile's indented output); steno writes a temp file then renames it.
    const stringify = (data: ShardShape) => {
      const text = JSON.stringify(data);
      if (shard) shard.snapshotBytes = text.length;
      return text;
    };
    const low = new Low<ShardShape>(new DataFile<ShardShape>(file, { parse: JSON.parse, stringify }), emptyShard());
    await low.read();
    low.data = { ...emptyShard(), ...(low.data ?? {}) };
    shard = new StateShard(low, file, file.replace(/\.json$/, '.log'), compactAfterBytes);
    shard.snapshotBytes = existsSync(file) ? statSync(file).size : 0;
    if (await shard.replayLog()) await shard.compact();
    shard.logFd ??= await openFd(shard.logFile, 'a'); // opened now, not during a turn's save
    return shard;
  }

  /** Writes the whole shard at the next write (after bulk changes: migration, re-sharding). */
  requestCompaction(): Promise<void> {
    this.compactNext = true;
    return this.writer.request();
  }

  private async persist(): Promise<void> {
    const keys = [...this.dirty];
    this.dirty.clear();
    try {
      // The spread (×1 to ×2, drawn again at each fold) keeps the shards from all folding at once.
      const limit = (this.compactAfterBytes ?? Math.max(DEFAULT_COMPACT_AFTER_BYTES, this.snapshotBytes)) * this.spread;
      if (this.compactNext || this.logBytes >= limit) await this.compact();
      else if (keys.length > 0) await this.append(keys);
    } catch (error) {
      for (const key of keys) this.dirty.add(key);
      // An append may have stopped half-way: the next write rewrites the snapshot and empties the log.
      this.compactNext = true;
      throw error;
    }
  }

  private async append(keys: string[]): Promise<void> {
    const { botState, botStateSavedAt } = this.low.data;
    const lines = keys.map((key) => {
      const item = botState[key];
      const line: LogLine = item ? { k: key, v: item, t: botStateSavedAt[key] ?? '' } : { k: key, d: 1 };
      return `${JSON.stringify(line)}\n`;
    });
    const bytes = Buffer.from(lines.join(''), 'utf8');
    this.logFd ??= openSync(this.logFile, 'a');
    for (let offset = 0; offset < bytes.length; ) offset += (await writeFd(this.logFd, bytes, offset, bytes.length - offset)).bytesWritten;
    this.logBytes += bytes.length;
  }

  private async compact(): Promise<void> {
    this.compactNext = false;
    this.spread = 1 + Math.random();
    await this.low.write();
    // The snapshot now holds everything the log said: empty the log (a crash just before this
    // replays entries the snapshot already has, which changes nothing acknowledged).
    this.logFd ??= openSync(this.logFile, 'a');
    await truncateFd(this.logFd, 0);
    this.logBytes = 0;
  }

  async close(): Promise<void> {
    const fd = this.logFd;
    this.logFd = undefined;
    if (fd !== undefined) await closeFd(fd);
  }

  /** Applies the log to the snapshot; true when there was a log to fold. */
  private async replayLog(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.logFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const { botState, botStateSavedAt } = this.low.data;
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        continue; // torn by a crash
      }
      if ('d' in line) {
        delete botState[line.k];
        delete botStateSavedAt[line.k];
      } else {
        botState[line.k] = line.v;
        if (line.t) botStateSavedAt[line.k] = line.t;
      }
    }
    return text.length > 0;
  }
}

export const emptyShard = (): ShardShape => ({ botState: {}, botStateSavedAt: {} });
