import { close, existsSync, ftruncate, mkdirSync, open, openSync, readdirSync, renameSync, rmSync, statSync, write, writeFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { CoalescingWriter } from './CoalescingWriter';

/** A state record as the bot framework stores it: any JSON object plus its concurrency tag. */
export interface StoredItem {
  eTag?: string;
  [key: string]: unknown;
}

/** Anonymous record of one bid check: rule ids and document types only, never names. */
export interface CheckStatRecord {
  at: string;
  documentTypes: string[];
  findings: { rule: string; severity: string }[];
}

/** One state shard file (`state/NN.json`); the same two maps the single file used to hold. */
export interface ShardShape {
  botState: Record<string, StoredItem>;
  /** When each state key was last written (ISO time), for the retention purge and the cap. */
  botStateSavedAt: Record<string, string>;
}

/** The layout before sharding: everything in `ha30.json`. Read once, at migration. */
interface LegacyShape extends Partial<ShardShape> {
  checkStats?: CheckStatRecord[];
}

export interface DatabaseOptions {
  /** Number of state shards; changing it re-distributes the keys at the next open. */
  shards?: number;
  /**
   * Fold a shard's log into its snapshot once the log is larger than this. By default: once it is
   * larger than the snapshot and than 256 KB, so that rewriting a snapshot costs at most one
   * snapshot's worth of appends.
   */
  compactAfterBytes?: number;
}

export const DEFAULT_SHARDS = 128;
const DEFAULT_COMPACT_AFTER_BYTES = 256 * 1024;
const LEGACY_FILE = 'ha30.json';
const STATS_FILE = 'check-stats.jsonl';
const writeFd = promisify(write);
const truncateFd = promisify(ftruncate);
const closeFd = promisify(close);
const openFd = promisify(open);
const SHARD_FILE = /^(\d+)\.(?:json|log)$/;

/** FNV-1a: a stable, fast hash of the key, so a key always lands in the same shard. */
export function shardIndex(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

type LogLine = { k: string; v: StoredItem; t: string } | { k: string; d: 1 };

/**
 * One shard: a lowdb snapshot (`NN.json`, rewritten whole through steno: temp file then rename)
 * and an append-only log of the saves since (`NN.log`, one JSON line per changed key). A save
 * appends the shard's changed keys in one write; once the log outgrows the snapshot, the next
 * write folds it into a new snapshot and empties it. A crash leaves at worst a torn last log line,
 * skipped on reading; the log is folded at every open, so appends always start on a fresh line.
 */
class Shard {
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

  static async open(file: string, compactAfterBytes: number | undefined): Promise<Shard> {
    let shard: Shard | undefined;
    // Compact JSON (not JSONFile's indented output); steno writes a temp file then renames it.
    const stringify = (data: ShardShape) => {
      const text = JSON.stringify(data);
      if (shard) shard.snapshotBytes = text.length;
      return text;
    };
    const low = new Low<ShardShape>(new DataFile<ShardShape>(file, { parse: JSON.parse, stringify }), emptyShard());
    await low.read();
    low.data = { ...emptyShard(), ...(low.data ?? {}) };
    shard = new Shard(low, file, file.replace(/\.json$/, '.log'), compactAfterBytes);
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

const emptyShard = (): ShardShape => ({ botState: {}, botStateSavedAt: {} });

/**
 * The embedded database under DATA_DIR, in lowdb files shaped so that no turn rewrites everything:
 * - conversation state is spread over shards by a hash of its key; a shard is a lowdb snapshot
 *   `state/NN.json` plus an append-only log `state/NN.log`: a save appends the changed keys to one
 *   shard's log, and the saves of one shard are coalesced (one write in flight, one queued, shared
 *   by every turn that asked meanwhile); the log is folded into the snapshot once it outgrows it;
 * - anonymous check statistics go to an append-only log, `check-stats.jsonl` (one JSON line each);
 * - snapshots are written to a temporary file then renamed (steno), so a crash never leaves a torn
 *   snapshot; logs are only appended to, and a torn last line (a crash mid-append) is skipped.
 * It still holds everything in memory and suits one process: keep it behind the repositories.
 */
export class Database {
  /** State keys with their last save time, least recently saved first (Map keeps insertion order). */
  private readonly recency = new Map<string, string>();
  private readonly stats: CheckStatRecord[] = [];
  private pendingStatLines: string[] = [];
  private readonly statsWriter: CoalescingWriter;

  private constructor(
    readonly dataDir: string,
    private readonly shards: Shard[],
    private readonly statsFile: string,
    private statsNeedNewline: boolean,
  ) {
    this.statsWriter = new CoalescingWriter(() => this.appendStats());
  }

  static async open(dataDir: string, options: DatabaseOptions = {}): Promise<Database> {
    const count = options.shards ?? DEFAULT_SHARDS;
    const stateDir = path.join(dataDir, 'state');
    mkdirSync(stateDir, { recursive: true });
    const width = Math.max(2, String(count - 1).length);
    const compactAfter = options.compactAfterBytes;
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => Shard.open(path.join(stateDir, `${String(i).padStart(width, '0')}.json`), compactAfter)));

    const statsFile = path.join(dataDir, STATS_FILE);
    const { records, needsNewline } = await readStatsLog(statsFile);
    const db = new Database(dataDir, shards, statsFile, needsNewline);
    db.stats.push(...records);
    await db.redistribute(stateDir, compactAfter);
    await db.migrateLegacy();
    db.indexRecency();
    return db;
  }

  // --- conversation state -------------------------------------------------------------------

  getState(key: string): StoredItem | undefined {
    return this.shardOf(key).low.data.botState[key];
  }

  /** Changes a key in memory (and moves it to the most recent end); `saveState` persists it. */
  putState(key: string, item: StoredItem, savedAt: string): void {
    const shard = this.shardOf(key);
    const data = shard.low.data;
    shard.dirty.add(key);
    data.botState[key] = item;
    data.botStateSavedAt[key] = savedAt;
    this.recency.delete(key);
    this.recency.set(key, savedAt);
  }

  deleteState(key: string): void {
    const shard = this.shardOf(key);
    const data = shard.low.data;
    shard.dirty.add(key);
    delete data.botState[key];
    delete data.botStateSavedAt[key];
    this.recency.delete(key);
  }

  get stateCount(): number {
    return this.recency.size;
  }

  /** Keys and save times, least recently saved first. */
  stateByRecency(): IterableIterator<[string, string]> {
    return this.recency.entries();
  }

  /** Writes the shards holding these keys (coalesced with the other saves of the same shards). */
  async saveState(keys: Iterable<string>): Promise<void> {
    const shards = new Set<Shard>();
    for (const key of keys) shards.add(this.shardOf(key));
    await Promise.all([...shards].map((shard) => shard.writer.request()));
  }

  /** The shard snapshot files (each with its `.log` beside it), for tests and benchmarks. */
  get stateFiles(): string[] {
    return this.shards.map((shard) => shard.file);
  }

  /** File writes performed so far (state shards and statistics log). */
  get fileWrites(): number {
    return this.shards.reduce((sum, shard) => sum + shard.writer.writes, this.statsWriter.writes);
  }

  // --- anonymous statistics -----------------------------------------------------------------

  get checkStats(): readonly CheckStatRecord[] {
    return this.stats;
  }

  appendCheckStat(stat: CheckStatRecord): Promise<void> {
    const record = structuredClone(stat);
    this.stats.push(record);
    this.pendingStatLines.push(`${JSON.stringify(record)}\n`);
    return this.statsWriter.request();
  }

  // --- lifecycle ----------------------------------------------------------------------------

  /**
   * Waits for every requested write to finish, at most `timeoutMs`.
   * Returns false when the time ran out with writes still pending.
   */
  async flush(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const all = Promise.all([...this.shards.map((shard) => shard.writer.settled()), this.statsWriter.settled()]).then(() => true);
    if (!Number.isFinite(timeoutMs)) return all;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Flushes (at most `timeoutMs`), then closes the open log files. Returns what `flush` says. */
  async close(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const flushed = await this.flush(timeoutMs);
    await Promise.all(this.shards.map((shard) => shard.close()));
    return flushed;
  }

  // --- internals ----------------------------------------------------------------------------

  private shardOf(key: string): Shard {
    return this.shards[shardIndex(key, this.shards.length)]!;
  }

  private async appendStats(): Promise<void> {
    const lines = this.pendingStatLines;
    this.pendingStatLines = [];
    try {
      await appendFile(this.statsFile, (this.statsNeedNewline ? '\n' : '') + lines.join(''), 'utf8');
      this.statsNeedNewline = false;
    } catch (error) {
      this.pendingStatLines = [...lines, ...this.pendingStatLines];
      throw error;
    }
  }

  /** Puts every key in the shard its hash names (after a change of shard count); removes extra files. */
  private async redistribute(stateDir: string, compactAfter: number | undefined): Promise<void> {
    const extra: Shard[] = [];
    const moved = new Set<Shard>();
    const names = new Set(readdirSync(stateDir).map((name) => SHARD_FILE.exec(name)?.[1]).filter((name) => name !== undefined));
    for (const name of names) {
      const index = Number(name);
      const file = path.join(stateDir, `${name}.json`);
      let source = this.shards[index];
      if (!source || source.file !== file) {
        source = await Shard.open(file, compactAfter);
        extra.push(source);
      }
      for (const [key, item] of Object.entries(source.low.data.botState)) {
        const target = this.shardOf(key);
        if (target === source) continue;
        target.low.data.botState[key] ??= item;
        const savedAt = source.low.data.botStateSavedAt[key];
        if (savedAt) target.low.data.botStateSavedAt[key] ??= savedAt;
        delete source.low.data.botState[key];
        delete source.low.data.botStateSavedAt[key];
        moved.add(target).add(source);
      }
    }
    await Promise.all([...moved].filter((shard) => !extra.includes(shard)).map((shard) => shard.requestCompaction()));
    for (const shard of extra) {
      await shard.close();
      rmSync(shard.file, { force: true });
      rmSync(shard.logFile, { force: true });
    }
  }

  /**
   * Moves the single-file layout (`ha30.json`: botState, botStateSavedAt, checkStats) into the
   * shards and the statistics log, once, then renames it `ha30.json.migrated`. Safe to re-run after
   * a crash half-way: keys already in a shard are kept, statistics already copied are not repeated.
   */
  private async migrateLegacy(): Promise<void> {
    const legacyFile = path.join(this.dataDir, LEGACY_FILE);
    if (!existsSync(legacyFile)) return;
    const legacy = JSON.parse(await readFile(legacyFile, 'utf8')) as LegacyShape;
    const now = new Date().toISOString();
    const touched = new Set<Shard>();
    for (const [key, item] of Object.entries(legacy.botState ?? {})) {
      if (this.getState(key)) continue;
      const shard = this.shardOf(key);
      shard.low.data.botState[key] = item;
      shard.low.data.botStateSavedAt[key] = legacy.botStateSavedAt?.[key] ?? now;
      touched.add(shard);
    }
    await Promise.all([...touched].map((shard) => shard.requestCompaction()));

    const legacyStats = legacy.checkStats ?? [];
    const alreadyCopied = legacyStats.every((stat, i) => this.stats[i] !== undefined && JSON.stringify(this.stats[i]) === JSON.stringify(stat));
    if (legacyStats.length > 0 && !alreadyCopied) {
      // Legacy records first (they are older), the whole log written at once through a temp file.
      const records = [...legacyStats, ...this.stats];
      const temp = `${this.statsFile}.tmp`;
      writeFileSync(temp, records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
      renameSync(temp, this.statsFile);
      this.stats.splice(0, this.stats.length, ...records);
      this.statsNeedNewline = false;
    }
    renameSync(legacyFile, `${legacyFile}.migrated`);
  }

  private indexRecency(): void {
    const now = new Date().toISOString();
    const entries: [string, string][] = [];
    const undated = new Set<Shard>();
    for (const shard of this.shards) {
      const { botState, botStateSavedAt } = shard.low.data;
      for (const key of Object.keys(botState)) {
        // State written before save times were kept is dated now, so it is purged later, not today.
        if (!botStateSavedAt[key]) {
          botStateSavedAt[key] = now;
          undated.add(shard);
        }
        entries.push([key, botStateSavedAt[key]]);
      }
    }
    entries.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    for (const [key, savedAt] of entries) this.recency.set(key, savedAt);
    for (const shard of undated) shard.requestCompaction().catch(() => undefined);
  }
}

/** Reads the statistics log; a line that does not parse (torn by a crash) is skipped. */
async function readStatsLog(file: string): Promise<{ records: CheckStatRecord[]; needsNewline: boolean }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], needsNewline: false };
    throw error;
  }
  const records: CheckStatRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as CheckStatRecord);
    } catch {
      // torn line: skip it
    }
  }
  return { records, needsNewline: text.length > 0 && !text.endsWith('\n') };
}
