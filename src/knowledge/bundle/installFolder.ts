import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The steps of a swap, in order; a test may stop the process at any of them to play a crash. */
export type InstallStep = 'journal' | 'backup' | 'swap' | 'sync' | 'done';

interface Journal {
  staging: string;
  target: string;
  backup: string;
}

function siblings(target: string): { parent: string; name: string } {
  const absolute = path.resolve(target);
  return { parent: path.dirname(absolute), name: path.basename(absolute) };
}

function journalFile(target: string): string {
  const { parent, name } = siblings(target);
  return path.join(parent, `.${name}.swap.json`);
}

function lockFile(target: string): string {
  const { parent, name } = siblings(target);
  return path.join(parent, `.${name}.import.lock`);
}

/** A new, empty folder beside `target` (same file system, so that a rename moves it at once). */
export function stagingFolder(target: string): string {
  const { parent, name } = siblings(target);
  const dir = path.join(parent, `.${name}.import-${process.pid}-${Date.now().toString(36)}`);
  rmSync(dir, { recursive: true, force: true });
  readdirSync(parent); // the parent must exist: a clear error here rather than a half-made folder
  return dir;
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(file: string, text: string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, text, { flush: true });
  renameSync(partial, file);
  syncDir(path.dirname(file));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ImportBusyError extends Error {}

/** Another live process holds the import lock: its staging folder and journal are its own. */
function importRunningElsewhere(target: string): boolean {
  try {
    const owner = Number(readFileSync(lockFile(target), 'utf8'));
    return Number.isInteger(owner) && owner > 0 && owner !== process.pid && pidAlive(owner);
  } catch {
    return false;
  }
}

/**
 * One import at a time per knowledge folder: a lock file beside it with the owner's pid. A lock
 * left by a process that died (a crash) is taken over.
 */
export function lockImports(target: string): () => void {
  const file = lockFile(target);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (importRunningElsewhere(target)) throw new ImportBusyError(`une autre importation est en cours (processus ${readFileSync(file, 'utf8').trim()})`);
      rmSync(file, { force: true });
    }
  }
  throw new ImportBusyError('le verrou d’importation n’a pas pu être pris');
}

/**
 * Finishes or undoes a swap that a crash interrupted, from its journal: between the two renames
 * the folder is briefly absent, never half old and half new; this puts the new one in place (or,
 * if it is gone too, the previous one back). Leftover staging folders are removed. Returns what it did.
 */
export function recoverInstall(target: string): 'none' | 'completed' | 'restored' | 'cleaned' {
  const file = journalFile(target);
  const { parent, name } = siblings(target);
  let outcome: 'none' | 'completed' | 'restored' | 'cleaned' = 'none';
  if (!existsSync(parent) || importRunningElsewhere(target)) return outcome;
  rmSync(`${file}.partial`, { force: true });
  const lock = lockFile(target);
  if (existsSync(lock) && readFileSync(lock, 'utf8').trim() !== String(process.pid)) {
    rmSync(lock, { force: true }); // left by an import that died
    outcome = 'cleaned';
  }
  if (existsSync(file)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    } catch {
      journal = undefined;
    }
    if (journal && !existsSync(journal.target)) {
      if (existsSync(journal.staging)) {
        renameSync(journal.staging, journal.target);
        outcome = 'completed';
      } else if (existsSync(journal.backup)) {
        renameSync(journal.backup, journal.target);
        outcome = 'restored';
      }
      syncDir(parent);
    }
    unlinkSync(file);
    if (outcome === 'none') outcome = 'cleaned';
  }
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${name}.import-`)) {
      rmSync(path.join(parent, entry), { recursive: true, force: true });
      if (outcome === 'none') outcome = 'cleaned';
    }
  }
  return outcome;
}

/** "knowledge.sauvegarde-2026-12-02T10-15-03" beside the folder (a suffix if that name is taken). */
function backupName(target: string, now: Date): string {
  const { parent, name } = siblings(target);
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  let candidate = path.join(parent, `${name}.sauvegarde-${stamp}`);
  for (let i = 2; existsSync(candidate); i += 1) candidate = path.join(parent, `${name}.sauvegarde-${stamp}-${i}`);
  return candidate;
}

/**
 * Puts the complete folder `staging` in the place of `target` by two renames (the previous folder
 * becomes a dated backup beside it), under a journal that `recoverInstall` reads after a crash. A
 * reader of `target` sees the old folder or the new one, whole — or, for the instant between the
 * renames, none.
 */
export function installFolder(staging: string, target: string, options: { now?: Date; onStep?: (step: InstallStep) => void } = {}): { backup?: string } {
  const step = options.onStep ?? (() => undefined);
  const absolute = path.resolve(target);
  const hadTarget = existsSync(absolute);
  const backup = backupName(absolute, options.now ?? new Date());
  syncDir(staging);
  step('journal');
  writeDurably(journalFile(absolute), JSON.stringify({ staging: path.resolve(staging), target: absolute, backup } satisfies Journal));
  step('backup');
  if (hadTarget) renameSync(absolute, backup);
  step('swap');
  renameSync(staging, absolute);
  step('sync');
  syncDir(path.dirname(absolute));
  step('done');
  unlinkSync(journalFile(absolute));
  return hadTarget ? { backup } : {};
}
