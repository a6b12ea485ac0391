import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let available: Promise<boolean> | undefined;

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
 * Reads scanned pages: the PDF (or image) is written to a private temporary folder, its first pages
 * rendered in greyscale and recognised in French; the folder is removed whatever happens.
 */
export async function ocrPages(bytes: Buffer, kind: 'pdf' | 'image', maxPages: number, timeoutMs: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ha30-ocr-'));
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  try {
    const input = path.join(dir, kind === 'pdf' ? 'input.pdf' : 'input.img');
    await writeFile(input, bytes, { mode: 0o600 });
    let images = [input];
    if (kind === 'pdf') {
      await run('pdftoppm', ['-r', '200', '-gray', '-l', String(maxPages), input, path.join(dir, 'page')], { timeout: remaining() });
      images = (await readdir(dir)).filter((name) => name.startsWith('page')).sort().map((name) => path.join(dir, name));
    }
    const pages: string[] = [];
    for (const image of images.slice(0, maxPages)) {
      const { stdout } = await run('tesseract', [image, 'stdout', '-l', 'fra'], { timeout: remaining(), maxBuffer: 8 * 1024 * 1024 });
      pages.push(stdout);
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
