import path from 'node:path';
import { odfText, readDocxText, readXlsxRows } from '../extract/officeText';
import { pdfDate } from '../facts/frenchDates';
import { readPdfStructure } from '../extract/pdfStructure';
import { PdfPasswordError, readPdfText } from '../extract/pdfText';
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
  out: ExtractedFile[];
  partial: boolean;
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

/** Printable runs of a binary Office 97 file: enough to recognise a document, not to read it. */
function legacyStrings(bytes: Buffer): string {
  const latin = bytes.toString('latin1').match(/[\x20-\x7e\xc0-\xff]{4,}/g) ?? [];
  const wide = bytes.toString('utf16le').match(/[\x20-\x7e\u00c0-\u00ff]{4,}/g) ?? [];
  return [...wide, ...latin].join('\n');
}

async function readPdf(file: ExtractedFile, bytes: Buffer): Promise<void> {
  const structure = readPdfStructure(bytes);
  file.signatures = structure.signatures;
  file.hasImages = structure.hasImages;
  if (!structure.hasEof) file.issues.push({ kind: 'TRUNCATED' });
  if (structure.javascript || structure.launch) file.issues.push({ kind: 'PDF_ACTIVE_CONTENT', detail: structure.openActionScript ? 'OpenAction' : structure.launch ? 'Launch' : 'JavaScript' });
  if (structure.embeddedExecutable) file.issues.push({ kind: 'EXECUTABLE', detail: 'fichier exécutable incorporé au PDF' });
  try {
    const text = await readPdfText(bytes);
    file.pageTexts = text.pages;
    file.pages = text.pages.length;
    file.createdAt = pdfDate(text.info.CreationDate);
    if (structure.encrypted) file.issues.push({ kind: 'OWNER_PASSWORD_ONLY' });
    const withText = text.pages.filter((page) => page.replace(/\s+/g, '').length >= MIN_TEXT_PER_PAGE).length;
    if (text.pages.length > 0 && withText === 0) file.issues.push({ kind: 'IMAGE_ONLY' });
  } catch (error) {
    if (error instanceof PdfPasswordError) file.issues.push({ kind: 'PASSWORD' });
    else if (!file.issues.some((issue) => issue.kind === 'TRUNCATED')) file.issues.push({ kind: 'UNREADABLE', detail: (error as Error).message.slice(0, 120) });
  }
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
    if (file.format === 'docx' || file.format === 'docm') file.pageTexts = [await readDocxText(bytes)];
    else if (file.format === 'xlsx' || file.format === 'xlsm') {
      file.rows = await readXlsxRows(bytes);
      file.pageTexts = [file.rows.map((row) => row.join('\t')).join('\n')];
    } else if (file.format === 'odt' || file.format === 'ods' || file.format === 'odp') {
      const content = listing.entries.find((entry) => entry.name === 'content.xml')?.bytes;
      const odf = odfText(content?.toString('utf8') ?? '');
      file.pageTexts = [odf.text];
      if (file.format === 'ods') file.rows = odf.rows;
    }
  } catch (error) {
    file.issues.push({ kind: 'UNREADABLE', detail: (error as Error).message.slice(0, 120) });
  }
}

async function readOne(name: string, bytes: Buffer, depth: number, walk: Walk): Promise<void> {
  if (Date.now() > walk.deadline) {
    walk.partial = true;
    walk.out.push(record(name, bytes, 'unknown', [{ kind: 'NOT_CHECKED_TIME_BUDGET' }]));
    return;
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
  walk.out.push(file);
  const mismatch = extensionMismatch(name, format);
  if (mismatch) file.issues.push(mismatch);
  if (format === 'empty') file.issues.push({ kind: 'EMPTY' });
  else if (format === 'exe' || format === 'elf' || format === 'script' || EXECUTABLE_EXTENSIONS.test(name)) file.issues.push({ kind: 'EXECUTABLE' });
  else if (format === 'pdf') await readPdf(file, bytes);
  else if (['docx', 'docm', 'xlsx', 'xlsm', 'odt', 'ods', 'odp', 'pptx'].includes(format)) await readOffice(file, bytes, walk);
  else if (format === 'ole') {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) file.issues.push({ kind: 'PASSWORD' });
    else file.pageTexts = [legacyStrings(bytes)];
    if (bytes.includes(Buffer.from('VBA', 'utf16le')) && bytes.includes(Buffer.from('_VBA_PROJECT', 'utf16le'))) file.issues.push({ kind: 'MACRO' });
  } else if (IMAGE_FORMATS.includes(format)) {
    file.hasImages = true;
    file.issues.push({ kind: 'IMAGE_ONLY' });
  } else if (format === 'text' || format === 'xml') file.pageTexts = [bytes.toString('utf8').replace(/<[^>]+>/g, ' ')];
  else if (format === 'rtf') file.pageTexts = [bytes.toString('latin1').replace(/\\[a-z]+-?\d* ?|[{}]/g, ' ')];
  if (!COMMON_FORMATS.includes(format) && !file.issues.some((issue) => ['EXECUTABLE', 'EMPTY'].includes(issue.kind))) file.issues.push({ kind: 'UNUSUAL_FORMAT', detail: format });
}

async function readArchive(name: string, bytes: Buffer, depth: number, walk: Walk): Promise<void> {
  if (depth >= walk.limits.maxZipDepth) {
    walk.out.push(record(name, bytes, 'zip', [{ kind: 'TOO_DEEP' }]));
    return;
  }
  const archive = await readZip(bytes, walk.budget);
  if (archive.issues.length > 0) walk.out.push(record(name, bytes, 'zip', archive.issues));
  for (const entry of archive.entries) {
    const inner = `${name}/${entry.name}`;
    if (entry.bytes && entry.issues.length === 0) await readOne(inner, entry.bytes, depth + 1, walk);
    else walk.out.push({ ...record(inner, entry.bytes, 'unknown', entry.issues), size: entry.size });
  }
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
    out: [],
    partial: false,
  };
  for (const input of inputs) await readOne(input.name, input.bytes, 0, walk);
  return { files: walk.out, partial: walk.partial };
}
