import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { INTEREST_KINDS, type InterestCounts, type TenderFlag, type TenderInterestEvent, type TenderInterestKind, type TenderInterestRecorder, type TenderInterestSource } from '../insights/types';
import { CoalescingWriter } from './CoalescingWriter';

export const INTEREST_DIR = 'insights';
export const INTEREST_FILE = 'tender-interest.json';
export const INTEREST_KEYS_FILE = 'tender-interest.keys.json';

/** Hashes are kept this long after the deadline (late checks at the award stage still count once). */
export const GRACE_DAYS = 30;
/** …or this long after the last event of a tender without a deadline (an upcoming purchase). */
export const NO_DEADLINE_DAYS = 180;

const DAY_MS = 86_400_000;
const HASH_BYTES = 16;

type Hashes = Record<TenderInterestKind, string[]>;

interface TenderEntry {
  /** Day after which the hashes are forgotten and only the counts stay. */
  keepUntil: string;
  hashes?: Hashes;
  frozen?: InterestCounts;
}

interface InterestData {
  version: 1;
  tenders: Record<string, TenderEntry>;
  flags: TenderFlag[];
}

export interface TenderInterestOptions {
  /** The store never fails a turn: a write error goes here (log it), the event stays in memory. */
  onError?: (error: unknown) => void;
  now?: () => Date;
}

/**
 * Distinct SMEs per tender without knowing who they are.
 *
 * Each tender gets its own random key (in a separate file, owner-only); an SME is kept as
 * HMAC-SHA256(tender key, user key) cut to 128 bits, only in that tender's sets. Why this rather
 * than one rotating secret:
 * - the same SME has unrelated hashes in two tenders, so the file cannot be joined into "who looked
 *   at what" (a global keyed hash would link every tender an SME saw);
 * - hashes are needed only while a tender can still be seen: at `keepUntil` (deadline + 30 days)
 *   the sets become counts and the tender's key is deleted, so a later copy of the files cannot
 *   test a user id against them — the same effect as rotation, without double-counting an SME
 *   whose visits straddle a rotation;
 * - no time is kept per event and sets are sorted, so neither timestamps nor insertion order tie
 *   the entries of one search across tenders;
 * - the data file alone (a backup, a support copy) holds no key: hashes cannot be tested without
 *   the key file.
 * Events after a tender's sets were frozen are ignored (they could not be deduplicated).
 * One process writes the files, like the rest of the embedded store.
 */
export class TenderInterestStore implements TenderInterestRecorder, TenderInterestSource {
  private readonly writer: CoalescingWriter;
  private keysChanged = false;
  private lastExpiry = '';

  private constructor(
    private readonly dir: string,
    private readonly data: InterestData,
    private readonly keys: Record<string, string>,
    private readonly options: TenderInterestOptions,
  ) {
    this.writer = new CoalescingWriter(() => this.write());
  }

  static async open(dataDir: string, options: TenderInterestOptions = {}): Promise<TenderInterestStore> {
    const dir = path.join(dataDir, INTEREST_DIR);
    mkdirSync(dir, { recursive: true });
    const data = (await readJson<InterestData>(path.join(dir, INTEREST_FILE))) ?? { version: 1, tenders: {}, flags: [] };
    const keys = (await readJson<{ keys: Record<string, string> }>(path.join(dir, INTEREST_KEYS_FILE)))?.keys ?? {};
    const store = new TenderInterestStore(dir, data, keys, options);
    if (store.expire()) await store.writer.request();
    return store;
  }

  async record(event: TenderInterestEvent): Promise<void> {
    if (!isValidEvent(event)) return;
    const expired = this.expire();
    const added = this.add(event);
    if (!expired && !added) return;
    try {
      await this.writer.request();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async counts(): Promise<ReadonlyMap<string, InterestCounts>> {
    const counts = new Map<string, InterestCounts>();
    for (const [tenderId, entry] of Object.entries(this.data.tenders)) counts.set(tenderId, countsOf(entry));
    return counts;
  }

  async flags(): Promise<readonly TenderFlag[]> {
    return this.data.flags;
  }

  /** « Peu ou pas de réponses locales », once per tender and organisation (the first time is kept). */
  async flag(tenderId: string, organisationId: string): Promise<TenderFlag> {
    const existing = this.data.flags.find((flag) => flag.tenderId === tenderId && flag.organisationId === organisationId);
    if (existing) return existing;
    const flag = { tenderId, organisationId, at: this.now().toISOString() };
    this.data.flags.push(flag);
    await this.writer.request();
    return flag;
  }

  async unflag(tenderId: string, organisationId: string): Promise<boolean> {
    const before = this.data.flags.length;
    this.data.flags = this.data.flags.filter((flag) => flag.tenderId !== tenderId || flag.organisationId !== organisationId);
    if (this.data.flags.length === before) return false;
    await this.writer.request();
    return true;
  }

  /** Resolves once every requested write is done (shutdown, tests). */
  flush(): Promise<void> {
    return this.writer.settled();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private add(event: TenderInterestEvent): boolean {
    const today = this.now();
    const entry = (this.data.tenders[event.tenderId] ??= { keepUntil: dayOf(today), hashes: emptyHashes() });
    if (entry.frozen || !entry.hashes) return false;
    const deadline = event.deadlineAt ? Date.parse(event.deadlineAt) : Number.NaN;
    const keepUntil = dayOf(new Date(Number.isFinite(deadline) ? deadline + GRACE_DAYS * DAY_MS : today.getTime() + NO_DEADLINE_DAYS * DAY_MS));
    let changed = false;
    if (keepUntil > entry.keepUntil) [entry.keepUntil, changed] = [keepUntil, true];
    let key = this.keys[event.tenderId];
    if (!key) {
      key = this.keys[event.tenderId] = randomBytes(32).toString('base64url');
      this.keysChanged = true;
    }
    const hash = createHmac('sha256', Buffer.from(key, 'base64url')).update(event.userKey, 'utf8').digest().subarray(0, HASH_BYTES).toString('base64url');
    return insertSorted(entry.hashes[event.kind], hash) || changed;
  }

  /** Freezes the tenders past their `keepUntil` (once a day at most): counts stay, hashes and key go. */
  private expire(): boolean {
    const today = dayOf(this.now());
    if (today === this.lastExpiry) return false;
    this.lastExpiry = today;
    let changed = false;
    for (const [tenderId, entry] of Object.entries(this.data.tenders)) {
      if (entry.keepUntil >= today) continue;
      if (entry.hashes) {
        entry.frozen = countsOf(entry);
        delete entry.hashes;
        changed = true;
      }
      if (this.keys[tenderId]) {
        delete this.keys[tenderId];
        this.keysChanged = true;
        changed = true;
      }
    }
    return changed;
  }

  /** Keys first: a crash between the two writes then leaves an unused key, never hashes without their key. */
  private async write(): Promise<void> {
    if (this.keysChanged) {
      this.keysChanged = false;
      try {
        await writeAtomic(path.join(this.dir, INTEREST_KEYS_FILE), JSON.stringify({ keys: this.keys }), 0o600);
      } catch (error) {
        this.keysChanged = true;
        throw error;
      }
    }
    await writeAtomic(path.join(this.dir, INTEREST_FILE), JSON.stringify(this.data), 0o644);
  }
}

function emptyHashes(): Hashes {
  return { SEEN: [], OPENED: [], CHECK_STARTED: [] };
}

function countsOf(entry: TenderEntry): InterestCounts {
  if (entry.frozen || !entry.hashes) return entry.frozen ?? { seen: 0, opened: 0, checkStarted: 0, engaged: 0 };
  const { SEEN, OPENED, CHECK_STARTED } = entry.hashes;
  return { seen: SEEN.length, opened: OPENED.length, checkStarted: CHECK_STARTED.length, engaged: new Set([...OPENED, ...CHECK_STARTED]).size };
}

function isValidEvent(event: TenderInterestEvent): boolean {
  return (
    typeof event?.tenderId === 'string' &&
    event.tenderId.length > 0 &&
    event.tenderId.length <= 200 &&
    INTEREST_KINDS.includes(event.kind) &&
    typeof event.userKey === 'string' &&
    event.userKey.length > 0 &&
    (event.deadlineAt === undefined || typeof event.deadlineAt === 'string')
  );
}

/** Inserts in a sorted array unless present; true when inserted. */
function insertSorted(list: string[], value: string): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  if (list[low] === value) return false;
  list.splice(low, 0, value);
  return true;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { encoding: 'utf8', mode });
  await rename(temp, file);
}
