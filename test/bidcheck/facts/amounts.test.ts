import { labelledTotals, readNumber, singleTotal, totalKind } from '../../../src/bidcheck/facts/amounts';

describe('numbers as price files write them', () => {
  it('reads French grouping and decimals, and how many decimals are shown', () => {
    expect(readNumber('1 234,56 €')).toEqual({ value: 1234.56, decimals: 2 });
    expect(readNumber('16.170,00 € HT')).toEqual({ value: 16170, decimals: 2 });
    expect(readNumber('1\u00a0200,5')).toEqual({ value: 1200.5, decimals: 1 });
    expect(readNumber('12.3456')).toEqual({ value: 12.3456, decimals: 4 });
    expect(readNumber('-300')).toEqual({ value: -300, decimals: 0 });
  });

  it('reads no number from two cells glued together', () => {
    expect(readNumber('120 18,50')).toBeUndefined();
    expect(readNumber('1 654,59 31 472,05')).toBeUndefined();
    expect(readNumber('1 0200,0')).toBeUndefined();
    expect(readNumber('inclus')).toBeUndefined();
  });
});

describe('totals stated on lines of their own', () => {
  it('reads a label followed by exactly one amount', () => {
    const totals = labelledTotals('DPGF\nTotal HT : 31 472,05 €\nTVA à 20 % : 6 294,41 €\nMontant TTC\t37 766,46\nTotal général H.T. 12 000');
    expect(totals.map(({ kind, value, line }) => [kind, value, line])).toEqual([['ht', 31472.05, 1], ['tva', 6294.41, 2], ['ttc', 37766.46, 3], ['ht', 12000, 4]]);
    expect(singleTotal(totals, 'ht')).toBeUndefined();
    expect(singleTotal(totals, 'ttc')?.value).toBe(37766.46);
  });

  it('does not read glued lines, rates or labels without their amount', () => {
    expect(labelledTotals('Total HT 1 654,59 31 472,05\nTotal HT\t1 654,59\t31 472,05\nTVA : 20 %\nMontant total HT :\nTotal HT lot 2 : 4 000,00 €\nDésignation Montant total HT 1 654,59 €')).toEqual([]);
  });

  it('names a table cell that labels a total', () => {
    expect(['Total HT', 'TVA (20 %)', 'Montant TTC (€)', 'Sous-total 1', 'Total HT lot 1'].map(totalKind)).toEqual(['ht', 'tva', 'ttc', undefined, undefined]);
  });
});
