import path from 'node:path';
import { odfText } from '../extract/officeText';
import { pdfDate } from '../facts/frenchDates';
import { readPdfStructure } from '../extract/pdfStructure';
import { PdfPasswordError } from '../extract/pdfText';
import { PdfTextPool, PdfTimeoutError, ReaderLimitError } from '../extract/PdfTextPool';
import type { LogLevel } from '../../config';
import { createLogger, type Logger, scrubError } from '../../logger';
import { imageDimensions, OcrLimitError, ocrAvailable, ocrPages } from '../extract/ocr';
import type { CheckedFile, FileFormat, FileIssue } from '../types';
import type { IntakeLimits } from './limits';
import { type InflateBudget, readZip } from './readZip';
import { COMMON_FORMATS, FORMAT_EXTENSIONS, sniffFormat } from './sniffFormat';

export interface InputFile {
  name: string;
  bytes: Buffer;
}

export type ExtractedFile = Omit<CheckedFile, 'type' | 'confidence'>;

export interface DossierRead {
  files: ExtractedFile[];
  /** The time budget ran out: some files were not read. */
  partial: boolean;
}

export type ProgressListener = (fileName: string) => void | Promise<void>;

const EXECUTABLE_EXTENSIONS = /\.(exe|com|bat|cmd|scr|msi|js|vbs|ps1|jar|lnk|app|dll|sh)$/i;
const IMAGE_FORMATS: readonly FileFormat[] = ['png', 'jpeg', 'gif', 'tiff', 'bmp', 'webp', 'heic'];
const MIN_TEXT_PER_PAGE = 20;

interface Walk {
  limits: IntakeLimits;
  budget: InflateBudget;
  deadline: number;
  onProgress?: ProgressListener;
  partial: boolean;
}

/** Shared by every check of the process: its reader processes outlive one dossier. */
const pdfPool = new PdfTextPool();

/** Time one file may still take: its own cap, within what is left of the check's budget. */
function fileTime(walk: Walk): number {
  return Math.min(walk.limits.maxFileReadMs, walk.deadline - Date.now());
}

/**
 * A reader gave up (memory cap, the file's time, a crash): the file is too complex to read. When the
 * check's own budget ran out instead, the file was simply not reached: the report is partial.
 */
function readFailure(file: ExtractedFile, error: unknown, walk: Walk): boolean {
  if (error instanceof PdfTimeoutError || (error instanceof OcrLimitError && error.message === 'temps dépassé')) {
    if (Date.now() >= walk.deadline - 50) {
      walk.partial = true;
      file.issues.push({ kind: 'NOT_CHECKED_TIME_BUDGET' });
    } else file.issues.push({ kind: 'TOO_COMPLEX', detail: 'temps de lecture dépassé' });
    return true;
  }
  if (error instanceof ReaderLimitError || error instanceof OcrLimitError) {
    file.issues.push({ kind: 'TOO_COMPLEX', detail: /call stack/i.test(error.message) ? 'structure imbriquée trop profondément' : 'mémoire dépassée' });
    return true;
  }
  return false;
}

/** pdf.js's names for bytes that are not a valid PDF: then the file is at fault. */
const INVALID_PDF_ERRORS: readonly string[] = ['InvalidPDFException', 'FormatError', 'MissingPDFException'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

let readLogger: Logger | undefined;

/** Where failures of our own while reading are logged (by default the process's JSON log, at LOG_LEVEL). */
export function setReadLogger(logger: Logger): void {
  readLogger = logger;
}

function logger(): Logger {
  const level = LOG_LEVELS.find((candidate) => candidate === process.env.LOG_LEVEL) ?? 'info';
  return (readLogger ??= createLogger(level));
}

/**
 * Whether a reader's error says the file is damaged (true) or that our reading failed (false): only
 * a parser's verdict on the bytes is evidence against the file. pdf.js names its verdicts; the
 * Office readers throw plain Errors on bad content, so there only an error of the program is ours.
 */
function fileAtFault(error: unknown, format: FileFormat): boolean {
  // A reader's error crosses the process boundary as an Error carrying the original name.
  const name = error instanceof Error ? (error.constructor.name === 'Error' ? error.name : error.constructor.name) : '';
  if (format === 'pdf') return INVALID_PDF_ERRORS.includes(name);
  return error instanceof Error && name === 'Error';
}

/** The file's fault → UNREADABLE (a damaged file); ours → INTERNAL_ERROR, logged without the file's name. */
function unreadable(file: ExtractedFile, error: unknown): FileIssue {
  if (fileAtFault(error, file.format)) return { kind: 'UNREADABLE', detail: (error as Error).message.slice(0, 120) };
  logger().error({ event: 'file_read_failed', format: file.format, err: scrubError(error) }, 'lecture impossible pour une raison technique (pas forcément la faute du fichier)');
  return { kind: 'INTERNAL_ERROR' };
}

const pixels = (size: { width: number; height: number } | undefined) => (size ? size.width * size.height : 0);
const formatPixels = (size: { width: number; height: number }) => `image de ${size.width.toLocaleString('fr-FR')} × ${size.height.toLocaleString('fr-FR')} pixels`;
const CONCURRENCY = 3;

/** Maps with at most `limit` calls in flight, keeping the input order in the result. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

function record(name: string, bytes: Buffer | undefined, format: FileFormat, issues: FileIssue[]): ExtractedFile {
  return { name, size: bytes?.length ?? 0, format, pageTexts: [], issues, signatures: [], hasImages: false };
}

function extensionMismatch(name: string, format: FileFormat): FileIssue | undefined {
  const extension = path.extname(name).slice(1).toLowerCase();
  if (!extension) return undefined;
  const expected = FORMAT_EXTENSIONS[format];
  const claimed = Object.entries(FORMAT_EXTENSIONS).find(([, list]) => list?.includes(extension))?.[0];
  if (!claimed || !expected || expected.includes(extension)) return undefined;
  return { kind: 'EXTENSION_MISMATCH', detail: `${extension}→${format}` };
}

/** The first `maxChars` characters of a document's pages, the rest dropped. */
export function capText(pages: readonly string[], maxChars: number): string[] {
  const kept: string[] = [];
  let room = maxChars;
  for (const page of pages) {
    if (room <= 0) break;
    kept.push(page.length > room ? page.slice(0, room) : page);
    room -= page.length;
  }
  return kept;
}

/** Printable runs of a binary Office 97 file: enough to recognise a document, not to read it. */
function legacyStrings(bytes: Buffer): string {
  const latin = bytes.toString('latin1').match(/[\x20-\x7e\xc0-\xff]{4,}/g) ?? [];
  const wide = bytes.toString('utf16le').match(/[\x20-\x7e\u00c0-\u00ff]{4,}/g) ?? [];
  return [...wide, ...latin].join('\n');
}

async function readPdf(file: ExtractedFile, bytes: Buffer, walk: Walk): Promise<void> {
  const structure = readPdfStructure(bytes);
  file.signatures = structure.signatures;
  file.hasImages = structure.hasImages;
  if (!structure.hasEof) file.issues.push({ kind: 'TRUNCATED' });
  if (structure.javascript || structure.launch) file.issues.push({ kind: 'PDF_ACTIVE_CONTENT', detail: structure.openActionScript ? 'OpenAction' : structure.launch ? 'Launch' : 'JavaScript' });
  if (structure.embeddedExecutable) file.issues.push({ kind: 'EXECUTABLE', detail: 'fichier exécutable incorporé au PDF' });
  const started = Date.now();
  try {
    pdfPool.configure(walk.limits.readerMemoryMb);
    const text = await pdfPool.extract(bytes, fileTime(walk), walk.limits.maxPdfPages, walk);
    file.pageTexts = text.pages;
    file.pages = text.total;
    file.createdAt = pdfDate(text.info.CreationDate);
    if (text.rows) file.rows = text.rows;
    if (structure.encrypted) file.issues.push({ kind: 'OWNER_PASSWORD_ONLY' });
    const withText = text.pages.filter((page) => page.replace(/\s+/g, '').length >= MIN_TEXT_PER_PAGE).length;
    if (text.pages.length > 0 && withText === 0) {
      // A scan: OCR would decode its images at full size; one of giant dimensions is not attempted.
      if (pixels(structure.largestImage) > walk.limits.maxImagePixels) file.issues.push({ kind: 'TOO_COMPLEX', detail: formatPixels(structure.largestImage!) });
      else await readScan(file, bytes, 'pdf', walk, walk.limits.maxFileReadMs - (Date.now() - started));
    }
  } catch (error) {
    if (error instanceof PdfPasswordError) file.issues.push({ kind: 'PASSWORD' });
    else if (readFailure(file, error, walk)) return;
    else {
      const issue = unreadable(file, error);
      // A truncated PDF already says why it cannot be read; a failure of ours is reported whatever the file.
      if (issue.kind === 'INTERNAL_ERROR' || !file.issues.some((seen) => seen.kind === 'TRUNCATED')) file.issues.push(issue);
    }
  }
}

/** A scan: read by OCR when possible (noted, errors are likely), otherwise reported as unread. */
async function readScan(file: ExtractedFile, bytes: Buffer, kind: 'pdf' | 'image', walk: Walk, fileTimeLeft = walk.limits.maxFileReadMs): Promise<void> {
  const timeLeft = Math.min(fileTimeLeft, walk.deadline - Date.now());
  if (walk.limits.ocrMaxPages > 0 && timeLeft > 2000 && !['heic', 'webp'].includes(file.format) && (await ocrAvailable())) {
    try {
      const pages = await ocrPages(bytes, kind, walk.limits.ocrMaxPages, timeLeft, walk.limits.readerMemoryMb);
      if (pages.some((page) => page.replace(/\s+/g, '').length >= MIN_TEXT_PER_PAGE)) {
        file.pageTexts = pages;
        file.issues.push({ kind: 'OCR_USED' });
        return;
      }
    } catch (error) {
      // OCR is best effort: a failure leaves the file reported as an unread scan, unless it hit a cap.
      if (readFailure(file, error, walk)) return;
    }
  }
  file.pageTexts = [];
  file.issues.push({ kind: 'IMAGE_ONLY' });
}

async function readOffice(file: ExtractedFile, bytes: Buffer, walk: Walk): Promise<void> {
  // List the parts first against a private budget: an Office file can be a zip bomb too.
  const listing = await readZip(bytes, { remainingBytes: walk.limits.maxTotalUncompressedBytes, remainingEntries: 5000, maxRatio: walk.limits.maxCompressionRatio, maxFileBytes: walk.limits.maxFileBytes }, (name) => name === 'content.xml');
  const blocking = listing.entries.flatMap((entry) => entry.issues).concat(listing.issues).find((issue) => ['ZIP_BOMB', 'PASSWORD', 'ZIP_CORRUPT'].includes(issue.kind));
  if (blocking) {
    file.issues.push(blocking.kind === 'ZIP_CORRUPT' ? { kind: 'UNREADABLE', detail: blocking.detail } : blocking);
    return;
  }
  if (listing.entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name))) file.issues.push({ kind: 'MACRO' });
  try {
    // mammoth and exceljs build the whole document in memory: in a capped reader process too.
    pdfPool.configure(walk.limits.readerMemoryMb);
    if (file.format === 'docx' || file.format === 'docm') file.pageTexts = (await pdfPool.read('docx', bytes, fileTime(walk), 0, walk)).pages;
    else if (file.format === 'xlsx' || file.format === 'xlsm') {
      const read = await pdfPool.read('xlsx', bytes, fileTime(walk), 0, walk);
      file.rows = read.rows ?? [];
      file.pageTexts = read.pages;
    } else if (file.format === 'odt' || file.format === 'ods' || file.format === 'odp') {
      const content = listing.entries.find((entry) => entry.name === 'content.xml')?.bytes;
      const odf = odfText(content?.subarray(0, walk.limits.maxTextChars * 4).toString('utf8') ?? '');
      file.pageTexts = [odf.text];
      if (file.format === 'ods') file.rows = odf.rows;
    }
  } catch (error) {
    if (!readFailure(file, error, walk)) file.issues.push(unreadable(file, error));
  }
}

async function readOne(name: string, bytes: Buffer, depth: number, walk: Walk): Promise<ExtractedFile[]> {
  if (Date.now() > walk.deadline) {
    walk.partial = true;
    return [record(name, bytes, 'unknown', [{ kind: 'NOT_CHECKED_TIME_BUDGET' }])];
  }
  await walk.onProgress?.(name);
  let format = sniffFormat(bytes);
  if (format === 'zip') {
    // Entry names tell an Office or OpenDocument file from a plain archive; only "mimetype" is read.
    const listing = await readZip(bytes, { remainingBytes: 1024, remainingEntries: 5000, maxRatio: Infinity, maxFileBytes: 1024 }, (entry) => entry === 'mimetype');
    const odfMimetype = listing.entries.find((entry) => entry.name === 'mimetype')?.bytes?.toString('ascii');
    format = sniffFormat(bytes, { names: listing.entries.map((entry) => entry.name), odfMimetype });
  }
  if (format === 'zip') return readArchive(name, bytes, depth, walk);

  const file = record(name, bytes, format, []);
  const mismatch = extensionMismatch(name, format);
  if (mismatch) file.issues.push(mismatch);
  if (format === 'empty') file.issues.push({ kind: 'EMPTY' });
  else if (format === 'exe' || format === 'elf' || format === 'script' || EXECUTABLE_EXTENSIONS.test(name)) file.issues.push({ kind: 'EXECUTABLE' });
  else if (format === 'pdf') await readPdf(file, bytes, walk);
  else if (['docx', 'docm', 'xlsx', 'xlsm', 'odt', 'ods', 'odp', 'pptx'].includes(format)) await readOffice(file, bytes, walk);
  else if (format === 'ole') {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) file.issues.push({ kind: 'PASSWORD' });
    else file.pageTexts = [legacyStrings(bytes.subarray(0, walk.limits.maxTextChars * 2))];
    if (bytes.includes(Buffer.from('VBA', 'utf16le')) && bytes.includes(Buffer.from('_VBA_PROJECT', 'utf16le'))) file.issues.push({ kind: 'MACRO' });
  } else if (IMAGE_FORMATS.includes(format)) {
    file.hasImages = true;
    const size = imageDimensions(bytes);
    if (pixels(size) > walk.limits.maxImagePixels) file.issues.push({ kind: 'TOO_COMPLEX', detail: formatPixels(size!) });
    else await readScan(file, bytes, 'image', walk);
  } else if (format === 'text' || format === 'xml') file.pageTexts = [bytes.subarray(0, walk.limits.maxTextChars).toString('utf8').replace(/<[^>]+>/g, ' ')];
  else if (format === 'rtf') file.pageTexts = [bytes.subarray(0, walk.limits.maxTextChars * 2).toString('latin1').replace(/\\[a-z]+-?\d* ?|[{}]/g, ' ')];
  file.pageTexts = capText(file.pageTexts, walk.limits.maxTextChars);
  if (!COMMON_FORMATS.includes(format) && !file.issues.some((issue) => ['EXECUTABLE', 'EMPTY'].includes(issue.kind))) file.issues.push({ kind: 'UNUSUAL_FORMAT', detail: format });
  return [file];
}

async function readArchive(name: string, bytes: Buffer, depth: number, walk: Walk): Promise<ExtractedFile[]> {
  if (depth >= walk.limits.maxZipDepth) return [record(name, bytes, 'zip', [{ kind: 'TOO_DEEP' }])];
  const archive = await readZip(bytes, walk.budget);
  const own = archive.issues.length > 0 ? [record(name, bytes, 'zip', archive.issues)] : [];
  const inner = await mapLimited(archive.entries, CONCURRENCY, async (entry) => {
    const innerName = `${name}/${entry.name}`;
    if (entry.bytes && entry.issues.length === 0) return readOne(innerName, entry.bytes, depth + 1, walk);
    return [{ ...record(innerName, entry.bytes, 'unknown', entry.issues), size: entry.size }];
  });
  return [...own, ...inner.flat()];
}

/**
 * Reads every file of a dossier in memory — ZIPs opened, nested ones included — within the byte,
 * entry, depth and time budgets. Nothing is written to disk.
 */
export async function readDossier(inputs: readonly InputFile[], limits: IntakeLimits, onProgress?: ProgressListener): Promise<DossierRead> {
  const walk: Walk = {
    limits,
    budget: { remainingBytes: limits.maxTotalUncompressedBytes, remainingEntries: limits.maxEntries, maxRatio: limits.maxCompressionRatio, maxFileBytes: limits.maxFileBytes },
    deadline: Date.now() + limits.timeBudgetMs,
    onProgress,
    partial: false,
  };
  const files = (await mapLimited(inputs, CONCURRENCY, (input) => readOne(input.name, input.bytes, 0, walk))).flat();
  return { files, partial: walk.partial };
}
