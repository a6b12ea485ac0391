import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CoalescingWriter } from './CoalescingWriter';
import { type ShardShape, StateShard, type StoredItem } from './StateShard';

export type { ShardShape, StoredItem } from './StateShard';

/** Anonymous record of one bid check: rule ids and document types only, never names. */
export interface CheckStatRecord {
  at: string;
  documentTypes: string[];
  findings: { rule: string; severity: string }[];
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
const LEGACY_FILE = 'ha30.json';
const STATS_FILE = 'check-stats.jsonl';
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
    private readonly shards: StateShard[],
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
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => StateShard.open(path.join(stateDir, `${String(i).padStart(width, '0')}.json`), compactAfter)));

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
    const shards = new Set<StateShard>();
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

  private shardOf(key: string): StateShard {
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
    const extra: StateShard[] = [];
    const moved = new Set<StateShard>();
    const names = new Set(readdirSync(stateDir).map((name) => SHARD_FILE.exec(name)?.[1]).filter((name) => name !== undefined));
    for (const name of names) {
      const index = Number(name);
      const file = path.join(stateDir, `${name}.json`);
      let source = this.shards[index];
      if (!source || source.file !== file) {
        source = await StateShard.open(file, compactAfter);
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
    const touched = new Set<StateShard>();
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
    const undated = new Set<StateShard>();
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
