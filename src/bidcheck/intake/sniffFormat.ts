import type { FileFormat } from '../types';

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);

/** Names inside a ZIP that tell an Office/ODF document from a plain archive. */
export interface ZipHints {
  names: readonly string[];
  odfMimetype?: string;
}

/**
 * The format from the content (magic bytes), never from the extension: a PNG renamed ".pdf" is a
 * PNG. ZIP-based formats need the entry names, which the caller reads without inflating anything.
 */
export function sniffFormat(bytes: Buffer, zip?: ZipHints): FileFormat {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipFormat(zip);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (head.startsWith('GIF8')) return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (head.startsWith('BM')) return 'bmp';
  if (head.slice(4, 12) === 'ftypheic' || head.slice(4, 12) === 'ftypheix' || head.slice(4, 12) === 'ftypmif1') return 'heic';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.startsWith('Rar!')) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (head.startsWith('MZ')) return 'exe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('#!')) return 'script';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'xml';
  // Mostly printable bytes: a text file (CSV, TXT…).
  const sample = bytes.subarray(0, 512);
  const printable = sample.filter((byte) => byte === 9 || byte === 10 || byte === 13 || byte >= 32).length;
  return printable / sample.length > 0.95 ? 'text' : 'unknown';
}

function zipFormat(zip?: ZipHints): FileFormat {
  if (!zip) return 'zip';
  const names = new Set(zip.names);
  if (zip.odfMimetype?.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
  if (zip.odfMimetype?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (zip.odfMimetype?.startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
  if (!names.has('[Content_Types].xml')) return 'zip';
  const macro = zip.names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name));
  if (zip.names.some((name) => name.startsWith('word/'))) return macro ? 'docm' : 'docx';
  if (zip.names.some((name) => name.startsWith('xl/'))) return macro ? 'xlsm' : 'xlsx';
  if (zip.names.some((name) => name.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

/** The formats a buyer can reasonably open (DAJ: "courants et largement disponibles"). */
export const COMMON_FORMATS: readonly FileFormat[] = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'jpeg', 'png', 'zip', 'xml', 'pptx', 'odp', 'rtf', 'text', 'ole'];

/** The extension a format is usually written with, for comparison with the file name. */
export const FORMAT_EXTENSIONS: Partial<Record<FileFormat, readonly string[]>> = {
  pdf: ['pdf'],
  zip: ['zip'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  docm: ['docm'],
  xlsm: ['xlsm'],
  odt: ['odt'],
  ods: ['ods'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  tiff: ['tif', 'tiff'],
  heic: ['heic', 'heif'],
  rar: ['rar'],
  '7z': ['7z'],
  exe: ['exe', 'dll', 'scr', 'com', 'msi'],
};
