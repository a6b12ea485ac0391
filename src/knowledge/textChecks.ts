import { type KnowledgeProblem, pointer, problem, quote } from './problems';

/**
 * A tag (<b>, </p>, <br/>, <a href=…>), a comment or an entity (&nbsp; &#39;). Teams and Web Chat
 * show such text raw, or worse, interpret it: knowledge texts are plain text. "< 40 000 €" and
 * "a<b" are not tags (a tag name follows "<" at once and the tag closes).
 */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** The HTML a text holds, as found, or undefined. */
export function htmlIn(text: string): string | undefined {
  return HTML.exec(text)?.[0];
}

/** Every string of a value with its JSON path, except under the keys `skip` names (URLs, patterns…). */
export function stringsOf(value: unknown, at: string, skip: ReadonlySet<string> = new Set()): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${at}${pointer(i)}`, skip));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (skip.has(key) ? [] : stringsOf(item, `${at}${pointer(key)}`, skip)));
  }
  return [];
}

const NOT_TEXT = new Set(['$schema', 'url', 'noticeUrl', 'buyerProfileUrl', 'email']);

/** No HTML in any text of `value` (the texts a person reads), each found one a problem. */
export function htmlProblems(file: string, value: unknown, at = '', skip: ReadonlySet<string> = NOT_TEXT): KnowledgeProblem[] {
  return stringsOf(value, at, skip).flatMap(([where, text]) => {
    const found = htmlIn(text);
    return found
      ? [problem(file, where || '/', `contient du HTML (${quote(found, 40)}), que le chat afficherait tel quel`, 'écrivez du texte simple, sans balises ni entités : l’apostrophe et les espaces s’écrivent directement, une adresse web en clair')]
      : [];
  });
}
