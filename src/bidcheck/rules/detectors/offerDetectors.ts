import { parseFrenchNumber } from '../../facts/amounts';
import { facts, hasAnyType, ofType } from '../dossierQueries';
import type { Detector, Hit } from '../types';

const close = (a: number, b: number, tolerance = 0.011) => Math.abs(a - b) <= tolerance;

/** R42: quantity × unit price ≠ amount on a line, HT + TVA ≠ TTC, or AE amount ≠ price-file total. */
export const priceInconsistency: Detector = (view) => {
  const hits: Hit[] = [];
  for (const file of ofType(view, ['DQE', 'DPGF', 'BPU'])) {
    const rows = file.rows ?? [];
    const header = rows.findIndex((row) => row.some((cell) => /quantit/i.test(cell)) && row.some((cell) => /prix unitaire/i.test(cell)));
    if (header >= 0) {
      const head = rows[header]!;
      const q = head.findIndex((cell) => /quantit/i.test(cell));
      const pu = head.findIndex((cell) => /prix unitaire/i.test(cell));
      const total = head.findIndex((cell, index) => index !== pu && /montant|total/i.test(cell));
      const wrong = rows.slice(header + 1).filter((row) => {
        const [quantity, unit, amount] = [q, pu, total].map((index) => (index >= 0 ? parseFrenchNumber(row[index] ?? '') : undefined));
        return quantity !== undefined && unit !== undefined && amount !== undefined && !close(quantity * unit, amount, Math.max(0.011, amount * 1e-6));
      });
      if (wrong.length > 0) hits.push({ file: file.name, kind: 'LINE', vars: { count: wrong.length } });
    }
    const { ht, tva, ttc } = facts(view, file).totals;
    if (ht !== undefined && tva !== undefined && ttc !== undefined && !close(ht + tva, ttc, 0.02)) hits.push({ file: file.name, kind: 'VAT', vars: { ht, tva, ttc } });
  }
  const priceTotal = ofType(view, ['DQE', 'DPGF']).map((file) => facts(view, file).totals.ht).find((value) => value !== undefined);
  for (const file of ofType(view, ['ATTRI1'])) {
    const amount = facts(view, file).totals.ht;
    if (priceTotal !== undefined && amount !== undefined && !close(priceTotal, amount, 0.02)) hits.push({ file: file.name, kind: 'AE_VS_PRICES', vars: { ae: amount, prices: priceTotal } });
  }
  return hits;
};

/** R31: a collective proceeding on the registration extract (liquidation; redressement without the judgment). */
export const insolvency: Detector = (view) =>
  ofType(view, ['KBIS', 'EXTRAIT_K', 'RNE', 'SIRENE']).flatMap((file): Hit[] => {
    const text = facts(view, file).folded.replace(/procedures? collectives?\s*:?\s*neant/g, '');
    if (/liquidation judiciaire/.test(text)) return [{ file: file.name, kind: 'LIQUIDATION' }];
    if (/(faillite personnelle|interdiction de gerer)/.test(text)) return [{ file: file.name, kind: 'BAN' }];
    if (/redressement judiciaire/.test(text) && !hasAnyType(view, ['JUGEMENT_RJ'])) return [{ file: file.name, kind: 'REDRESSEMENT' }];
    return [];
  });
