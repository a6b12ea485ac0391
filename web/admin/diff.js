// A change read without knowing JSON: « Message affiché à l’entreprise › Par défaut : « ancien » → « nouveau » ».
import { fieldLabel, valueLabel } from './labels.js';

const MAX_TEXT = 400;

function segments(path) {
  return String(path ?? '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** '/message/default' → 'Message affiché à l’entreprise › Par défaut'; '/links/1/url' → 'Liens › n° 2 › Adresse (URL)'. */
export function pathLabel(path) {
  const parts = segments(path);
  if (parts.length === 0) return 'Fiche entière';
  return parts.map((part) => (/^\d+$/.test(part) ? `n° ${Number(part) + 1}` : fieldLabel(part))).join(' › ');
}

function clip(text) {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A value as a reader sees it: « texte », a number, oui / non, a list joined by « ; », (vide). */
export function valueText(value) {
  if (value === undefined || value === null || value === '') return '(vide)';
  if (typeof value === 'string') return `« ${clip(valueLabelOrText(value))} »`;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (Array.isArray(value)) {
    if (value.length === 0) return '(liste vide)';
    if (value.every((item) => typeof item === 'string')) return clip(value.map((item) => `« ${valueLabelOrText(item)} »`).join(' ; '));
  }
  return clip(JSON.stringify(value));
}

function valueLabelOrText(item) {
  return /^[A-Z][A-Z0-9_]+$/.test(item) ? valueLabel(item) : item;
}

/** One line of a change's diff; a field of a record created or removed has only its value. */
export function diffLine(entry) {
  if (entry.whole === 'created') return `${pathLabel(entry.path)} : ${valueText(entry.after)}`;
  if (entry.whole === 'removed') return `${pathLabel(entry.path)} : ${valueText(entry.before)} (retiré)`;
  return `${pathLabel(entry.path)} : ${valueText(entry.before)} → ${valueText(entry.after)}`;
}

function isEmpty(value) {
  return value === undefined || value === null;
}

function leaves(value, path) {
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => leaves(item, `${path}/${escape(key)}`));
  if (Array.isArray(value) && value.some((item) => isPlainObject(item))) return value.flatMap((item, index) => leaves(item, `${path}/${index}`));
  return [{ path: path || '/', value }];
}

/**
 * A record created or removed whole, field by field (« Titre : « … » »), rather than as its JSON;
 * any other entry as it is.
 */
export function readableEntries(entry) {
  const created = isEmpty(entry.before) && isPlainObject(entry.after);
  const removed = isEmpty(entry.after) && isPlainObject(entry.before);
  if (!created && !removed) return [entry];
  const base = entry.path === '/' ? '' : String(entry.path ?? '');
  return leaves(created ? entry.after : entry.before, base).map(({ path, value }) => (created ? { path, after: value, whole: 'created' } : { path, before: value, whole: 'removed' }));
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function escape(part) {
  return String(part).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The fields that differ between two values, as `[{ path, before, after }]` (the history's shape):
 * objects field by field, lists of the same length item by item, anything else whole.
 */
export function computeDiff(before, after, path = '') {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => computeDiff(before[key], after[key], `${path}/${escape(key)}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some((item) => isPlainObject(item))) {
    return before.flatMap((item, index) => computeDiff(item, after[index], `${path}/${index}`));
  }
  return [{ path: path || '/', before, after }];
}
