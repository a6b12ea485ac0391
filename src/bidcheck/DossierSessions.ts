import type { InputFile } from './intake/readDossier';

interface HeldFile extends InputFile {
  receivedAt: number;
}

export interface SessionAdd {
  /** Every file of the dossier now: earlier ones first, a file sent again under the same name replaced. */
  files: InputFile[];
  /** Names of the earlier files kept with this batch. */
  earlier: string[];
}

/**
 * The pieces an SME sent in one conversation, held in memory only, so that a dossier sent one file
 * at a time is checked as a whole. A file is forgotten 30 minutes after it was received (as the
 * privacy notice says), and a memory budget evicts the oldest conversations first.
 */
export class DossierSessions {
  private readonly sessions = new Map<string, HeldFile[]>();

  constructor(
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly maxTotalBytes = 512 * 1024 * 1024,
  ) {}

  add(key: string, batch: readonly InputFile[], now = Date.now()): SessionAdd {
    this.expire(now);
    const held = (this.sessions.get(key) ?? []).filter((file) => !batch.some((fresh) => fresh.name === file.name));
    const earlier = held.map((file) => file.name);
    const files = [...held, ...batch.map((file) => ({ ...file, receivedAt: now }))];
    this.sessions.delete(key);
    this.sessions.set(key, files);
    this.evictOverBudget(key);
    return { files: files.map(({ name, bytes }) => ({ name, bytes })), earlier };
  }

  clear(key: string): void {
    this.sessions.delete(key);
  }

  private expire(now: number): void {
    for (const [key, files] of this.sessions) {
      const fresh = files.filter((file) => now - file.receivedAt < this.ttlMs);
      if (fresh.length === 0) this.sessions.delete(key);
      else if (fresh.length !== files.length) this.sessions.set(key, fresh);
    }
  }

  private evictOverBudget(keep: string): void {
    let total = [...this.sessions.values()].flat().reduce((sum, file) => sum + file.bytes.length, 0);
    for (const key of [...this.sessions.keys()]) {
      if (total <= this.maxTotalBytes || key === keep) continue;
      total -= this.sessions.get(key)!.reduce((sum, file) => sum + file.bytes.length, 0);
      this.sessions.delete(key);
    }
  }
}
