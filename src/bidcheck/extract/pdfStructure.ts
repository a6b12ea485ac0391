import { inflateSync } from 'node:zlib';
import type { PdfSignature } from '../types';
import { inspectSignature } from './pdfSignature';

export interface PdfStructure {
  hasEof: boolean;
  encrypted: boolean;
  javascript: boolean;
  launch: boolean;
  openActionScript: boolean;
  embeddedFiles: boolean;
  embeddedExecutable: boolean;
  hasImages: boolean;
  signatures: PdfSignature[];
}

const MAX_INFLATED_OBJECT_STREAMS = 20 * 1024 * 1024;

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
  const all = `${latin}\n${objectStreamText(latin, bytes)}`;
  const tail = latin.slice(-2048);
  const javascript = /\/(JavaScript|JS)\b/.test(all);
  const embeddedFiles = /\/EmbeddedFiles?\b/.test(all);
  const signatures: PdfSignature[] = [];
  const byteRanges = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let range: RegExpExecArray | null;
  while ((range = byteRanges.exec(latin))) {
    const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number];
    const around = latin.slice(Math.max(0, range.index - 2000), range.index + 2000);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(around)?.[1] ?? null;
    signatures.push({ subFilter, coversWholeFile: c + d >= bytes.length - 2 || latin.slice(c + d).trim().length === 0, ...inspectSignature(bytes, [a, b, c, d]) });
  }
  return {
    hasEof: tail.includes('%%EOF'),
    encrypted: /\/Encrypt\s/.test(latin.slice(-65536)) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(latin),
    javascript,
    launch: /\/Launch\b/.test(all),
    openActionScript: javascript && /\/OpenAction\b/.test(all),
    embeddedFiles,
    embeddedExecutable: embeddedFiles && /\/(F|UF)\s*\([^)]*\.(exe|bat|cmd|scr|js|vbs|ps1|jar|msi|com)\)/i.test(all),
    hasImages: /\/Subtype\s*\/Image\b/.test(all),
    signatures,
  };
}
