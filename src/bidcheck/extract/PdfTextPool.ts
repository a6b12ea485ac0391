import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { PdfPasswordError, type PdfText } from './pdfText';
import type { ReaderJob, ReaderReply } from './readerChild';

/** The file took longer than the time it was given: its reader process was killed. */
export class PdfTimeoutError extends Error {}

/** The file needed more memory than a reader may use (or crashed its reader): abandoned. */
export class ReaderLimitError extends Error {}

/** A reader could not start (a module failed to load…) or stopped by itself: our failure, not the file's. */
export class ReaderFailureError extends Error {}

/** What a reader gives back: text, and rows for a spreadsheet or a PDF's rebuilt price tables. */
export type ReadResult = PdfText;

interface Job {
  message: ReaderJob;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
  /** Absolute time (ms) after which the job is abandoned, queued time included. */
  deadline: number;
  /** Whose job it is (one dossier check): readers are shared fairly between owners. */
  owner?: object;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  stderr: string;
}

/** What a reader may allocate beyond its own start (MB), unless the limits say otherwise. */
export const DEFAULT_READER_MEMORY_MB = 384;

/**
 * pdf.js (and the Office readers) in separate processes, each with a memory cap (see readerChild):
 * files of a dossier are read in parallel; a file that takes longer than its time, or needs more
 * memory than the cap, is abandoned by killing its process — the caller's memory never holds what a
 * hostile file inflates to, and comes back as it was. Worker threads could not do this: pdf.js's
 * buffers live outside the V8 heap that `resourceLimits` caps. Without a build (ts-jest), the
 * reader runs from its TypeScript source through scripts/ts-require.cjs, with the same caps.
 */
export class PdfTextPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private readonly size = Math.max(1, Math.min(4, availableParallelism()));
  private memoryMb = DEFAULT_READER_MEMORY_MB;

  /** Always true now: kept for callers that asked whether reading runs off the main thread. */
  get parallel(): boolean {
    return true;
  }

  /** Sets the memory cap of the readers started from now on (idle ones with another cap are stopped). */
  configure(memoryMb: number): void {
    if (memoryMb === this.memoryMb) return;
    this.memoryMb = memoryMb;
    for (const slot of this.slots.filter((candidate) => !candidate.job)) this.drop(slot);
  }

  extract(bytes: Buffer, timeoutMs: number, maxPages = 0, owner?: object): Promise<ReadResult> {
    return this.read('pdf', bytes, timeoutMs, maxPages, owner);
  }

  read(kind: ReaderJob['kind'], bytes: Buffer, timeoutMs: number, maxPages = 0, owner?: object): Promise<ReadResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, kind, bytes, maxPages }, resolve, reject, deadline: Date.now() + timeoutMs, owner });
      this.pump();
    });
  }

  /** Stops the readers (they are unref'd, so an idle pool never keeps the process alive anyway). */
  async close(): Promise<void> {
    for (const slot of this.slots.slice()) this.drop(slot);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const now = Date.now();
      const expired = this.queue.findIndex((job) => job.deadline <= now);
      if (expired >= 0) {
        this.queue.splice(expired, 1)[0]!.reject(new PdfTimeoutError('time budget'));
        continue;
      }
      const slot = this.slots.find((candidate) => candidate.ready && !candidate.job);
      if (!slot) {
        // Start readers for the waiting jobs (they announce themselves ready, then pump again).
        const starting = this.slots.filter((candidate) => !candidate.ready).length;
        for (let i = starting; i < this.queue.length && this.slots.length < this.size; i++) this.spawn();
        return;
      }
      this.run(slot, this.queue.splice(this.fairestJob(), 1)[0]!);
    }
  }

  /**
   * The next job to run: the oldest one of the owner with the fewest jobs running, so that a dossier
   * of twenty slow PDFs does not make every other SME wait behind it.
   */
  private fairestJob(): number {
    const running = new Map<object | undefined, number>();
    for (const slot of this.slots) if (slot.job) running.set(slot.job.owner, (running.get(slot.job.owner) ?? 0) + 1);
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) {
      if ((running.get(this.queue[i]!.owner) ?? 0) < (running.get(this.queue[best]!.owner) ?? 0)) best = i;
    }
    return best;
  }

  private spawn(): Slot {
    const compiled = path.join(__dirname, 'readerChild.js');
    const [modulePath, args] = existsSync(compiled)
      ? [compiled, []]
      : [path.resolve(__dirname, '../../../scripts/ts-require.cjs'), [path.join(__dirname, 'readerChild.ts')]];
    const child = fork(modulePath, args, {
      execArgv: [`--max-old-space-size=${Math.max(64, this.memoryMb)}`],
      env: { ...process.env, HA30_READER_CHILD: '1', HA30_READER_MEMORY_MB: String(this.memoryMb) },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // Started for a waiting job: referenced until it is ready and idle (else the process could exit meanwhile).
    const slot: Slot = { child, ready: false, stderr: '' };
    // The stderr pipe is kept (its tail says "out of memory") but never keeps the process alive.
    (child.stderr as (NodeJS.ReadableStream & { unref?: () => void }) | null)?.unref?.();
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('message', (message: ReaderReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.pump();
        if (!slot.job) this.idle(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.message.id !== message.id) return;
      if (message.ok) {
        this.finish(slot);
        job.resolve({ pages: message.pages, total: message.total, info: message.info, ...(message.rows ? { rows: message.rows } : {}) });
      } else {
        // A reader that failed may hold a fragmented heap near its cap: start afresh.
        this.fail(slot, message.password ? new PdfPasswordError('password') : message.tooComplex ? new ReaderLimitError(message.message) : Object.assign(new Error(message.message), { name: message.name ?? 'Error' }));
      }
    });
    child.on('exit', (code, signal) => {
      const outOfMemory = /out of memory|allocation failed/i.test(slot.stderr);
      // Killed by a signal or out of memory: the file hit a cap. Exiting by itself (an exception it did not
      // catch, a module that failed to load) is a fault of ours; one that never got ready fails the waiting
      // jobs instead of being started again and again until their time runs out.
      if (signal !== null || outOfMemory) return this.fail(slot, new ReaderLimitError(`reader exited (${signal ?? code}) ${outOfMemory ? 'out of memory' : ''}`.trim()));
      const cause = /^\w*Error\b.*$/m.exec(slot.stderr)?.[0] ?? slot.stderr.trim().split('\n').pop() ?? '';
      const failure = new ReaderFailureError(`reader ${slot.ready ? 'exited' : 'could not start'} (${code}): ${cause.slice(0, 300)}`);
      if (!slot.ready) for (const job of this.queue.splice(0)) job.reject(failure);
      this.fail(slot, failure);
    });
    child.on('error', (error) => this.fail(slot, error));
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.child.ref();
    slot.child.channel?.ref();
    slot.timer = setTimeout(() => this.fail(slot, new PdfTimeoutError('time budget')), Math.max(1, job.deadline - Date.now()));
    slot.child.send(job.message);
  }

  private idle(slot: Slot): void {
    slot.child.unref();
    slot.child.channel?.unref();
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    this.idle(slot);
    setImmediate(() => this.pump());
  }

  /** A stuck, over-budget or crashed reader is killed and replaced; its job fails, the others go on. */
  private fail(slot: Slot, error: Error): void {
    const job = slot.job;
    slot.job = undefined;
    this.drop(slot);
    job?.reject(error);
    setImmediate(() => this.pump());
  }

  private drop(slot: Slot): void {
    clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.child.removeAllListeners('exit');
    slot.child.on('exit', () => undefined);
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
  }
}
