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

/** A French number written in a cell or a line ("1 234,50", "12.5", "1.234,56"); undefined when not a number. */
export function parseFrenchNumber(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/(eur|euros?|ht|ttc)$/i, '');
  if (!cleaned) return undefined;
  let normalized = cleaned;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) normalized = cleaned.replace(/\./g, '').replace(',', '.');
  else normalized = cleaned.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
  return Number(normalized);
}

/** The first amount within `window` characters after a label. */
export function amountAfter(folded: string, label: RegExp, window = 120): number | undefined {
  const amounts = findAmounts(folded);
  for (const match of folded.matchAll(new RegExp(label.source, 'g'))) {
    const start = match.index + match[0].length;
    const hit = amounts.find((amount) => amount.index >= start && amount.index - start <= window);
    if (hit) return hit.value;
  }
  return undefined;
}
