import { isValid, parse } from 'date-fns';

export interface DateMention {
  /** ISO calendar date, YYYY-MM-DD. */
  iso: string;
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};
// bid-rules.md §0.4, on text already folded (no accents, lower case).
const NUMERIC = /(?<!\d)(0?[1-9]|[12]\d|3[01])\s?[/.-]\s?(0?[1-9]|1[0-2])\s?[/.-]\s?(\d{4}|\d{2})(?!\d)/g;
const TEXTUAL = /(?<!\d)(1er|0?[1-9]|[12]\d|3[01])\s*(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s*(\d{4})(?!\d)/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

function toIso(year: number, month: number, day: number): string | undefined {
  const date = parse(`${year}-${month}-${day}`, 'yyyy-M-d', new Date(2000, 0, 1));
  if (!isValid(date) || year < 1950 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every calendar date written in a folded French text, in reading order. */
export function findDates(folded: string): DateMention[] {
  const found: DateMention[] = [];
  for (const match of folded.matchAll(NUMERIC)) {
    const yearText = match[3]!;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const iso = toIso(year, Number(match[2]), Number(match[1]));
    if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length });
  }
  for (const match of folded.matchAll(TEXTUAL)) {
    const day = match[1] === '1er' ? 1 : Number(match[1]);
    const iso = toIso(Number(match[3]), MONTHS[match[2]!]!, day);
    if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length });
  }
  for (const match of folded.matchAll(ISO)) {
    const iso = toIso(Number(match[1]), Number(match[2]), Number(match[3]));
    if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date written within `window` characters after a label (the label is a regex on folded text). */
export function dateAfter(folded: string, label: RegExp, window = 80): string | undefined {
  const dates = findDates(folded);
  const pattern = new RegExp(label.source, 'g');
  for (const match of folded.matchAll(pattern)) {
    const start = match.index + match[0].length;
    const hit = dates.find((date) => date.index >= start && date.index - start <= window);
    if (hit) return hit.iso;
  }
  return undefined;
}

/** A "du <date> au <date>" period after an optional label. */
export function periodAfter(folded: string, label?: RegExp): { from: string; to: string } | undefined {
  const dates = findDates(folded);
  const search = label ? [...folded.matchAll(new RegExp(label.source, 'g'))].map((m) => m.index + m[0].length) : [0];
  for (const start of search) {
    for (let i = 0; i < dates.length - 1; i++) {
      const first = dates[i]!;
      const second = dates[i + 1]!;
      if (first.index < start || first.index - start > 200) continue;
      const between = folded.slice(first.end, second.index);
      const before = folded.slice(Math.max(0, first.index - 6), first.index);
      if (/^\s*(au|jusqu'au|jusqu au|-|a)\s*$/.test(between) && /(du|de|le)\s*$/.test(before) && first.iso <= second.iso) return { from: first.iso, to: second.iso };
    }
  }
  return undefined;
}

/** PDF dates look like "D:20260312101500+01'00'". */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /D:(\d{4})(\d{2})(\d{2})/.exec(value);
  return match ? toIso(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}
