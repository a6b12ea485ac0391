import { priceTables } from '../../extract/priceColumns';
import { halfUnit, type LabelledTotal, singleTotal } from '../../facts/amounts';
import { checkLines, tableTotals, vatMismatches } from '../../facts/priceArithmetic';
import type { CheckedFile } from '../../types';
import { facts, hasAnyType, ofType, stringList } from '../dossierQueries';
import type { Detector, DossierView, Hit } from '../types';

const money = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const quantity = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });
/** Three totals farther apart than this (lines of text, rows of a table) are not compared. */
const TOTALS_SPAN = 6;

/** The file's total HT when it states one, and only one, clearly: a table's total row or a labelled line. */
function statedTotalHt(view: DossierView, file: CheckedFile): LabelledTotal | undefined {
  const fromTables = priceTables(file.rows ?? []).flatMap(tableTotals);
  return singleTotal(fromTables.length > 0 ? fromTables : facts(view, file).totals, 'ht');
}

/**
 * R42: quantity × unit price ≠ amount on a row of a table read cell by cell (spreadsheet, or a PDF
 * table rebuilt from text positions); HT + TVA ≠ TTC on totals that follow one another, each a label
 * and one amount; AE amount ≠ the price file's total when each states a single one. Where the
 * cells are not known — a PDF whose columns could not be rebuilt — nothing is recomputed.
 */
export const priceInconsistency: Detector = (view) => {
  const hits: Hit[] = [];
  for (const file of ofType(view, ['DQE', 'DPGF', 'BPU'])) {
    const tables = priceTables(file.rows ?? []);
    const lines = checkLines(tables, file.format === 'xlsx' || file.format === 'xlsm');
    // A majority of wrong rows says the columns were misread (a coefficient, another unit), not the prices.
    const first = lines.wrong[0];
    if (first && lines.right >= lines.wrong.length) {
      hits.push({
        file: file.name,
        kind: lines.wrong.length === 1 ? 'LINE' : 'LINES',
        vars: { count: lines.wrong.length, designation: first.designation || '—', quantity: quantity.format(first.quantity), unitPrice: money.format(first.unitPrice), expected: money.format(first.expected), amount: money.format(first.amount) },
      });
    }
    const mismatch = [...tables.flatMap((table) => vatMismatches(tableTotals(table), TOTALS_SPAN)), ...vatMismatches(facts(view, file).totals, TOTALS_SPAN)][0];
    if (mismatch) {
      hits.push({ file: file.name, kind: 'VAT', vars: { ht: money.format(mismatch.ht.value), tva: money.format(mismatch.tva.value), sum: money.format(mismatch.ht.value + mismatch.tva.value), ttc: money.format(mismatch.ttc.value) } });
    }
  }
  // One acte d'engagement against one price file: with several, which lot goes with which is unknown.
  const priceFiles = ofType(view, ['DQE', 'DPGF']).flatMap((file) => {
    const total = statedTotalHt(view, file);
    return total ? [{ file, total }] : [];
  });
  const engagements = ofType(view, ['ATTRI1']).flatMap((file) => {
    const total = singleTotal(facts(view, file).totals, 'ht');
    return total ? [{ file, total }] : [];
  });
  if (priceFiles.length === 1 && engagements.length === 1) {
    const [prices, ae] = [priceFiles[0]!, engagements[0]!];
    const [priceLots, aeLots] = [facts(view, prices.file).lots, facts(view, ae.file).lots];
    const sameLot = priceLots.length === 0 || aeLots.length === 0 || priceLots.some((lot) => aeLots.includes(lot));
    if (sameLot && Math.abs(prices.total.value - ae.total.value) > Math.max(0.011, halfUnit(prices.total.decimals) + halfUnit(ae.total.decimals))) {
      hits.push({ file: ae.file.name, kind: 'AE_VS_PRICES', vars: { ae: money.format(ae.total.value), prices: money.format(prices.total.value), pricesFile: prices.file.name.split('/').pop() ?? '' } });
    }
  }
  return hits;
};

/** R31: a collective proceeding on the registration extract (liquidation; redressement without the judgment). */
export const insolvency: Detector = (view, params) =>
  ofType(view, stringList(params.registryTypes)).flatMap((file): Hit[] => {
    const text = facts(view, file).folded.replace(/procedures? collectives?\s*:?\s*neant/g, '');
    if (/liquidation judiciaire/.test(text)) return [{ file: file.name, kind: 'LIQUIDATION' }];
    if (/(faillite personnelle|interdiction de gerer)/.test(text)) return [{ file: file.name, kind: 'BAN' }];
    if (/redressement judiciaire/.test(text) && !hasAnyType(view, stringList(params.judgmentTypes))) return [{ file: file.name, kind: 'REDRESSEMENT' }];
    return [];
  });
