import { inflateSync } from 'node:zlib';

/** What the file holds after a signature's signed ranges end. */
export type LaterChanges = 'NONE' | 'SIGNATURES_ONLY' | 'CHANGES' | 'UNKNOWN';

const MAX_INFLATED = 8 * 1024 * 1024;
/** More objects than a signature, its widget and validation data write: not worth classifying. */
const MAX_OBJECTS = 500;
/** Pages and catalogs compared with their earlier version (each a backward search of the file). */
const MAX_LOOKUPS = 8;

/**
 * The signed ranges start at the first byte and leave out exactly the /Contents hex string (the
 * signature itself): any other hole is part of the file that the signature does not cover.
 */
export function holeIsContentsOnly(bytes: Buffer, [a, b, c]: readonly number[]): boolean {
  if (a !== 0 || c < b + 2 || c > bytes.length) return false;
  return bytes[b] === 0x3c && bytes[c - 1] === 0x3e && /^[0-9A-Fa-f\s]*$/.test(bytes.subarray(b + 1, c - 1).toString('latin1'));
}

interface PdfObject {
  id: string;
  body: string;
}

/** The objects of an object stream (PDF 1.5 §7.5.7), or undefined when it cannot be read. */
function objectStreamObjects(dict: string, data: Buffer, budget: { bytes: number }): PdfObject[] | undefined {
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  if (!Number.isFinite(first)) return undefined;
  let text: string;
  try {
    if (budget.bytes <= 0) return undefined;
    text = (/\/FlateDecode/.test(dict) ? inflateSync(data, { maxOutputLength: budget.bytes }) : data).toString('latin1');
    budget.bytes -= text.length;
  } catch {
    return undefined;
  }
  const header = text.slice(0, first).trim().split(/\s+/).map(Number);
  const objects: PdfObject[] = [];
  for (let index = 0; index + 1 < header.length; index += 2) {
    const start = first + header[index + 1]!;
    const end = index + 3 < header.length ? first + header[index + 3]! : text.length;
    objects.push({ id: `${header[index]} 0`, body: text.slice(start, end) });
  }
  return objects;
}

/** The objects written in `section` (an incremental update), object streams opened. */
function objectsOf(section: string, sectionBytes: Buffer): PdfObject[] | undefined {
  const objects: PdfObject[] = [];
  // One budget for every object stream of the update: a hostile tail cannot cost more than this.
  const budget = { bytes: MAX_INFLATED };
  const pattern = /(\d+)\s+(\d+)\s+obj\b([^]*?)\bendobj/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(section))) {
    const body = match[3]!;
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt >= 0 && /\/Type\s*\/ObjStm\b/.test(body.slice(0, streamAt))) {
      const dataStart = match.index + match[0].indexOf(body) + body.indexOf('\n', streamAt) + 1;
      const dataEnd = section.lastIndexOf('endstream', match.index + match[0].length);
      const inner = objectStreamObjects(body.slice(0, streamAt), sectionBytes.subarray(dataStart, dataEnd), budget);
      if (!inner) return undefined;
      objects.push(...inner);
    } else objects.push({ id: `${match[1]} ${match[2]}`, body });
    if (objects.length > MAX_OBJECTS) return undefined;
  }
  return objects;
}

/** A dictionary without its /Annots entry and whitespace: what a page shows, annotations aside. */
const withoutAnnots = (body: string) => body.replace(/\/Annots\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/, '').replace(/\s+/g, '');

/** The same object as last written before `end`, or undefined. */
function earlierVersion(latin: string, id: string, end: number): string | undefined {
  const at = latin.lastIndexOf(`${id} obj`, end);
  if (at < 0) return undefined;
  const close = latin.indexOf('endobj', at);
  return close < 0 ? undefined : latin.slice(at + id.length + 4, close);
}

/** Objects referenced from the DSS (RFC-less PAdES validation data: certificates, OCSP, CRLs). */
function validationDataRefs(objects: readonly PdfObject[]): Set<string> {
  const refs = new Set<string>();
  for (const object of objects) {
    if (!/\/(Certs|OCSPs|CRLs|VRI|Cert|OCSP|CRL)\b/.test(object.body)) continue;
    for (const ref of object.body.matchAll(/(\d+)\s+(\d+)\s+R/g)) refs.add(`${ref[1]} ${ref[2]}`);
  }
  return refs;
}

type ObjectKind = 'SIGNATURE_MATERIAL' | 'CHANGE' | 'UNKNOWN';

/**
 * Is this object something adding a signature, a timestamp or validation data writes, a change of
 * what the document shows (a page or catalog rewritten, a comment, a form value), or unknown?
 */
function objectKind(object: PdfObject, latin: string, end: number, dssRefs: Set<string>, lookups: { left: number }): ObjectKind {
  const body = object.body;
  const streamAt = body.search(/\bstream\r?\n/);
  const dict = streamAt >= 0 ? body.slice(0, streamAt) : body;
  if (/\/Type\s*\/(Sig|DocTimeStamp|XRef|DSS|VRI|Metadata|Font|FontDescriptor|Encoding|XObject)\b/.test(dict) || /\/ByteRange\s*\[/.test(dict)) return 'SIGNATURE_MATERIAL';
  if (/\/Subtype\s*\/Widget\b/.test(dict)) return /\/FT\s*\/(Tx|Btn|Ch)\b/.test(dict) ? 'CHANGE' : 'SIGNATURE_MATERIAL';
  if (/\/Subtype\s*\/(Text|FreeText|Stamp|Ink|Square|Circle|Line|Polygon|PolyLine|Highlight|Underline|StrikeOut|Squiggly|Caret|FileAttachment|Redact)\b/.test(dict)) return 'CHANGE';
  if (/\/Subtype\s*\/Form\b/.test(dict) && /\/BBox\b/.test(dict)) return 'SIGNATURE_MATERIAL';
  if (/\/Type\s*\/(Catalog|Page)\b/.test(dict)) {
    const before = lookups.left-- > 0 ? earlierVersion(latin, object.id, end) : undefined;
    // Written earlier inside an object stream, new, or past the lookup budget: nothing to compare with.
    if (before === undefined) return 'UNKNOWN';
    // A catalog may gain /AcroForm, /DSS, /Perms; a page /Annots. Anything else differing is a change.
    const strip = (text: string) => withoutAnnots(text).replace(/\/(AcroForm|DSS|Perms|Metadata)\s*(\d+\s+\d+\s+R|<<[^]*?>>)/g, '');
    return strip(before) === strip(dict) ? 'SIGNATURE_MATERIAL' : 'CHANGE';
  }
  if (/\/(Fields|SigFlags)\b/.test(dict) && !/\/Type\b/.test(dict)) return 'SIGNATURE_MATERIAL';
  if (/^\s*\[(\s*\d+\s+\d+\s+R)*\s*\]\s*$/.test(dict)) return 'SIGNATURE_MATERIAL';
  return streamAt >= 0 && dssRefs.has(object.id) ? 'SIGNATURE_MATERIAL' : 'UNKNOWN';
}

/**
 * What was appended after the signed ranges end: nothing, only what later signatures, timestamps and
 * validation data (PAdES B-LT/LTA) write, changes of what the document shows (which a validator
 * reports as modifications after signing), or objects this reading cannot tell apart.
 */
export function laterChanges(bytes: Buffer, latin: string, end: number): LaterChanges {
  const tail = latin.slice(end);
  if (tail.trim().length === 0) return 'NONE';
  const objects = objectsOf(tail, bytes.subarray(end));
  if (!objects) return 'UNKNOWN';
  const dssRefs = validationDataRefs(objects);
  const lookups = { left: MAX_LOOKUPS };
  const kinds = new Set(objects.map((object) => objectKind(object, latin, end, dssRefs, lookups)));
  if (kinds.has('CHANGE')) return 'CHANGES';
    // No object at all (a comment, an empty xref section): the document reads the same.
  if (objects.length === 0) return 'NONE';
  return kinds.has('UNKNOWN') ? 'UNKNOWN' : 'SIGNATURES_ONLY';
}
