import { readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ATOMIC_TEMP_FILE, syncFolder, writeFileAtomic as writeAtomic } from '../../files/atomicFile';

/** A knowledge file as read: its data and the indentation it was written with. */
export interface JsonDocument {
  data: Record<string, unknown>;
  indent: string;
  /** The bytes as read (to tell, just before replacing the file, whether someone changed it meanwhile). */
  text: string;
}

/** The indentation of a file's first indented line (two spaces when none). */
export function indentOf(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

export function readJsonDocument(file: string): JsonDocument {
  const raw = readFileSync(file, 'utf8');
  const text = raw.replace(/^\uFEFF/, '');
  return { data: JSON.parse(text) as Record<string, unknown>, indent: indentOf(text), text: raw };
}

/** A file's text now, or null when there is none. */
export function textIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The text a knowledge file is written as: "$schema" first, the file's own indentation, a final newline. */
export function formatJson(data: Record<string, unknown>, indent = '  '): string {
  const ordered = '$schema' in data ? Object.fromEntries([['$schema', data.$schema], ...Object.entries(data).filter(([key]) => key !== '$schema')]) : data;
  return `${JSON.stringify(ordered, null, indent)}\n`;
}

export interface WriteHooks {
  /** Tests: runs after the temporary file is complete, before it replaces the target (a crash there leaves the old file). */
  beforeRename?: (tempFile: string) => void;
}

/** A knowledge file replaced atomically (src/files), readable by all like the rest of the folder. */
export function writeFileAtomic(file: string, text: string, hooks: WriteHooks = {}): void {
  writeAtomic(file, text, { mode: 0o644, ...(hooks.beforeRename ? { beforeRename: hooks.beforeRename } : {}) });
}

/** Removes a file (a record that is one file), the folder fsynced after. */
export function removeFile(file: string): void {
  unlinkSync(file);
  syncFolder(path.dirname(file));
}

/** Temporary files a crash left in a folder tree (ours only): removed, their paths returned. */
export function cleanTempFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cleanTempFiles(full);
    if (!ATOMIC_TEMP_FILE.test(entry.name)) return [];
    rmSync(full, { force: true });
    return [full];
  });
}

export function isTempFile(name: string): boolean {
  return ATOMIC_TEMP_FILE.test(path.basename(name));
}
