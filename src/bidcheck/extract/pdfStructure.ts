import { inflateSync } from 'node:zlib';
import type { PdfSignature } from '../types';
import { inspectSignature } from './pdfSignature';
import { holeIsContentsOnly, laterChanges } from './pdfSignatureCoverage';

export interface PdfStructure {
  hasEof: boolean;
  encrypted: boolean;
  javascript: boolean;
  launch: boolean;
  openActionScript: boolean;
  embeddedFiles: boolean;
  embeddedExecutable: boolean;
  hasImages: boolean;
  /** Largest image declared (width × height, direct values only): what decoding it would cost. */
  largestImage?: { width: number; height: number };
  signatures: PdfSignature[];
}

const MAX_INFLATED_OBJECT_STREAMS = 20 * 1024 * 1024;
const MAX_SIGNATURES = 16;

/**
 * Object streams hide dictionaries (and so /JavaScript or /EmbeddedFile) inside compressed data:
 * inflate them, within a budget, so that the scan sees what a reader would.
 */
function objectStreamText(latin: string, bytes: Buffer): string {
  let budget = MAX_INFLATED_OBJECT_STREAMS;
  const parts: string[] = [];
  const pattern = /\/Type\s*\/ObjStm[^]*?stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(latin)) && budget > 0) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
      budget -= inflated.length;
      parts.push(inflated.toString('latin1'));
    } catch {
      // A stream we cannot inflate is left to the text extractor, which reports a corrupt file.
    }
    pattern.lastIndex = end;
  }
  return parts.join('\n');
}

/** Facts read from the PDF's raw structure: what text extraction cannot tell. */
export function readPdfStructure(bytes: Buffer): PdfStructure {
  const latin = bytes.toString('latin1');
  // The file's text and its object streams' are searched apart: no third copy of a 100 MB file.
  const hidden = objectStreamText(latin, bytes);
  const found = (pattern: RegExp) => pattern.test(latin) || pattern.test(hidden);
  const tail = latin.slice(-2048);
  const javascript = found(/\/(JavaScript|JS)\b/);
  const embeddedFiles = found(/\/EmbeddedFiles?\b/);
  const signatures: PdfSignature[] = [];
  const byteRanges = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let range: RegExpExecArray | null;
  // A real document carries a few signatures; a file declaring thousands is not checked beyond these.
  while ((range = byteRanges.exec(latin)) && signatures.length < MAX_SIGNATURES) {
    const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number];
    const around = latin.slice(Math.max(0, range.index - 2000), range.index + 2000);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(around)?.[1] ?? null;
    const changes = laterChanges(bytes, latin, c + d);
    signatures.push({
      subFilter,
      coversWholeFile: changes === 'NONE',
      ...(changes === 'NONE' ? {} : { laterChanges: changes }),
      ...(holeIsContentsOnly(bytes, [a, b, c, d]) ? {} : { partialCoverage: true }),
      ...inspectSignature(bytes, [a, b, c, d]),
    });
  }
  const largestImage = largestImageOf(latin);
  return {
    hasEof: tail.includes('%%EOF'),
    encrypted: /\/Encrypt\s/.test(latin.slice(-65536)) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(latin),
    javascript,
    launch: found(/\/Launch\b/),
    openActionScript: javascript && found(/\/OpenAction\b/),
    embeddedFiles,
    embeddedExecutable: embeddedFiles && found(/\/(F|UF)\s*\([^)]*\.(exe|bat|cmd|scr|js|vbs|ps1|jar|msi|com)\)/i),
    hasImages: found(/\/Subtype\s*\/Image\b/),
    ...(largestImage ? { largestImage } : {}),
    signatures,
  };
}

/** The image XObject with the most pixels, from the /Width and /Height around each /Subtype /Image. */
function largestImageOf(latin: string): { width: number; height: number } | undefined {
  let largest: { width: number; height: number } | undefined;
  const images = /\/Subtype\s*\/Image\b/g;
  let match: RegExpExecArray | null;
  let count = 0;
  while ((match = images.exec(latin)) && count++ < 10_000) {
    const start = Math.max(0, latin.lastIndexOf('obj', match.index), match.index - 4000);
    const streamAt = latin.indexOf('stream', match.index);
    const dict = latin.slice(start, streamAt < 0 ? match.index + 1000 : Math.min(streamAt, match.index + 2000));
    const width = Number(/\/Width\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 0);
    const height = Number(/\/Height\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 0);
    if (width * height > (largest ? largest.width * largest.height : 0)) largest = { width, height };
  }
  return largest;
}
