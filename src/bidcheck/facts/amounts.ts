import { baseFold } from '../../text/baseFold';

export interface AmountMention {
  value: number;
  index: number;
}

// "1 234 567,89 €", "45 000 euros HT", "1.234,56", "12500 €": French grouping (space, NBSP, dot) and comma decimals.
const AMOUNT = /(?<![\d,.])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(?:€|euros?|eur)(?![a-z])/g;

/** Euro amounts in a folded text (NBSP already turned into spaces by folding). */
export function findAmounts(folded: string): AmountMention[] {
  return [...folded.matchAll(AMOUNT)].map((match) => ({
    value: Number(`${match[1]!.replace(/[ .]/g, '')}.${match[2] ?? '0'}`),
    index: match.index,
  }));
}

/** A number as a document writes it, and how many decimals it shows (the precision it was rounded to). */
export interface WrittenNumber {
  value: number;
  decimals: number;
}

/**
 * One number as a cell or a line writes it: "1 234,50", "1.234,56", "12,5", "12.5", "-300,00 €".
 * Spaces and dots group thousands only in groups of three, so "120 18,50" — two cells glued by text
 * extraction — is no number (it used to read as 12 018,50). "1.234" reads as 1234, as in French.
 */
export function readNumber(text: string): WrittenNumber | undefined {
  const cleaned = baseFold(text)
    .replace(/[\u2212–]/g, '-')
    .trim()
    .replace(/\s*(?:€|eur|euros?)?\s*(?:h\.?\s?t\.?|t\.?t\.?c\.?)?$/, '')
    .replace(/^(-?)\s+/, '$1')
    .trim();
  const grouped = /^-?\d{1,3}(?: \d{3})+(?:,(\d+))?$/.exec(cleaned) ?? /^-?\d{1,3}(?:\.\d{3})+(?:,(\d+))?$/.exec(cleaned);
  if (grouped) return { value: Number(cleaned.replace(/[ .]/g, '').replace(',', '.')), decimals: grouped[1]?.length ?? 0 };
  const plain = /^-?\d+(?:[,.](\d+))?$/.exec(cleaned);
  if (plain) return { value: Number(cleaned.replace(',', '.')), decimals: plain[1]?.length ?? 0 };
  return undefined;
}

export function parseFrenchNumber(text: string): number | undefined {
  return readNumber(text)?.value;
}

/** A total read from a line that says what it is and holds exactly one amount. */
export interface LabelledTotal {
  kind: 'ht' | 'tva' | 'ttc';
  value: number;
  /** Decimals written: the amount is exact to half a unit of the last one. */
  decimals: number;
  /** Line number in the document's text (pages joined): totals far apart are not compared. */
  line: number;
}

const SCOPE = String.raw`(?:total|montant)(?: total| global| general)?`;
const CURRENCY = String.raw`(?:\s*(?:\(\s*(?:en\s+)?(?:€|euros?)\s*\)|en\s+(?:€|euros?)))?`;
const LABELS: Record<LabelledTotal['kind'], string> = {
  ht: String.raw`${SCOPE}\s+(?:h\.?\s?t\.?|hors\s+taxes?)(?:\s*\(h\.?t\.?\))?`,
  tva: String.raw`(?:montant\s+(?:total\s+)?(?:de\s+la\s+)?)?t\.?\s?v\.?\s?a\.?(?:\s*\(?\s*(?:a|au\s+taux\s+de)?\s*\d{1,2}(?:[.,]\d{1,2})?\s*%\s*\)?)?`,
  ttc: String.raw`${SCOPE}\s+(?:t\.?\s?t\.?\s?c\.?|toutes\s+taxes\s+comprises)(?:\s*\(t\.?t\.?c\.?\))?`,
};
// The amount: thousands grouped by single spaces or dots, never by a tab (a tab parts two cells).
const ONE_AMOUNT = String.raw`(-?\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|-?\d+(?:,\d{1,2})?)\s*(?:€|eur|euros?)?\s*(?:h\.?\s?t\.?|t\.?t\.?c\.?)?`;
const LINE_PATTERNS = (Object.keys(LABELS) as LabelledTotal['kind'][]).map((kind) => ({
  kind,
  line: new RegExp(String.raw`^[ \t]*${LABELS[kind]}${CURRENCY}[ \t]*:?[ \t]*${ONE_AMOUNT}[ \t]*$`),
  label: new RegExp(String.raw`^\s*${LABELS[kind]}${CURRENCY}\s*:?\s*$`),
}));

/** What a label alone names ("Total HT", "TVA 20 %", "Montant TTC (€)"), as the cell of a table says it. */
export function totalKind(label: string): LabelledTotal['kind'] | undefined {
  const folded = baseFold(label);
  return LINE_PATTERNS.find(({ label: pattern }) => pattern.test(folded))?.kind;
}

/**
 * The totals a text states on lines of their own — "Total HT : 31 472,05 €", "TVA 20 % 6 294,41",
 * "Montant TTC\t37 766,46" — each line a label and exactly one amount. A line where text extraction
 * glued several cells ("Total HT 1 654,59 31 472,05") holds two amounts and is not read.
 */
export function labelledTotals(text: string): LabelledTotal[] {
  const totals: LabelledTotal[] = [];
  baseFold(text)
    .split('\n')
    .forEach((line, index) => {
      if (line.length > 160) return;
      for (const { kind, line: pattern } of LINE_PATTERNS) {
        const match = pattern.exec(line);
        const number = match ? readNumber(match[1]!) : undefined;
        if (number) {
          totals.push({ kind, ...number, line: index });
          return;
        }
      }
    });
  return totals;
}

/** The one value a document gives for a total, when every labelled line of that kind agrees. */
export function singleTotal(totals: readonly LabelledTotal[], kind: LabelledTotal['kind']): LabelledTotal | undefined {
  const ofKind = totals.filter((total) => total.kind === kind);
  return ofKind.length > 0 && ofKind.every((total) => Math.abs(total.value - ofKind[0]!.value) < 0.005) ? ofKind[0] : undefined;
}

/** Half a unit of the last decimal written: how far the exact value may be from the one shown. */
export const halfUnit = (decimals: number): number => 0.5 * 10 ** -decimals;
