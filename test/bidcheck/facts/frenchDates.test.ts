import { dateAfter, findDates, periodAfter } from '../../../src/bidcheck/facts/frenchDates';
import { findAmounts, parseFrenchNumber } from '../../../src/bidcheck/facts/amounts';
import { lightFold } from '../../../src/bidcheck/textForms';

describe('French dates (bid-rules.md §0.4)', () => {
  it.each([
    ['le 02/11/2021 à 17h00', '2021-11-02'],
    ['mercredi 31 octobre 2018 à 12:00', '2018-10-31'],
    ['1er avril 2026', '2026-04-01'],
    ['05.11.2020', '2020-11-05'],
    ['3-3-26', '2026-03-03'],
    ['2026-12-01', '2026-12-01'],
    ['LUNDI 24 FÉVRIER 2025', '2025-02-24'],
    ['à jour au6 novembre2024', '2024-11-06'],
  ])('"%s" is %s', (text, iso) => {
    expect(findDates(lightFold(text))[0]?.iso).toBe(iso);
  });

  it('ignores impossible dates', () => {
    expect(findDates(lightFold('31/02/2026 et 45/13/2026'))).toEqual([]);
  });

  it('takes the "à jour au" date of a Kbis, not the registration date', () => {
    const text = lightFold("Date d'immatriculation 12/03/2011 ... Extrait Kbis à jour au 6 novembre 2026");
    expect(dateAfter(text, /a jour au/)).toBe('2026-11-06');
  });

  it('reads a validity period "du … au …"', () => {
    expect(periodAfter(lightFold('Période de validité : du 01/01/2026 au 31 décembre 2026'), /periode de validite/)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('French amounts', () => {
  it('reads grouping with spaces, NBSP, dots and comma decimals', () => {
    expect(findAmounts(lightFold('412\u202f000 € puis 1.234,56 euros et 98 500,00 € HT')).map((a) => a.value)).toEqual([412000, 1234.56, 98500]);
    expect(parseFrenchNumber('1 234,50')).toBe(1234.5);
    expect(parseFrenchNumber('12.5')).toBe(12.5);
    expect(parseFrenchNumber('inclus')).toBeUndefined();
  });
});
