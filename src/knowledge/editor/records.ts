import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Collection } from './collections';
import { jsonCopy } from './canonical';
import { formatJson, type JsonDocument, readJsonDocument } from './jsonFile';
import { schemaReference } from '../layout';

/** A record where it is stored. */
export interface StoredRecord {
  id: string;
  record: unknown;
  /** Relative to the knowledge folder, "/" separators. */
  file: string;
}

/** One file to write (or, `text` null, to remove) for a change: always a single file. */
export interface FileChange {
  file: string;
  text: string | null;
  /** The file's text the change was computed from (null: it did not exist). */
  read: string | null;
}

/** What a change does to a record: set it (created or replaced) or take it out. */
export type RecordOperation = { type: 'put'; id: string; record: unknown; file?: string } | { type: 'remove'; id: string };

function jsonNames(dir: string, folder = ''): string[] {
  const full = path.join(dir, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const name = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'schemas' ? [] : jsonNames(dir, name);
    return entry.name.endsWith('.json') ? [name] : [];
  });
}

/** The files of a collection in a folder (sorted), whether they hold records yet or not. */
export function filesOf(collection: Collection, dir: string): string[] {
  const storage = collection.storage;
  switch (storage.kind) {
    case 'array':
      return jsonNames(dir).filter(storage.files).sort();
    case 'single':
    case 'map':
      return existsSync(path.join(dir, storage.file)) ? [storage.file] : [];
    case 'perFile':
      return jsonNames(dir, storage.folder).sort();
  }
}

function read(dir: string, file: string): JsonDocument {
  return readJsonDocument(path.join(dir, file));
}

function withoutSchema(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== '$schema'));
}

/**
 * Every record of a collection as the folder holds it, in file order. A file that is not readable
 * JSON is skipped here (the validation of the folder reports it).
 */
export function recordsOf(collection: Collection, dir: string): StoredRecord[] {
  const storage = collection.storage;
  return filesOf(collection, dir).flatMap((file): StoredRecord[] => {
    let data: Record<string, unknown>;
    try {
      data = read(dir, file).data;
    } catch {
      return [];
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    switch (storage.kind) {
      case 'array': {
        const list = data[storage.list];
        return Array.isArray(list) ? list.filter((item) => item && typeof item === 'object' && typeof (item as Record<string, unknown>)[storage.key] === 'string').map((item) => ({ id: (item as Record<string, string>)[storage.key]!, record: item, file })) : [];
      }
      case 'single':
        return [{ id: storage.id, record: withoutSchema(data), file }];
      case 'perFile':
        return typeof data[storage.key] === 'string' ? [{ id: data[storage.key] as string, record: withoutSchema(data), file }] : [];
      case 'map': {
        const map = data[storage.map];
        return map && typeof map === 'object' && !Array.isArray(map) ? Object.entries(map).map(([id, record]) => ({ id, record, file })) : [];
      }
    }
  });
}

export function findRecord(collection: Collection, dir: string, id: string): StoredRecord | undefined {
  return recordsOf(collection, dir).find((stored) => stored.id === id);
}

/** `data` with `list` replaced, the keys kept in their order. */
function replaced(data: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const entries = Object.entries(data);
  return Object.fromEntries(entries.some(([name]) => name === key) ? entries.map(([name, old]) => [name, name === key ? value : old]) : [...entries, [key, value]]);
}

/**
 * The one file an operation rewrites (or removes), computed from the folder `dir` as it is now.
 * `target` is the file a new record goes to (checked by the caller); the record is stored as given.
 */
export function fileChangeFor(collection: Collection, dir: string, operation: RecordOperation, current: StoredRecord | undefined, target: string): FileChange {
  const storage = collection.storage;
  const record = operation.type === 'put' ? jsonCopy(operation.record) : undefined;
  switch (storage.kind) {
    case 'array': {
      const file = current?.file ?? target;
      const document = read(dir, file);
      const list = (document.data[storage.list] as unknown[]).slice();
      const index = current ? list.findIndex((item) => (item as Record<string, unknown>)[storage.key] === operation.id) : -1;
      if (operation.type === 'remove') list.splice(index, 1);
      else if (index >= 0) list[index] = record;
      else list.push(record);
      return { file, text: formatJson(replaced(document.data, storage.list, list), document.indent), read: document.text };
    }
    case 'single': {
      const document = read(dir, storage.file);
      return { file: storage.file, text: formatJson({ $schema: document.data.$schema, ...(record as Record<string, unknown>) }, document.indent), read: document.text };
    }
    case 'perFile': {
      const file = current?.file ?? target;
      const existing = current ? read(dir, file) : undefined;
      if (operation.type === 'remove') return { file, text: null, read: existing?.text ?? null };
      const $schema = existing?.data.$schema ?? schemaReference(file, collection.schema);
      return { file, text: formatJson({ $schema, ...(record as Record<string, unknown>) }, existing?.indent ?? '  '), read: existing?.text ?? null };
    }
    case 'map': {
      const document = read(dir, storage.file);
      const map = Object.entries((document.data[storage.map] ?? {}) as Record<string, unknown>);
      const kept = operation.type === 'remove' ? map.filter(([id]) => id !== operation.id) : map.some(([id]) => id === operation.id) ? map.map(([id, value]) => [id, id === operation.id ? record : value]) : [...map, [operation.id, record]];
      return { file: storage.file, text: formatJson(replaced(document.data, storage.map, Object.fromEntries(kept)), document.indent), read: document.text };
    }
  }
}
