import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

export interface FolderWatchOptions {
  /** How often the files' sizes and times are compared, for the systems where fs.watch misses events (network drives, containers). */
  pollMs: number;
  /** Quiet time after the last event before the change is reported: an editor's save is several writes. */
  debounceMs: number;
  /** false: the poll alone (tests of the fallback). */
  fsWatch?: boolean;
}

export interface FolderWatch {
  /** What the folder looks like now: a later change is one that differs from it. */
  markSeen(): void;
  close(): void;
}

/** Every file of the folder with its size, times and inode (an atomic rename changes the inode): cheap, a few dozen stats. */
export function folderStamp(dir: string): string {
  const lines: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      lines.push(`${folder}:absent`);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        try {
          const stat = statSync(full);
          lines.push(`${full}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`);
        } catch {
          // Removed between the listing and the stat: the next stamp will not list it.
        }
      }
    }
  };
  walk(dir);
  return lines.join('\n');
}

/**
 * Calls `onChange` once the folder's JSON files changed and then stayed quiet for `debounceMs`:
 * fs.watch (recursive) reports most changes at once, and a poll of the stamps catches the ones it
 * misses. Only a real change counts: events that leave every file as it was seen are ignored.
 */
export function watchFolder(dir: string, onChange: () => void, options: FolderWatchOptions): FolderWatch {
  let seen = folderStamp(dir);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const check = () => {
    timer = undefined;
    if (!closed && folderStamp(dir) !== seen) onChange();
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, options.debounceMs);
    timer.unref();
  };
  let watcher: FSWatcher | undefined;
  try {
    if (options.fsWatch !== false) watcher = watch(dir, { recursive: true, persistent: false }, schedule);
    // A watcher that fails (folder removed, too many watches) leaves the poll alone on duty.
    watcher?.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  const poll = setInterval(() => {
    if (!timer && folderStamp(dir) !== seen) schedule();
  }, options.pollMs);
  poll.unref();
  return {
    markSeen: () => {
      seen = folderStamp(dir);
    },
    close: () => {
      closed = true;
      watcher?.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
