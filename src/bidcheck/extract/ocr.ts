import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let available: Promise<boolean> | undefined;
let prlimit: Promise<boolean> | undefined;

/** OCR gave up on a file: it needed more memory or time than allowed (not an ordinary failure). */
export class OcrLimitError extends Error {}

/** Longest side of a rendered page, in pixels: an A4 page at about 200 dpi, whatever the page's size. */
const PAGE_PIXELS = 2400;

/**
 * OCR needs Debian's tesseract-ocr (+ tesseract-ocr-fra) and poppler-utils. Without them the check
 * still runs: scans are then reported as unread, as before.
 */
export function ocrAvailable(): Promise<boolean> {
  available ??= Promise.all([run('tesseract', ['--list-langs']), run('pdftoppm', ['-v'])]).then(
    ([langs]) => /\bfra\b/.test(`${langs.stdout}${langs.stderr}`),
    () => false,
  );
  return available;
}

/**
 * Runs a tool with its data segment capped (util-linux prlimit: RLIMIT_DATA), so that a hostile
 * image makes its allocation fail instead of growing to gigabytes; a timeout or a kill, a failed
 * allocation or a crash is an OcrLimitError.
 */
async function capped(command: string, args: string[], options: { timeout: number; memoryMb: number; maxBuffer?: number }): Promise<string> {
  prlimit ??= run('prlimit', ['--version']).then(() => true, () => false);
  const [file, argv] = (await prlimit) && options.memoryMb > 0 ? ['prlimit', [`--data=${options.memoryMb * 1024 * 1024}`, '--', command, ...args]] : [command, args];
  try {
    const { stdout } = await run(file, argv, {
      timeout: options.timeout,
      killSignal: 'SIGKILL',
      maxBuffer: options.maxBuffer ?? 1024 * 1024,
      // One thread: tesseract's OpenMP threads cost memory and fight the other files for the cores.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    return stdout;
  } catch (error) {
    const failure = error as { killed?: boolean; signal?: string | null; stderr?: string; message: string };
    if (failure.killed || failure.signal || /memory|alloc|too large/i.test(failure.stderr ?? '')) throw new OcrLimitError(failure.killed ? 'temps dépassé' : 'mémoire dépassée');
    throw error;
  }
}

/**
 * Reads scanned pages: the PDF (or image) is written to a private temporary folder, its first pages
 * rendered in greyscale (long side PAGE_PIXELS, so a giant page costs no more than an A4 one) and
 * recognised in French; the folder is removed whatever happens.
 */
export async function ocrPages(bytes: Buffer, kind: 'pdf' | 'image', maxPages: number, timeoutMs: number, memoryMb = 0): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ha30-ocr-'));
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  try {
    const input = path.join(dir, kind === 'pdf' ? 'input.pdf' : 'input.img');
    await writeFile(input, bytes, { mode: 0o600 });
    let images = [input];
    if (kind === 'pdf') {
      await capped('pdftoppm', ['-scale-to', String(PAGE_PIXELS), '-gray', '-l', String(maxPages), input, path.join(dir, 'page')], { timeout: remaining(), memoryMb });
      images = (await readdir(dir)).filter((name) => name.startsWith('page')).sort().map((name) => path.join(dir, name));
    }
    const pages: string[] = [];
    for (const image of images.slice(0, maxPages)) {
      pages.push(await capped('tesseract', [image, 'stdout', '-l', 'fra'], { timeout: remaining(), memoryMb, maxBuffer: 8 * 1024 * 1024 }));
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Width and height declared by a PNG, JPEG, GIF or BMP header (undefined for other formats). */
export function imageDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length >= 26 && bytes.toString('latin1', 0, 2) === 'BM') return { width: Math.abs(bytes.readInt32LE(18)), height: Math.abs(bytes.readInt32LE(22)) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  return undefined;
}
