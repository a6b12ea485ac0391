import { NUMERIC_ROLES, onlyColumn, type PriceTable, TOTAL_ROW_LABEL } from '../extract/priceColumns';
import { halfUnit, type LabelledTotal, readNumber, totalKind, type WrittenNumber } from './amounts';

/**
 * Sums recomputed from tables whose cells are known (spreadsheets, PDF tables rebuilt from text
 * positions) and from totals stated on lines of their own. Every number compared comes from one row,
 * or from labelled lines next to one another: nothing pairs numbers the document keeps apart.
 */

/** A row whose amount is not its quantity × unit price. */
export interface LineError {
  designation: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  expected: number;
}

export interface LineCheck {
  wrong: LineError[];
  /** Rows whose amount is right: they confirm the columns were read as meant. */
  right: number;
}

function labelOf(table: PriceTable, row: readonly string[]): string {
  return row
    .filter((cell, index) => !NUMERIC_ROLES.includes(table.roles[index]!) && cell.trim())
    .join(' ')
    .trim();
}

/** The designation shown for a row: its own, or the text line just above when it wrapped ("Peinture… / …2 couches"). */
function designationOf(table: PriceTable, index: number): string {
  const column = onlyColumn(table.roles, 'designation');
  const ref = onlyColumn(table.roles, 'ref');
  const own = (column !== undefined ? table.rows[index]![column] : '')?.trim();
  const above = index > 0 && column !== undefined && labelOf(table, table.rows[index - 1]!) === table.rows[index - 1]![column]?.trim() ? table.rows[index - 1]![column]!.trim() : '';
  const text = own || above || (ref !== undefined ? table.rows[index]![ref]?.trim() : '') || '';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * Quantity × unit price against the amount on every row that has the three. `exact` cells hold
 * their values (XLSX); otherwise they are as displayed and may be rounded, so the tolerance is what
 * the written decimals allow (a unit price shown 12,35 may be 12,3456: 1 000 × 12,35 ≈ 12 345,60).
 */
export function checkLines(tables: readonly PriceTable[], exact: boolean): LineCheck {
  const result: LineCheck = { wrong: [], right: 0 };
  for (const table of tables) {
    const quantityColumn = onlyColumn(table.roles, 'quantity');
    if (quantityColumn === undefined) continue;
    for (const [priceRole, amountRole] of [['unitPrice', 'amount'], ['unitPriceTtc', 'amountTtc']] as const) {
      const priceColumn = onlyColumn(table.roles, priceRole);
      const amountColumn = onlyColumn(table.roles, amountRole);
      if (priceColumn === undefined || amountColumn === undefined) continue;
      table.rows.forEach((row, index) => {
        if (TOTAL_ROW_LABEL.test(labelOf(table, row))) return;
        const [quantity, unitPrice, amount] = [quantityColumn, priceColumn, amountColumn].map((column) => readNumber(row[column] ?? ''));
        if (!quantity || !unitPrice || !amount) return;
        const expected = quantity.value * unitPrice.value;
        // A quantity shown "12" may hide a hundredth or two, not a half: a whole hidden half would
        // excuse any error smaller than half a unit price. Most rows being right guards the rest.
        const tolerance = exact
          ? Math.max(0.011, Math.abs(amount.value) * 1e-6)
          : 0.011 + halfUnit(amount.decimals) + Math.abs(quantity.value) * halfUnit(Math.min(unitPrice.decimals, 6)) + Math.abs(unitPrice.value) * halfUnit(Math.min(Math.max(quantity.decimals, 2), 6));
        if (Math.abs(expected - amount.value) <= tolerance) result.right++;
        else result.wrong.push({ designation: designationOf(table, index), quantity: quantity.value, unitPrice: unitPrice.value, amount: amount.value, expected });
      });
    }
  }
  return result;
}

/**
 * Totals stated by rows of a table: a label ("Total HT", "TVA 20 %", "Total TTC") and one amount, in
 * the amount column, with no other number on the row but a rate. `line` is the row's index.
 */
export function tableTotals(table: PriceTable): LabelledTotal[] {
  const amountColumn = onlyColumn(table.roles, 'amount');
  if (amountColumn === undefined) return [];
  return table.rows.flatMap((row, line): LabelledTotal[] => {
    const kind = totalKind(labelOf(table, row));
    const amount = readNumber(row[amountColumn] ?? '');
    const others = row.filter((cell, index) => index !== amountColumn && NUMERIC_ROLES.includes(table.roles[index]!) && cell.trim() && !/%\s*$/.test(cell));
    return kind && amount && others.length === 0 ? [{ kind, ...amount, line }] : [];
  });
}

export interface VatMismatch {
  ht: WrittenNumber;
  tva: WrittenNumber;
  ttc: WrittenNumber;
}

/**
 * HT + TVA ≠ TTC for each run of three totals that follow one another — Total HT, then TVA, then
 * Total TTC — within `maxSpan` lines (or rows). Lots or tranches each give their own three.
 */
export function vatMismatches(totals: readonly LabelledTotal[], maxSpan: number): VatMismatch[] {
  const mismatches: VatMismatch[] = [];
  for (let i = 0; i + 2 < totals.length; i++) {
    const [ht, tva, ttc] = [totals[i]!, totals[i + 1]!, totals[i + 2]!];
    if (ht.kind !== 'ht' || tva.kind !== 'tva' || ttc.kind !== 'ttc' || ttc.line - ht.line > maxSpan) continue;
    const tolerance = Math.max(0.011, halfUnit(ht.decimals) + halfUnit(tva.decimals) + halfUnit(ttc.decimals));
    if (Math.abs(ht.value + tva.value - ttc.value) > tolerance) mismatches.push({ ht, tva, ttc });
  }
  return mismatches;
}
