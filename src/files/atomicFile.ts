import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** After a rename, the folder entry itself must reach the disk. Not every platform can do it. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder, some file systems refuse to sync one: the rename is atomic all the same.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What a temporary file of `writeFileAtomic` looks like: hidden, named after its target, never *.json. */
export const ATOMIC_TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export interface AtomicWriteOptions {
  /** Permissions of a new file (0o600 by default: accounts and proposals are nobody else's business). */
  mode?: number;
  /** Tests: runs after the temporary file is complete, before it replaces the target (a crash there leaves the old file). */
  beforeRename?: (tempFile: string) => void;
}

/**
 * Replaces `file` with `text` so that a crash at any point leaves the old file or the new one, never
 * a mix: written whole beside it (same file system) under a hidden random name that no reader of
 * *.json takes for data, synced, renamed over it, then the folder synced.
 */
export function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', options.mode ?? 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    options.beforeRename?.(temp);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}
