import type { InputFile } from './intake/readDossier';

interface HeldFile extends InputFile {
  receivedAt: number;
}

export interface SessionAdd {
  /** Every file of the dossier now: earlier ones first, a file sent again under the same name replaced. */
  files: InputFile[];
  /** Names of the earlier files kept with this batch. */
  earlier: string[];
  /**
   * False when memory held for other conversations left no room to keep this batch for a later
   * message: it is checked now, but not kept (the user is told to send the whole dossier next time).
   */
  kept: boolean;
}

/**
 * The pieces an SME sent in one conversation, held in memory only, so that a dossier sent one file
 * at a time is checked as a whole. A file is forgotten 30 minutes after it was received (as the
 * privacy notice says). Memory is bounded; when it is full, a new batch is checked but not kept —
 * one SME's files never push out another's.
 */
export class DossierSessions {
  private readonly sessions = new Map<string, HeldFile[]>();

  constructor(
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly maxTotalBytes = 256 * 1024 * 1024,
  ) {}

  add(key: string, batch: readonly InputFile[], now = Date.now()): SessionAdd {
    this.expire(now);
    const held = (this.sessions.get(key) ?? []).filter((file) => !batch.some((fresh) => fresh.name === file.name));
    const earlier = held.map((file) => file.name);
    const files = [...held, ...batch.map((file) => ({ ...file, receivedAt: now }))];
    const others = this.heldBytes() - sizeOf(this.sessions.get(key) ?? []);
    const kept = others + sizeOf(files) <= this.maxTotalBytes;
    if (kept) this.sessions.set(key, files);
    return { files: files.map(({ name, bytes }) => ({ name, bytes })), earlier, kept };
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

  private heldBytes(): number {
    let total = 0;
    for (const files of this.sessions.values()) total += sizeOf(files);
    return total;
  }
}

function sizeOf(files: readonly InputFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes.length, 0);
}
