import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

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

export interface DatabaseShape {
  botState: Record<string, StoredItem>;
  /** When each state key was last written (ISO time), for the retention purge. */
  botStateSavedAt: Record<string, string>;
  checkStats: CheckStatRecord[];
}

const EMPTY: DatabaseShape = { botState: {}, botStateSavedAt: {}, checkStats: [] };

/**
 * The embedded database: one JSON file under DATA_DIR. lowdb rewrites the whole file on each write
 * (atomically, through steno), so it suits one process and modest volumes; the repositories built on
 * it keep the rest of the code independent of that choice.
 */
export class Database {
  private pending: Promise<void> = Promise.resolve();

  private constructor(private readonly low: Low<DatabaseShape>, readonly file: string) {}

  static async open(dataDir: string, fileName = 'ha30.json'): Promise<Database> {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, fileName);
    const low = new Low<DatabaseShape>(new JSONFile<DatabaseShape>(file), structuredClone(EMPTY));
    await low.read();
    low.data = { ...structuredClone(EMPTY), ...(low.data ?? {}) };
    return new Database(low, file);
  }

  get data(): DatabaseShape {
    return this.low.data;
  }

  /** Persists the current data; writes are chained so that `flush` waits for the last one. */
  save(): Promise<void> {
    const next = this.pending.then(() => this.low.write());
    this.pending = next.catch(() => undefined);
    return next;
  }

  async flush(): Promise<void> {
    await this.pending;
  }
}
