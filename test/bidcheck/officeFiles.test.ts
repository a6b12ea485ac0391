import { LINES } from '../fixtures/documents';
import { docx, ods, xlsx } from '../fixtures/office';
import { check } from './support';

describe('Word, Excel and OpenDocument files', () => {
  it('recognises a DC1 written in Word, by content', async () => {
    const report = await check([{ name: 'candidature.docx', bytes: await docx(LINES.dc1(true, '2')) }], {});
    expect(report.documents[0]).toMatchObject({ type: 'DC1', siren: '552081317' });
  });

  it('finds lines without price and wrong line totals in an XLSX DQE', async () => {
    const bytes = await xlsx([
      ['DETAIL QUANTITATIF ESTIMATIF - Lot 2'],
      ['N°', 'Désignation', 'Unité', 'Quantité', 'Prix unitaire HT', 'Montant HT'],
      ['1', 'Dépose de cloisons', 'm2', 120, 18.5, 2220],
      ['2', 'Enduit de rebouchage', 'm2', 80, null, null],
      ['3', 'Peinture acrylique', 'm2', 300, 12, 3700],
      ['', 'Total HT', '', '', '', 5920],
    ]);
    const report = await check([{ name: 'DQE lot 2.xlsx', bytes }], {});
    expect(report.documents[0]!.type).toBe('DQE');
    // One line of each: named, in the singular, with the numbers of that row (no "ligne(s)").
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PRICE_DOCUMENT_INCOMPLETE', message: expect.stringContaining('la ligne « Enduit de rebouchage » n\'a pas de prix') }));
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PRICE_INCONSISTENCY', message: expect.stringMatching(/« Peinture acrylique », 300 × 12,00 € font 3\u202f600,00 €, mais le montant indiqué est 3\u202f700,00 €/) }));
  });

  it('reads an ODS bordereau', async () => {
    const bytes = await ods([['BORDEREAU DES PRIX UNITAIRES'], ['Désignation', 'Unité', 'Prix unitaire HT'], ['Fourniture de bordures', 'ml', '']]);
    const report = await check([{ name: 'bpu.ods', bytes }], {});
    expect(report.documents[0]!.type).toBe('BPU');
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PRICE_DOCUMENT_INCOMPLETE' }));
  });

  it('respects the formats listed by the RC', async () => {
    const report = await check([{ name: 'memoire.docx', bytes: await docx(LINES.memoire()) }], { requirements: { acceptedFormats: ['pdf'] } });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'FILE_FORMAT_NOT_ACCEPTED', severity: 'REGULARISABLE', message: expect.stringContaining('DOCX') }));
  });
});
