import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Change, HistoryQuery } from './types';

export const HISTORY_FILE = path.join('knowledge-history', 'changes.jsonl');
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 200;

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

  /** Every change, oldest first. */
  all(): Change[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const change = JSON.parse(line) as unknown;
        return isChange(change) ? [change] : [];
      } catch {
        return [];
      }
    });
  }

  find(id: string): Change | undefined {
    return this.all().find((change) => change.id === id);
  }

  /** Newest first, filtered by collection and record id. */
  list(query: HistoryQuery = {}): Change[] {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    return this.all()
      .filter((change) => (query.collection === undefined || change.collection === query.collection) && (query.id === undefined || change.recordId === query.id))
      .reverse()
      .slice(0, limit);
  }
}
