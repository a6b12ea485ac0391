import { baseFold } from '../../text/baseFold';

/** What a column of a price table (BPU, DQE, DPGF) holds, told by its header. */
export type ColumnRole = 'ref' | 'designation' | 'unit' | 'quantity' | 'unitPrice' | 'unitPriceTtc' | 'amount' | 'amountTtc' | 'other';

export const NUMERIC_ROLES: readonly ColumnRole[] = ['quantity', 'unitPrice', 'unitPriceTtc', 'amount', 'amountTtc'];
export const PRICE_ROLES: readonly ColumnRole[] = ['unitPrice', 'unitPriceTtc', 'amount', 'amountTtc'];

/** Rows of totals and carried sums: their label often spans several columns, and they are no priced line. */
export const TOTAL_ROW_LABEL = /^\s*(sous[- ]?total|total|montant|t\.?\s?v\.?\s?a|report|a reporter|à reporter)(?![a-z])/i;

const fold = (label: string) =>
  baseFold(label)
    .replace(/[()[\]:/*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const TTC = /(?<![a-z])(t\.?t\.?c\.?|toutes taxes)(?![a-z])/;
const UNIT_PRICE = /(?<![a-z])(prix unit|prix a l'unite|p\.? ?u\.?(?![a-z])|puht)|^prix( (ht|h\.t\.|en chiffres|en euros|€|euros?))*$/;
const AMOUNT = /(?<![a-z])(montants?|total|prix total|prix global|prix forfaitaire|somme)(?![a-z])/;

/** The role of one header cell ("Prix unitaire HT (€)", "Qté", "Montant TTC", "Désignation des ouvrages"). */
export function columnRole(label: string): ColumnRole {
  const text = fold(label);
  if (!text || text.length > 60) return 'other';
  // "Prix en lettres", "TVA", "Taux": read by no check here.
  if (/en lettres|(?<![a-z])(tva|taux|remise|observations?)(?![a-z])/.test(text)) return 'other';
  if (UNIT_PRICE.test(text)) return TTC.test(text) ? 'unitPriceTtc' : 'unitPrice';
  if (AMOUNT.test(text)) return TTC.test(text) ? 'amountTtc' : 'amount';
  if (/^(quantites?|qtes?\.?|q\.?|qte estimee|quantites? (estimees?|estimatives?|prevues?|previsionnelles?))( .{0,12})?$/.test(text)) return 'quantity';
  if (/^(u|u\.|un\.?|unites?)$/.test(text)) return 'unit';
  if (/^(designations?|libelles?|descriptions?|description des|designation des|libelle des|nature des|intitule|prestations?$|ouvrages?$)/.test(text)) return 'designation';
  if (/^(n|n°|no|n o|num|numero|ref|ref\.|references?|art\.?|articles?|code|postes?|items?|n° prix|n prix|lot)( .{0,10})?$/.test(text)) return 'ref';
  return 'other';
}

/**
 * The roles of a row's cells when the row is the header of a price table: a designation column and
 * at least two of unit, quantity, unit price and amount, one of them a price. Undefined otherwise.
 */
export function headerRoles(cells: readonly string[]): ColumnRole[] | undefined {
  const roles = cells.map(columnRole);
  if (!roles.includes('designation')) return undefined;
  const kinds = new Set(roles.filter((role) => ['unit', 'quantity', ...PRICE_ROLES].includes(role)).map((role) => (role.startsWith('unitPrice') ? 'unitPrice' : role.startsWith('amount') ? 'amount' : role)));
  if (kinds.size < 2 || !roles.some((role) => PRICE_ROLES.includes(role))) return undefined;
  return roles;
}

/** A price table as rows of cells: its header's roles and the rows under it. */
export interface PriceTable {
  roles: ColumnRole[];
  rows: string[][];
}

/** Splits rows (a spreadsheet, or a PDF's rebuilt tables) into tables, each starting at a header row. */
export function priceTables(rows: readonly string[][]): PriceTable[] {
  const tables: PriceTable[] = [];
  for (const row of rows) {
    const roles = headerRoles(row);
    if (roles) tables.push({ roles, rows: [] });
    else tables.at(-1)?.rows.push(row);
  }
  return tables;
}

/** The one column with a role (undefined when none or several, e.g. "Montant tranche ferme / optionnelle"). */
export function onlyColumn(roles: readonly ColumnRole[], role: ColumnRole): number | undefined {
  const found = roles.flatMap((candidate, index) => (candidate === role ? [index] : []));
  return found.length === 1 ? found[0] : undefined;
}
