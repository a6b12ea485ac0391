/** Small readers for the loosely typed open-data JSON (values may be scalars, arrays or `{ "#text" }`). */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The value at a path of object keys; undefined as soon as one is missing. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Values that mean "nothing" in these exports: null, "", and data.economie's filler "CDL". */
function blank(text: string): boolean {
  return text === '' || text === 'CDL';
}

/**
 * The text of a field: a string, a number, `{ "#text": … }` (eForms), or a list of language
 * variants (the French one first). Trimmed; undefined when empty.
 */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return blank(trimmed) ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const french = value.find((item) => isObject(item) && typeof item['@languageID'] === 'string' && /^fr/i.test(item['@languageID']));
    for (const item of french ? [french, ...value] : value) {
      const found = text(item);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(value)) return text(value['#text']);
  return undefined;
}

/** BOAMP's flag objects: `{ "oui": "" }` / `{ "non": "" }`. */
export function flag(value: unknown): boolean | undefined {
  if (!isObject(value)) return undefined;
  if ('oui' in value) return true;
  if ('non' in value) return false;
  return undefined;
}

/** The single key of a `{ "KEY": "" }` choice object (BOAMP's gestion block). */
export function choiceKeys(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return isObject(value) ? Object.keys(value) : [];
}

/** Every value under a key of that name, anywhere below (depth-first, document order). */
export function deepValues(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) deepValues(item, key, out);
  else if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (name === key) out.push(child);
      deepValues(child, key, out);
    }
  }
  return out;
}

/** Collapses runs of spaces and blank lines; keeps paragraphs; caps the length (a card is short). */
export function plainText(raw: string | undefined, max = 4000): string | undefined {
  if (!raw) return undefined;
  const cleaned = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!cleaned) return undefined;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1).trimEnd()}…` : cleaned;
}

/** "45236119", "45236119-7", " 45236119 " → "45236119"; undefined when it is no 8-digit CPV code. */
export function cpvCode(raw: unknown): string | undefined {
  const value = text(raw);
  if (!value) return undefined;
  const match = /^(\d{8})(?:-\d)?$/.exec(value.replace(/\s+/g, ''));
  return match?.[1];
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A euro amount written "220000", "168000.00", "1 200 000,50"; undefined when not a positive number. */
export function amount(raw: unknown): number | undefined {
  const value = text(raw);
  if (!value) return undefined;
  const normalised = value.replace(/[\s\u00a0\u202f]/g, '').replace(/€|EUR/gi, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  const number = Number(normalised);
  return number > 0 && Number.isFinite(number) ? number : undefined;
}

/** A whole positive number of months, from a count and an eForms unit (MONTH, DAY, YEAR). */
export function months(raw: unknown, unit?: string): number | undefined {
  const value = text(raw);
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const count = Number(value);
  const factor = !unit || /^mon/i.test(unit) ? 1 : /^y|^ann/i.test(unit) ? 12 : /^d|^jour/i.test(unit) ? 1 / 30 : /^w|^sem/i.test(unit) ? 7 / 30 : undefined;
  if (factor === undefined) return undefined;
  const result = Math.round(count * factor);
  return result > 0 && result < 1200 ? result : undefined;
}

/** 14-digit SIRET or 9-digit SIREN, spaces removed; undefined otherwise. */
export function siretOrSiren(raw: unknown): { siret?: string; siren?: string } {
  const value = text(raw)?.replace(/[\s.]/g, '');
  if (value && /^\d{14}$/.test(value)) return { siret: value, siren: value.slice(0, 9) };
  if (value && /^\d{9}$/.test(value)) return { siren: value };
  return {};
}
