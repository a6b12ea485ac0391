import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readDocxText, readXlsxRows } from './officeText';
import { PdfPasswordError, readPdfText } from './pdfText';

/** A job for a reader process (see PdfTextPool): one file's bytes and what to read from them. */
export interface ReaderJob {
  id: number;
  kind: 'pdf' | 'docx' | 'xlsx';
  bytes: Uint8Array;
  maxPages: number;
}

export type ReaderReply =
  | { id: number; ok: true; pages: string[]; total: number; info: Record<string, unknown>; rows?: string[][] }
  | { id: number; ok: false; password?: boolean; tooComplex?: boolean; message: string; name?: string };

/**
 * Caps this process's data segment (RLIMIT_DATA: heap, ArrayBuffers, anonymous mappings) at what it
 * uses once its modules are loaded plus the budget: past it an allocation fails (pdf.js then throws,
 * or V8 aborts the process), instead of the machine swapping for a 30 GB image. Node has no
 * setrlimit, so util-linux `prlimit --pid` sets it; without prlimit the heap cap (execArgv) remains.
 */
function capMemory(budgetMb: number): boolean {
  if (!(budgetMb > 0)) return false;
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const vmData = Number(/^VmData:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024;
    execFileSync('prlimit', ['--pid', String(process.pid), `--data=${vmData + budgetMb * 1024 * 1024}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The error's class name, which tells the file's fault (pdf.js's InvalidPDFException, FormatError)
 * from a bug (TypeError…). pdf.js wraps what it does not know in UnknownErrorException, whose details
 * start with the original name.
 */
function errorName(error: unknown): string {
  const name = String((error as Error)?.name ?? 'Error');
  const details = (error as { details?: unknown })?.details;
  return name === 'UnknownErrorException' && typeof details === 'string' ? (/^(\w+):/.exec(details)?.[1] ?? name) : name;
}

async function run(job: ReaderJob): Promise<ReaderReply> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    if (job.kind === 'pdf') {
      const text = await readPdfText(bytes, job.maxPages);
      return { id: job.id, ok: true, pages: text.pages, total: text.total, info: JSON.parse(JSON.stringify(text.info ?? {})), ...(text.rows ? { rows: text.rows } : {}) };
    }
    if (job.kind === 'docx') return { id: job.id, ok: true, pages: [await readDocxText(bytes)], total: 1, info: {} };
    const rows = await readXlsxRows(bytes);
    return { id: job.id, ok: true, pages: [rows.map((row) => row.join('\t')).join('\n')], total: 1, info: {}, rows };
  } catch (error) {
    // RangeError: "Array buffer allocation failed", "Invalid typed array length", "Maximum call stack size exceeded".
    // (pdf-parse wraps them in its own exceptions: the message tells.)
    const tooComplex = error instanceof RangeError || /allocation failed|out of memory|call stack|invalid (typed )?array length/i.test(String((error as Error)?.message));
    return { id: job.id, ok: false, password: error instanceof PdfPasswordError, tooComplex, message: String((error as Error)?.message ?? error).slice(0, 200), name: errorName(error) };
  }
}

if (process.env.HA30_READER_CHILD === '1' && process.send) {
  const capped = capMemory(Number(process.env.HA30_READER_MEMORY_MB));
  process.on('message', (job: ReaderJob) => {
    void run(job).then((reply) => process.send?.(reply));
  });
  process.send({ ready: true, capped });
}
