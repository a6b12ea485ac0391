import yauzl from 'yauzl';
import type { FileIssue } from '../types';

export interface ZipEntryRead {
  name: string;
  bytes?: Buffer;
  /** Declared uncompressed size (what the entry claims to be). */
  size: number;
  issues: FileIssue[];
}

export interface ZipRead {
  entries: ZipEntryRead[];
  /** Problems of the archive as a whole (corrupt directory, too many entries…). */
  issues: FileIssue[];
}

/** Shared across one check: every archive inflates against the same byte and entry budget. */
export interface InflateBudget {
  remainingBytes: number;
  remainingEntries: number;
  maxRatio: number;
  maxFileBytes: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Windows' zip tools write names in the OEM code page without the UTF-8 flag; most are UTF-8 anyway. */
function entryName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return UTF8.decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** Names that would escape a folder if written to disk: absolute, drive letters, "..". */
export function isTraversal(name: string): boolean {
  const unified = name.replace(/\\/g, '/');
  return unified.startsWith('/') || /^[a-zA-Z]:/.test(unified) || unified.split('/').includes('..');
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('zip')) : resolve(zip),
    ),
  );
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('stream'));
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.destroy(new Error('inflate limit'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * Lists and inflates a ZIP in memory. Each entry is judged before it is inflated: encrypted,
 * path-traversing, over the ratio or over the shared budget entries are reported, never read.
 * `wanted` lets a caller read only some entries (an Office file's parts, say).
 */
export async function readZip(bytes: Buffer, budget: InflateBudget, wanted: (name: string) => boolean = () => true): Promise<ZipRead> {
  const result: ZipRead = { entries: [], issues: [] };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    result.issues.push({ kind: 'ZIP_CORRUPT', detail: (error as Error).message });
    return result;
  }
  await new Promise<void>((resolve) => {
    zip.on('error', (error: Error) => {
      result.issues.push({ kind: 'ZIP_CORRUPT', detail: error.message });
      resolve();
    });
    zip.on('end', () => resolve());
    zip.on('entry', async (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = entryName(raw, (entry.generalPurposeBitFlag & 0x800) !== 0);
      const next = () => zip.readEntry();
      if (name.endsWith('/')) return next();
      if (budget.remainingEntries-- <= 0) {
        if (!result.issues.some((issue) => issue.kind === 'TOO_MANY_ENTRIES')) result.issues.push({ kind: 'TOO_MANY_ENTRIES' });
        zip.close();
        return resolve();
      }
      const read: ZipEntryRead = { name, size: entry.uncompressedSize, issues: [] };
      result.entries.push(read);
      if (isTraversal(name)) read.issues.push({ kind: 'PATH_TRAVERSAL' });
      if ((entry.generalPurposeBitFlag & 0x1) !== 0) read.issues.push({ kind: 'PASSWORD' });
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
      if (ratio > budget.maxRatio || entry.uncompressedSize > budget.remainingBytes || entry.uncompressedSize > budget.maxFileBytes) {
        read.issues.push({ kind: 'ZIP_BOMB', detail: `${entry.uncompressedSize} octets déclarés, ratio ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}` });
      }
      if (read.issues.length > 0 || !wanted(name)) return next();
      try {
        read.bytes = await inflate(zip, entry, Math.min(budget.remainingBytes, budget.maxFileBytes));
        budget.remainingBytes -= read.bytes.length;
      } catch (error) {
        read.issues.push({ kind: (error as Error).message === 'inflate limit' ? 'ZIP_BOMB' : 'ZIP_CORRUPT', detail: (error as Error).message });
      }
      next();
    });
    zip.readEntry();
  });
  return result;
}
