/** Lower case, accents and ligatures folded (« Événement » → « evenement »), for a search that forgives both. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();
}

/** Every string of a value, keys aside. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Does the record (its id or any of its texts) contain the query, accents and case folded? */
export function matchesQuery(id: string, record: unknown, query: string): boolean {
  const wanted = foldForSearch(query.trim());
  if (!wanted) return true;
  return [id, ...texts(record)].some((text) => foldForSearch(text).includes(wanted));
}

/**
 * How well a record matches: 0 its id, 1 its title, 2 only some other text. A search for « kbis »
 * lists KBIS_TOO_OLD before a rule that mentions a Kbis in its remedy.
 */
export function matchRank(id: string, title: string, query: string): number {
  const wanted = foldForSearch(query.trim());
  if (!wanted || foldForSearch(id).includes(wanted)) return 0;
  return foldForSearch(title).includes(wanted) ? 1 : 2;
}
