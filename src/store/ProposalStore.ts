import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Proposal } from '../proposals/types';
import { writeFileAtomic } from '../files/atomicFile';
import { withFileLock } from './fileLock';

export const PROPOSALS_DIR = 'proposals';
export const PROPOSALS_FILE = 'proposals.json';
const FORMAT = 'ha30-proposals';
const VERSION = 1;

interface ProposalsDocument {
  format: typeof FORMAT;
  version: typeof VERSION;
  proposals: Proposal[];
}

/** The file holds something else than proposals: nothing is written over it. */
export class ProposalsCorruptError extends Error {}

/**
 * The buyers' proposals of upcoming purchases, in `DATA_DIR/proposals/proposals.json`: a small file
 * rewritten whole on each change (a temporary file, fsynced, renamed over the old one), under a lock
 * shared by every process, so that a reader sees the old list or the new one, never half of either.
 * A few hundred proposals a year: no need for more than one file.
 */
export class ProposalStore {
  private readonly file: string;

  private constructor(dataDir: string) {
    this.file = path.join(dataDir, PROPOSALS_DIR, PROPOSALS_FILE);
  }

  static open(dataDir: string): ProposalStore {
    mkdirSync(path.join(dataDir, PROPOSALS_DIR), { recursive: true, mode: 0o700 });
    return new ProposalStore(dataDir);
  }

  async all(): Promise<Proposal[]> {
    return this.read();
  }

  /**
   * Runs `change` on the current list under the lock and writes what it returns (nothing when it
   * returns undefined). A throw leaves the file as it was.
   */
  async change<T>(change: (proposals: Proposal[]) => { proposals: Proposal[]; result: T } | undefined): Promise<T | undefined> {
    return withFileLock(`${this.file}.lock`, async () => {
      const outcome = change(this.read());
      if (!outcome) return undefined;
      this.write(outcome.proposals);
      return outcome.result;
    });
  }

  private read(): Proposal[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let document: Partial<ProposalsDocument>;
    try {
      document = JSON.parse(text) as Partial<ProposalsDocument>;
    } catch {
      throw new ProposalsCorruptError(`${this.file}: not valid JSON`);
    }
    if (document?.format !== FORMAT || document.version !== VERSION || !Array.isArray(document.proposals)) throw new ProposalsCorruptError(`${this.file}: unexpected format`);
    return document.proposals;
  }

  private write(proposals: readonly Proposal[]): void {
    const document: ProposalsDocument = { format: FORMAT, version: VERSION, proposals: [...proposals] };
    writeFileAtomic(this.file, `${JSON.stringify(document, null, 2)}\n`);
  }
}
