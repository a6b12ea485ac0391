import { findAmounts } from './amounts';

/** A value written into a field: digits, once rates ("20 %") and the rubric's own numbers are set aside. */
const hasFigure = (value: string): boolean => /\d/.test(value.replace(/\d+(?:[.,]\d+)?\s*%/g, '').replace(/(?<![a-z])(?:article|art\.?|r\.?|l\.?)\s*\d[\d-]*/g, ''));

/**
 * R23: the DC4 prints "Montant HT : …… €", "Montant TTC : …… €" (rubric F); a DC4 whose amount
 * fields all stay dots or blank declares no amount. A DC4 with no amount label is read by its euro
 * amounts instead (a free-form sub-contracting declaration).
 */
export function dc4AmountBlank(light: string): boolean {
  const lines = light.split('\n');
  let labels = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const label = /(?<![a-z])montant(?:s)?(?![a-z])/.exec(line);
    if (!label) continue;
    labels++;
    const rest = line.slice(label.index + label[0].length);
    const colon = rest.indexOf(':');
    const value = colon >= 0 ? rest.slice(colon + 1) : rest.replace(/^[^0-9…._]*?(?:h\.?t\.?|t\.?t\.?c\.?)(?![a-z])/, '');
    if (hasFigure(value)) return false;
    // A table puts the value under its heading (a label with no field of its own).
    const ownField = colon >= 0 && /[.…_]{2,}/.test(value);
    if (!ownField && findAmounts(lines[i + 1] ?? '').some((amount) => amount.value > 0)) return false;
  }
  return labels > 0 || findAmounts(light).every((amount) => amount.value === 0);
}
