import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PdfPasswordError, type PdfText, readPdfText } from './pdfText';

export class PdfTimeoutError extends Error {}

interface Job {
  id: number;
  bytes: Buffer;
  resolve: (text: PdfText) => void;
  reject: (error: Error) => void;
  /** Absolute time (ms) after which the job is abandoned, queued time included. */
  deadline: number;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * pdf.js extraction on worker threads: files of a dossier are read in parallel, and a PDF that
 * takes longer than the check's remaining time is abandoned by terminating its worker (the main
 * thread never hangs on a hostile file). Without a compiled worker (ts-jest), it runs in-process.
 */
export class PdfTextPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private readonly workerFile = path.join(__dirname, 'pdfTextWorker.js');
  private readonly size = Math.max(1, Math.min(4, availableParallelism()));

  get parallel(): boolean {
    return existsSync(this.workerFile);
  }

  extract(bytes: Buffer, timeoutMs: number): Promise<PdfText> {
    if (!this.parallel) return readPdfText(bytes);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, resolve, reject, deadline: Date.now() + timeoutMs });
      this.pump();
    });
  }

  /** Stops the workers (they are unref'd, so an idle pool never keeps the process alive anyway). */
  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.run(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerFile) };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; ok: boolean; pages?: string[]; info?: Record<string, unknown>; password?: boolean; message?: string }) => {
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.finish(slot);
      if (message.ok) job.resolve({ pages: message.pages ?? [], info: message.info ?? {} });
      else job.reject(message.password ? new PdfPasswordError('password') : new Error(message.message));
    });
    slot.worker.on('error', (error) => this.fail(slot, error));
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.fail(slot, new PdfTimeoutError('time budget')), Math.max(1, job.deadline - Date.now()));
    slot.worker.postMessage({ id: job.id, bytes: job.bytes });
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    setImmediate(() => this.pump());
  }

  /** A stuck or crashed worker is replaced; its job fails, the others go on. */
  private fail(slot: Slot, error: Error): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
    job?.reject(error);
    setImmediate(() => this.pump());
  }
}
