import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pageTables, type PlacedText, TABLE_LIMITS } from '../../../src/bidcheck/extract/pdfTables';
import { readPdfText } from '../../../src/bidcheck/extract/pdfText';
import { fr, type PriceColumn, pricePdf } from '../../fixtures/pricePdf';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');
const rowsOf = async (bytes: Buffer) => (await readPdfText(bytes)).rows?.map((row) => row.map(nbsp));

const DPGF_COLUMNS: PriceColumn[] = [
  { label: ['N°'], width: 30, align: 'left' },
  { label: ['Désignation des ouvrages'], width: 220, align: 'left' },
  { label: ['U'], width: 25, align: 'center' },
  { label: ['Quantité'], width: 50, align: 'right' },
  { label: ['Prix unitaire', 'HT (€)'], width: 70, align: 'right' },
  { label: ['Montant HT', '(€)'], width: 80, align: 'right' },
];

describe('price tables rebuilt from PDF text positions', () => {
  it('reads a DPGF cell by cell although its text glues the cells', async () => {
    const bytes = await pricePdf({
      title: ['DECOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', 'Lot n° 3 - Peinture'],
      columns: DPGF_COLUMNS,
      rows: [
        ['1', 'Préparation des supports', '', '', '', ''],
        ['1.1', ['Lessivage des murs et plafonds', 'y compris rebouchage'], 'm²', fr(1200.5, 1), fr(2.8), fr(3361.4)],
        ['1.2', 'Enduit de lissage', 'm²', fr(850, 0), fr(9.5), fr(8075)],
        ['', 'Sous-total 1', '', '', '', fr(11436.4)],
        ['', 'Total HT', '', '', '', fr(11436.4)],
        ['', 'TVA 20 %', '', '', '', fr(2287.28)],
        ['', 'Total TTC', '', '', '', fr(13723.68)],
      ],
      footer: ['Fait à Nîmes, le 12 novembre 2026', 'Cachet et signature du candidat'],
      grid: true,
    });
    const text = await readPdfText(bytes);
    // What the text gives: one run of numbers per row, the columns lost.
    expect(nbsp(text.pages[0]!)).toContain('m² 1 200,5 2,80 3 361,40');
    expect(text.rows?.map((row) => row.map(nbsp))).toEqual([
      ['N°', 'Désignation des ouvrages', 'U', 'Quantité', 'Prix unitaire HT (€)', 'Montant HT (€)'],
      ['1', 'Préparation des supports', '', '', '', ''],
      ['1.1', 'Lessivage des murs et plafonds', 'm²', '1 200,5', '2,80', '3 361,40'],
      ['', 'y compris rebouchage', '', '', '', ''],
      ['1.2', 'Enduit de lissage', 'm²', '850', '9,50', '8 075,00'],
      ['', 'Sous-total 1', '', '', '', '11 436,40'],
      ['', 'Total HT', '', '', '', '11 436,40'],
      ['', 'TVA 20 %', '', '', '', '2 287,28'],
      ['', 'Total TTC', '', '', '', '13 723,68'],
    ]);
  });

  it('reads a DQE in another font, with narrow numeric columns, dot grouping and numbers at the bottom of tall rows', async () => {
    const rows = await rowsOf(
      await pricePdf({
        title: ['DETAIL QUANTITATIF ESTIMATIF'],
        font: StandardFonts.TimesRoman,
        size: 9,
        left: 50,
        valign: 'bottom',
        columns: [
          { label: ['Libellé'], width: 250, align: 'left' },
          { label: ['Unité'], width: 34, align: 'center' },
          { label: ['Qté'], width: 40, align: 'right' },
          { label: ['P.U. HT'], width: 60, align: 'right' },
          { label: ['Total HT'], width: 75, align: 'right' },
        ],
        rows: [
          [['Fourniture et pose de bordures T2', 'en béton, y compris fondation'], 'ml', '420', '38,50 €', '16.170,00 €'],
          ['Enrobé BB 0/10 ép. 6 cm', 't', '96,5', '112,00 €', '10.808,00 €'],
        ],
      }),
    );
    expect(rows).toEqual([
      ['Libellé', 'Unité', 'Qté', 'P.U. HT', 'Total HT'],
      ['Fourniture et pose de bordures T2', '', '', '', ''],
      ['en béton, y compris fondation', 'ml', '420', '38,50 €', '16.170,00 €'],
      ['Enrobé BB 0/10 ép. 6 cm', 't', '96,5', '112,00 €', '10.808,00 €'],
    ]);
  });

  it('reads a BPU without quantities, with a column of prices in words', async () => {
    const rows = await rowsOf(
      await pricePdf({
        title: ['BORDEREAU DES PRIX UNITAIRES'],
        columns: [
          { label: ['Prix n°'], width: 40, align: 'center' },
          { label: ['Désignation'], width: 200, align: 'left' },
          { label: ['Unité'], width: 35, align: 'center' },
          { label: ['Prix en lettres'], width: 160, align: 'left' },
          { label: ['Prix unitaire', 'en chiffres (€ HT)'], width: 80, align: 'right' },
        ],
        rows: [
          ['P1', 'Curage de fossé', 'ml', 'quatre euros vingt', fr(4.2)],
          ['P2', 'Fauchage mécanique', 'ha', 'cent dix euros', fr(110)],
          ['P3', 'Évacuation des déchets verts', 't', 'trente-cinq euros', fr(35)],
        ],
      }),
    );
    expect(rows?.[0]).toEqual(['Prix n°', 'Désignation', 'Unité', 'Prix en lettres', 'Prix unitaire en chiffres (€ HT)']);
    expect(rows?.[2]).toEqual(['P2', 'Fauchage mécanique', 'ha', 'cent dix euros', '110,00']);
  });

  it('follows a table onto the next page when the header is not repeated', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => [`${i + 1}`, `Ouvrage élémentaire ${i + 1}`, 'u', `${i + 2}`, fr(10), fr(10 * (i + 2))]);
    const once = await rowsOf(await pricePdf({ columns: DPGF_COLUMNS, rows: lines, rowsPerPage: 18, headerOnce: true }));
    expect(once).toHaveLength(31);
    expect(once?.[30]).toEqual(['30', 'Ouvrage élémentaire 30', 'u', '31', '10,00', '310,00']);
    const repeated = await rowsOf(await pricePdf({ columns: DPGF_COLUMNS, rows: lines, rowsPerPage: 18 }));
    expect(repeated?.filter((row) => row[1] === 'Désignation des ouvrages')).toHaveLength(2);
    expect(repeated).toHaveLength(32);
  });

  it('gives no rows when the lines are plain text under a header (no columns to rebuild)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    ['Désignation Unité Quantité Prix unitaire Montant', '1.1 Lessivage m² 1 200 2,80 3 361,40', '1.2 Enduit m² 850 9,50 8 705,00', 'Total HT 12 066,40'].forEach((line, i) => page.drawText(line, { x: 40, y: 780 - i * 14, size: 9, font }));
    expect((await readPdfText(Buffer.from(await doc.save()))).rows).toBeUndefined();
  });

  it('gives no rows for a letter that talks about prices', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    ['Madame, Monsieur,', 'Le prix unitaire et le montant total de notre offre figurent dans le DQE joint.', 'Quantité estimée : 1 200 m².'].forEach((line, i) => page.drawText(line, { x: 40, y: 780 - i * 14, size: 10, font }));
    expect((await readPdfText(Buffer.from(await doc.save()))).rows).toBeUndefined();
  });
});

describe('reliability of a rebuilt table', () => {
  const run = (text: string, x: number, y: number, width = text.length * 4.5): PlacedText => ({ text, x, y, width, size: 9 });
  const header = [run('Désignation', 40, 700, 50), run('Quantité', 250, 700, 36), run('Prix unitaire', 310, 700, 52), run('Montant', 400, 700, 34)];

  const row = (y: number, designation: string, quantity: string, price: string, amount: string, amountX = 410) => [run(designation, 40, y), run(quantity, 276, y, 10), run(price, 340, y, 22), run(amount, amountX, y, 34)];
  const good = [...header, ...row(685, 'Dalle béton', '12', '85,00', '1 020,00'), ...row(670, 'Chape', '20', '30,00', '600,00'), ...row(655, 'Ragréage', '20', '8,00', '160,00')];

  it('keeps a table whose numbers stay in their columns', () => {
    expect(pageTables(good).rows).toEqual([
      ['Désignation', 'Quantité', 'Prix unitaire', 'Montant'],
      ['Dalle béton', '12', '85,00', '1 020,00'],
      ['Chape', '20', '30,00', '600,00'],
      ['Ragréage', '20', '8,00', '160,00'],
    ]);
  });

  it('reads left-aligned headers over right-aligned numbers that end just before the next header', () => {
    // Word tables: "Quantité" starts its cell, the quantities end 6 pt before "Prix unitaire" starts.
    const left = [run('Désignation', 40, 700, 50), run('Quantité', 318, 700, 30), run('Prix unitaire HT', 372, 700, 55), run('Montant HT', 442, 700, 42)];
    const line = (y: number, name: string, q: string, pu: string, amount: string) => [run(name, 40, y, 160), run(q, 366 - q.length * 4.5, y), run(pu, 436 - pu.length * 4.5, y), run(amount, 516 - amount.length * 4.5, y)];
    expect(pageTables([...left, ...line(685, 'Ouvrage élémentaire 1', '3', '10,00', '30,00'), ...line(673, 'Ouvrage élémentaire 2', '14', '11,00', '154,00')]).rows?.slice(1)).toEqual([
      ['Ouvrage élémentaire 1', '3', '10,00', '30,00'],
      ['Ouvrage élémentaire 2', '14', '11,00', '154,00'],
    ]);
  });

  it('drops a table where numbers straddle the columns', () => {
    // Amounts that start where another row's unit price ends: no boundary leaves every number whole.
    const shifted = [...header, ...row(685, 'Dalle béton', '12', '85,00', '1 020,00', 372), run('Chape', 40, 670), run('20', 276, 670, 10), run('30,00', 355, 670, 30), run('600,00', 420, 670, 24), ...row(655, 'Ragréage', '20', '8,00', '160,00', 372)];
    expect(pageTables(shifted).rows).toEqual([]);
    // Amounts consistently left of the "Montant" header are still a column of their own.
    expect(pageTables([...header, ...row(685, 'Dalle béton', '12', '85,00', '1 020,00', 372), ...row(670, 'Chape', '20', '30,00', '600,00', 372)]).rows?.[2]).toEqual(['Chape', '20', '30,00', '600,00']);
    // Two cells in one run ("85,00 1 020,00") read as no number either.
    const glued = [...header, run('Dalle béton', 40, 685), run('12', 276, 685, 10), run('85,00 1 020,00', 330, 685, 90), run('Chape', 40, 670), run('20', 276, 670, 10), run('30,00 600,00', 335, 670, 80)];
    expect(pageTables(glued).rows).toEqual([]);
  });

  it('drops a table whose numeric cells do not read as numbers', () => {
    const items = [...header, ...row(685, 'Dalle béton', '12', '85,00', '1 0200,0'), ...row(670, 'Chape', '20', '30,00', '6OO,OO'), ...row(655, 'Ragréage', '20', '8,00', '160,00'), ...row(640, 'Plinthes', '40', '4,00', '160,00')];
    expect(pageTables(items).rows).toEqual([]);
  });

  it('does not read a page with more runs than the limit', () => {
    expect(pageTables(good).rows).toHaveLength(4);
    const dots = Array.from({ length: TABLE_LIMITS.maxRunsPerPage }, (_, i) => run('.', 40 + (i % 100) * 5, 300 - Math.floor(i / 100) * 3, 2));
    expect(pageTables([...good, ...dots]).rows).toEqual([]);
  });
});
