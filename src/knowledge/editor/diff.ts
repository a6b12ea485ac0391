import microdiff from 'microdiff';
import { pointer } from '../problems';
import type { DiffEntry } from './types';

function isPlainList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

function at(value: unknown, segments: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Where a change is shown: a list of plain values (phrasings, codes) is one field, shown whole
 * before and after — one inserted phrasing is not « 12 values shifted ». Objects are gone into.
 */
function fieldPath(before: unknown, after: unknown, segments: readonly (string | number)[]): (string | number)[] {
  for (let i = 0; i < segments.length; i += 1) {
    const prefix = segments.slice(0, i);
    if (typeof segments[i] === 'number' && (isPlainList(at(before, prefix)) || isPlainList(at(after, prefix)))) return prefix;
  }
  return [...segments];
}

function entry(path: string, before: unknown, after: unknown): DiffEntry {
  return { path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

/** The fields that changed between two versions of a record (absent: the record did not exist), JSON Pointers in the record. */
export function fieldDiff(before: unknown, after: unknown): DiffEntry[] {
  const objects = before !== null && typeof before === 'object' && after !== null && typeof after === 'object' && Array.isArray(before) === Array.isArray(after);
  if (!objects) return JSON.stringify(before) === JSON.stringify(after) ? [] : [entry('/', before, after)];
  const seen = new Set<string>();
  const entries: DiffEntry[] = [];
  for (const difference of microdiff(before as Record<string, unknown>, after as Record<string, unknown>)) {
    const segments = fieldPath(before, after, difference.path);
    const path = segments.length > 0 ? pointer(...segments) : '/';
    if (seen.has(path)) continue;
    seen.add(path);
    entries.push(entry(path, at(before, segments), at(after, segments)));
  }
  return entries;
}
