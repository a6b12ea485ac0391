/** INSEE department codes, as tenders carry them ("30", "2A", "974"). */

const METROPOLE = [
  ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')),
  '2A',
  '2B',
  ...Array.from({ length: 95 - 20 }, (_, i) => String(i + 21)),
];
export const ALL_DEPARTMENTS: readonly string[] = [...METROPOLE, '971', '972', '973', '974', '976'];
const KNOWN = new Set(ALL_DEPARTMENTS);

/** A purchase listed in at least this many departments is a national one. */
export const NATIONWIDE_THRESHOLD = 90;

/** "30", "030", "2a", 30 → "30"; undefined when it is no department. */
export function departmentCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  let text = String(raw).trim().toUpperCase();
  if (/^\d$/.test(text)) text = `0${text}`;
  if (/^0\d{2}$/.test(text) && !KNOWN.has(text)) text = text.slice(1);
  return KNOWN.has(text) ? text : undefined;
}

/** The department of a French postal code ("30100" → "30", "20000" → "2A", "97400" → "974"). */
export function departmentOfPostalCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const code = String(raw).trim();
  if (!/^\d{5}$/.test(code)) return undefined;
  if (code.startsWith('97')) return departmentCode(code.slice(0, 3));
  if (code.startsWith('20')) return Number(code.slice(2, 3)) <= 1 ? '2A' : '2B';
  return departmentCode(code.slice(0, 2));
}
