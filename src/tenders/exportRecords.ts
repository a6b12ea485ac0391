import { createReadStream } from 'node:fs';

/**
 * Reads the records of an open-data export — a JSON array, or an object whose `results` is one
 * (Opendatasoft's `{ "total_count": …, "results": [ … ] }`) — one record at a time, so that a
 * file of any size is read in bounded memory, and so that a broken or truncated record costs that
 * record only: the others are still read (issue 8, "Bad input").
 */

export interface RawRecord {
  /** 1-based position in the file. */
  index: number;
  record?: unknown;
  /** French reason when this element could not be read. */
  error?: string;
}

/** The file is no export at all (not JSON, no array, no `results`): nothing can be read from it. */
export class ExportShapeError extends Error {}

/** What a whole-file scan noticed beyond its records. */
export interface ScanSummary {
  truncated: boolean;
}

const QUOTE = 34;
const BACKSLASH = 92;
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF']);

/** The records of an already-parsed value (an array or `{ results: [...] }`). */
export function recordsOfValue(value: unknown): RawRecord[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { results?: unknown }).results) ? (value as { results: unknown[] }).results : undefined;
  if (!list) throw new ExportShapeError('Format inattendu : un tableau JSON d’enregistrements ou un objet { "results": [ … ] } est attendu.');
  return list.map((record, i) => ({ index: i + 1, record }));
}

/**
 * Incremental scanner: feed it text chunks, it yields each element of the records array as soon as
 * it is complete. It tracks strings and nesting only, which is enough to cut elements apart; each
 * element is then parsed on its own.
 */
export class RecordScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private mode: 'start' | 'object' | 'array' | 'after' = 'start';
  private arrayDepth = 0;
  /** Top-level object keys: the key being read and whether a key is expected. */
  private expectKey = false;
  private keyBuffer: string | undefined;
  private currentKey: string | undefined;
  private element: string | undefined;
  private elementIsContainer = false;
  private count = 0;
  private offset = 0;

  feed(chunk: string): RawRecord[] {
    const out: RawRecord[] = [];
    let elementStart = this.element !== undefined ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        // Tight loop to the closing quote: most of an export is string content.
        let j = i;
        let escaped = this.escaped;
        while (j < chunk.length) {
          const code = chunk.charCodeAt(j);
          if (escaped) escaped = false;
          else if (code === BACKSLASH) escaped = true;
          else if (code === QUOTE) break;
          j++;
        }
        this.escaped = escaped;
        if (this.keyBuffer !== undefined) this.keyBuffer += chunk.slice(i, j);
        i = j;
        if (j === chunk.length) continue;
        this.inString = false;
        if (this.keyBuffer !== undefined) {
          try {
            this.currentKey = JSON.parse(`"${this.keyBuffer}"`) as string;
          } catch {
            this.currentKey = undefined;
          }
          this.keyBuffer = undefined;
        }
        continue;
      }
      if (this.mode === 'start') {
        if (WHITESPACE.has(c)) continue;
        if (c === '[') {
          this.mode = 'array';
          this.depth = 1;
          this.arrayDepth = 1;
          continue;
        }
        if (c === '{') {
          this.mode = 'object';
          this.depth = 1;
          this.expectKey = true;
          continue;
        }
        throw new ExportShapeError(`Ce fichier n’est pas un export JSON (il commence par « ${chunk.slice(i, i + 20).replace(/\s+/g, ' ')} »).`);
      }
      if (this.mode === 'array' && this.depth === this.arrayDepth && this.element === undefined) {
        if (WHITESPACE.has(c) || c === ',') continue;
        if (c === ']') {
          this.depth--;
          this.mode = this.arrayDepth === 1 ? 'after' : 'object';
          this.expectKey = false;
          continue;
        }
        this.element = '';
        elementStart = i;
        this.elementIsContainer = c === '{' || c === '[';
        if (c === '"') this.inString = true;
        if (this.elementIsContainer) this.depth++;
        continue;
      }
      if (this.element !== undefined && !this.elementIsContainer && this.depth === this.arrayDepth && (c === ',' || c === ']')) {
        out.push(this.finish(this.element + chunk.slice(elementStart, i)));
        elementStart = -1;
        if (c === ']') {
          this.depth--;
          this.mode = this.arrayDepth === 1 ? 'after' : 'object';
        }
        continue;
      }
      if (c === '"') {
        this.inString = true;
        if (this.mode === 'object' && this.depth === 1 && this.expectKey) this.keyBuffer = '';
        continue;
      }
      if (c === '{' || c === '[') {
        if (this.mode === 'object' && this.depth === 1 && c === '[' && this.currentKey === 'results' && !this.expectKey) {
          this.mode = 'array';
          this.depth = 2;
          this.arrayDepth = 2;
          continue;
        }
        this.depth++;
        continue;
      }
      if (c === '}' || c === ']') {
        this.depth--;
        if (this.element !== undefined && this.elementIsContainer && this.depth === this.arrayDepth) {
          out.push(this.finish(this.element + chunk.slice(elementStart, i + 1)));
          elementStart = -1;
        }
        if (this.depth === 0) this.mode = 'after';
        continue;
      }
      if (this.mode === 'object' && this.depth === 1) {
        if (c === ':') this.expectKey = false;
        else if (c === ',') {
          this.expectKey = true;
          this.currentKey = undefined;
        }
      }
    }
    if (this.element !== undefined && elementStart >= 0) this.element += chunk.slice(elementStart);
    this.offset += chunk.length;
    return out;
  }

  /** At the end of the file: the truncated element, if any, and whether the array was closed. */
  end(): { records: RawRecord[]; summary: ScanSummary } {
    if (this.mode === 'start') throw new ExportShapeError('Le fichier est vide.');
    if (this.arrayDepth === 0) throw new ExportShapeError('Aucun tableau « results » dans ce fichier : un tableau JSON d’enregistrements ou un objet { "results": [ … ] } est attendu.');
    const records: RawRecord[] = [];
    if (this.element !== undefined && this.element.trim()) {
      this.count++;
      records.push({ index: this.count, error: 'enregistrement tronqué (le fichier s’arrête au milieu) : il n’est pas importé.' });
    }
    return { records, summary: { truncated: this.mode !== 'after' } };
  }

  private finish(text: string): RawRecord {
    this.element = undefined;
    this.count++;
    try {
      return { index: this.count, record: JSON.parse(text) };
    } catch (error) {
      return { index: this.count, error: `enregistrement illisible (JSON invalide : ${(error as Error).message}).` };
    }
  }
}

/** Streams the records of an export file; the scan summary is filled once the iteration ends. */
export async function* readExportFile(file: string, summary: ScanSummary = { truncated: false }): AsyncGenerator<RawRecord> {
  const scanner = new RecordScanner();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) yield* scanner.feed(chunk as string);
  const tail = scanner.end();
  summary.truncated = tail.summary.truncated;
  yield* tail.records;
}
