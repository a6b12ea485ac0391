import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { linesFromEnd } from './linesFromEnd';
import type { Change, HistoryQuery } from './types';

export const HISTORY_FILE = path.join('knowledge-history', 'changes.jsonl');
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 200;
/** A change holds a record before and after (bodies are 256 KB at most): a longer line is no change. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
/**
 * The audit log looks this far back (tens of thousands of changes): a query for a record changed
 * rarely must not read years of history on each call. A restore finds a change however old.
 */
const MAX_LIST_SCAN_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

function isChange(value: unknown): value is Change {
  const change = value as Partial<Change> | null;
  return !!change && typeof change === 'object' && typeof change.id === 'string' && typeof change.at === 'string' && typeof change.action === 'string' && typeof change.recordId === 'string';
}

/**
 * The history of every change, one JSON line each, append-only under DATA_DIR. A line cut short by
 * a crash is skipped when read (the next append starts on a new line), never fatal.
 */
export class HistoryLog {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, HISTORY_FILE);
  }

  /** Appends one change, fsynced. Callers hold the editor's write lock. */
  append(change: Change): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a+', 0o600);
    try {
      const size = fstatSync(fd).size;
      const last = Buffer.alloc(1);
      if (size > 0) readSync(fd, last, 0, 1, size - 1);
      // A line left unfinished by a crash must not swallow this one.
      const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
      writeSync(fd, `${lead}${JSON.stringify(change)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The changes from the newest, read from the end of the file (at most `maxScanBytes` of it). */
  private *newestFirst(maxScanBytes = Number.POSITIVE_INFINITY): Generator<Change> {
    for (const line of linesFromEnd(this.file, { chunkBytes: CHUNK_BYTES, maxLineBytes: MAX_LINE_BYTES, maxScanBytes })) {
      if (!line.trim()) continue;
      let change: unknown;
      try {
        change = JSON.parse(line);
      } catch {
        continue;
      }
      if (isChange(change)) yield change;
    }
  }

  find(id: string): Change | undefined {
    for (const change of this.newestFirst()) if (change.id === id) return change;
    return undefined;
  }

  /**
   * Newest first, filtered by collection and record id; `before`: only the changes older than that
   * one (the next page of the audit log). Reads the file from its end and stops at `limit`.
   */
  list(query: HistoryQuery = {}): Change[] {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const found: Change[] = [];
    let reached = query.before === undefined;
    for (const change of this.newestFirst(MAX_LIST_SCAN_BYTES)) {
      if (!reached) {
        reached = change.id === query.before;
        continue;
      }
      if ((query.collection === undefined || change.collection === query.collection) && (query.id === undefined || change.recordId === query.id)) found.push(change);
      if (found.length >= limit) break;
    }
    return found;
  }
}
