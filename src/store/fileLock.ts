import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The lock could not be taken in time: another process holds it (a long purge) or a stale one was not recognised. */
export class LockBusyError extends Error {}

export interface FileLockOptions {
  /** How long to wait for the lock before giving up. */
  timeoutMs?: number;
  /** A lock older than this is left by a process that hung or died and whose pid was reused: taken over. */
  staleMs?: number;
}

const DEFAULTS = { timeoutMs: 5_000, staleMs: 30_000 };
/** Within one process the lock is also a queue, so that the process never waits on its own file. */
const queues = new Map<string, Promise<unknown>>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lock's content when it is abandoned: its holder is gone, is this very process (a restart
 * reusing the pid: within the process the queue already serialises), or it is too old.
 * Undefined while it is held (or released meanwhile: then the next attempt takes it).
 */
function staleContent(lock: string, staleMs: number): string | undefined {
  try {
    const content = readFileSync(lock, 'utf8');
    const holder = Number(content.split(':')[0]);
    const abandoned = !Number.isInteger(holder) || holder <= 0 || holder === process.pid || !alive(holder);
    return abandoned || Date.now() - statSync(lock).mtimeMs > staleMs ? content : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes an abandoned lock, unless another process replaced it meanwhile (then it is put back). */
function breakStale(lock: string, content: string, token: string): void {
  const aside = `${lock}.stale-${token.replace(':', '-')}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  if (readFileSync(aside, 'utf8') !== content) {
    try {
      linkSync(aside, lock);
    } catch {
      // someone else holds it now: they win
    }
  }
  rmSync(aside, { force: true });
}

/** Creates the lock with its content in one step: a waiter never reads a lock that is still empty. */
function tryCreate(lock: string, token: string): boolean {
  const temp = `${lock}.new-${token.replace(':', '-')}`;
  writeFileSync(temp, token);
  try {
    linkSync(temp, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

async function acquire(lock: string, options: Required<FileLockOptions>): Promise<() => void> {
  mkdirSync(path.dirname(lock), { recursive: true });
  const token = `${process.pid}:${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lock, token)) {
      return () => {
        try {
          // Only our own lock: one taken over from us as stale belongs to someone else now.
          if (readFileSync(lock, 'utf8') === token) rmSync(lock, { force: true });
        } catch {
          // already gone
        }
      };
    }
    const stale = staleContent(lock, options.staleMs);
    if (stale !== undefined) {
      breakStale(lock, stale, token);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(`Le fichier ${path.basename(lock, '.lock')} est occupé par un autre processus (verrou ${lock}) : réessayez dans quelques secondes.`);
    await sleep(Math.min(5 + attempt * 5, 50));
  }
}

/**
 * Runs `work` holding `lockFile` (created exclusively, holding the pid), shared by every process
 * that writes the same file: the bot appending and `npm run gaps -- purge` rewriting. Callers of
 * the same process queue up behind each other first.
 */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const key = path.resolve(lockFile);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const release = await acquire(lockFile, { ...DEFAULTS, ...options });
    try {
      return await work();
    } finally {
      release();
    }
  });
  queues.set(key, run);
  void run.finally(() => {
    if (queues.get(key) === run) queues.delete(key);
  }).catch(() => undefined);
  return run;
}
