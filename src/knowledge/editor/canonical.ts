import { createHash } from 'node:crypto';

/** JSON with every object's keys sorted (strings compared by code unit), no spaces: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A record's version: the first 16 hex digits of the SHA-256 of its canonical JSON. */
export function versionOf(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 16);
}

/** A deep copy through JSON: what a record becomes once written and read back. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
