import { PDFDocument, StandardFonts } from 'pdf-lib';
import { LINES, pdf } from '../fixtures/documents';
import { xlsx } from '../fixtures/office';
import { fr, type PriceColumn, pricePdf } from '../fixtures/pricePdf';
import { check } from './support';

const PRICE_RULES = ['PRICE_INCONSISTENCY', 'PRICE_DOCUMENT_INCOMPLETE'];
const priceFindings = async (files: { name: string; bytes: Buffer }[]) => (await check(files)).findings.filter((finding) => PRICE_RULES.includes(finding.rule));
/** Messages print amounts with narrow no-break spaces: tests write plain ones. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const DPGF_COLUMNS: PriceColumn[] = [
  { label: ['N°'], width: 28, align: 'left' },
  { label: ['Désignation des ouvrages'], width: 230, align: 'left' },
  { label: ['U'], width: 24, align: 'center' },
  { label: ['Quantité'], width: 50, align: 'right' },
  { label: ['Prix unitaire', 'HT (€)'], width: 68, align: 'right' },
  { label: ['Montant total HT', '(€)'], width: 82, align: 'right' },
];

type Line = [string, string | string[], string, number, number, number?];

/** A DPGF of lines (ref, designation, unit, quantity, unit price, amount written if not q × pu), with its totals. */
function dpgfRows(lines: Line[], options: { vat?: number; ttc?: number } = {}): (string | string[])[][] {
  const amounts = lines.map(([, , , quantity, price, written]) => written ?? Math.round(quantity * price * 100) / 100);
  const ht = Math.round(amounts.reduce((sum, amount) => sum + amount, 0) * 100) / 100;
  const vat = options.vat ?? Math.round(ht * 20) / 100;
  return [
    ...lines.map(([ref, designation, unit, quantity, price], index) => [ref, designation, unit, fr(quantity, Number.isInteger(quantity) ? 0 : 2), fr(price), fr(amounts[index]!)]),
    ['', 'Total HT', '', '', '', fr(ht)],
    ['', 'TVA 20 %', '', '', '', fr(vat)],
    ['', 'Total TTC', '', '', '', fr(options.ttc ?? Math.round((ht + vat) * 100) / 100)],
  ];
}

// Lines summing to 31 472,05 € HT, the first one 1 654,59 €: the DPGF of the false alarm once seen.
const PEINTURE: Line[] = [
  ['1.1', 'Protection des sols et des menuiseries', 'ens', 1, 1654.59],
  ['1.2', ['Lessivage et rebouchage des murs,', 'y compris ponçage'], 'm²', 1180, 3.6],
  ['1.3', 'Impression et deux couches de peinture acrylique velours', 'm²', 1180, 14.25],
  ['1.4', 'Peinture glycéro des boiseries', 'ml', 412.5, 9.8],
  ['1.5', 'Laque sur portes', 'u', 38, 58.5],
  ['1.6', 'Nettoyage de fin de chantier', 'ens', 1, 2488.96],
];

const dpgf = (rows: (string | string[])[][], extra: Partial<Parameters<typeof pricePdf>[0]> = {}) =>
  pricePdf({ title: ['DECOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', 'Lot n° 2 - Peinture'], columns: DPGF_COLUMNS, rows, footer: ['Fait à Nîmes, le 12 novembre 2026', 'Signature et cachet du candidat'], grid: true, ...extra });

describe('price arithmetic on correct price files: no finding', () => {
  it('a DPGF whose text glues cells and totals, read cell by cell', async () => {
    const rows = dpgfRows(PEINTURE);
    expect(rows.at(-3)![5]).toBe(fr(31472.05));
    expect(await priceFindings([{ name: 'DPGF lot 2.pdf', bytes: await dpgf(rows) }])).toEqual([]);
  });

  it('a DQE in Times with dot grouping, a BPU and an XLSX DQE with chapters and sub-totals', async () => {
    const dqe = await pricePdf({
      title: ['DETAIL QUANTITATIF ESTIMATIF', 'Travaux de voirie'],
      font: StandardFonts.TimesRoman,
      size: 9,
      valign: 'bottom',
      columns: [
        { label: ['Libellé'], width: 250, align: 'left' },
        { label: ['Unité'], width: 34, align: 'center' },
        { label: ['Qté'], width: 40, align: 'right' },
        { label: ['P.U. HT'], width: 60, align: 'right' },
        { label: ['Total HT'], width: 80, align: 'right' },
      ],
      rows: [
        [['Fourniture et pose de bordures T2', 'en béton, y compris fondation'], 'ml', '420', '38,50 €', '16.170,00 €'],
        ['Enrobé BB 0/10 ép. 6 cm', 't', '96,5', '112,00 €', '10.808,00 €'],
        ['Total HT', '', '', '', '26.978,00 €'],
        ['TVA (20 %)', '', '', '', '5.395,60 €'],
        ['Total TTC', '', '', '', '32.373,60 €'],
      ],
    });
    const bpu = await pricePdf({
      title: ['BORDEREAU DES PRIX UNITAIRES'],
      columns: [
        { label: ['Prix n°'], width: 40, align: 'center' },
        { label: ['Désignation'], width: 220, align: 'left' },
        { label: ['Unité'], width: 40, align: 'center' },
        { label: ['Prix unitaire', 'HT en chiffres'], width: 90, align: 'right' },
      ],
      rows: [
        ['P1', 'Curage de fossé', 'ml', fr(4.2)],
        ['P2', 'Fauchage mécanique', 'ha', fr(110)],
      ],
    });
    const sheet = await xlsx([
      ['DETAIL QUANTITATIF ESTIMATIF - Lot 4 Plomberie'],
      ['N°', 'Désignation', 'U', 'Qté', 'PU HT', 'Montant HT'],
      ['4.1', 'Alimentations', null, null, null, null],
      ['4.1.1', 'Tube cuivre 14/16', 'ml', 85, 17.35, 1474.75],
      ['4.1.2', 'Vanne d\'arrêt 1/4 de tour', 'u', 12, 23.4, 280.8],
      ['', 'Sous-total 4.1', null, null, null, 1755.55],
      ['', 'Total HT', null, null, null, 1755.55],
      ['', 'TVA 20 %', null, null, null, 351.11],
      ['', 'Total TTC', null, null, null, 2106.66],
    ]);
    const findings = await priceFindings([
      { name: 'DQE voirie.pdf', bytes: dqe },
      { name: 'BPU.pdf', bytes: bpu },
      { name: 'DQE plomberie.xlsx', bytes: sheet },
    ]);
    expect(findings).toEqual([]);
  });

  it('a unit price shown rounded (12,35 for 12,3456) times a large quantity', async () => {
    const rows = [
      ['1', 'Fourniture de pavés', 'u', fr(1000, 0), '12,35', fr(12345.6)],
      ['2', 'Sable de pose', 't', fr(40, 0), '21,00', fr(840)],
      ['', 'Total HT', '', '', '', fr(13185.6)],
    ];
    expect(await priceFindings([{ name: 'DPGF.pdf', bytes: await dpgf(rows) }])).toEqual([]);
  });

  it('a price file whose table cannot be rebuilt, even with a wrong line and glued totals', async () => {
    // Lines drawn as plain text: the numbers of a row are one run, no column can be told apart. Read
    // from the text, "Montant total HT" is followed by the first line's 1 654,59 € — the false alarm
    // "total HT (1654.59 €) + TVA (6294.41 €) ≠ total TTC (37766.46 €)" once given on such a file.
    const bytes = await pdf([
      'DECOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE',
      'Désignation U Quantité Prix unitaire Montant total HT',
      'Protection des sols ens 1 1 654,59 € 1 654,59 €',
      'Peinture acrylique m² 1180 14,25 € 17 000,00 €',
      'Total HT Lot 1 Total 1 654,59 € 31 472,05 €',
      'TVA 20 % 6 294,41 €',
      'Total TTC 37 766,46 €',
    ]);
    expect(await priceFindings([{ name: 'DPGF.pdf', bytes }])).toEqual([]);
  });

  it('an acte d\'engagement for the DPGF\'s total', async () => {
    const findings = await priceFindings([
      { name: 'DPGF lot 2.pdf', bytes: await dpgf(dpgfRows(PEINTURE)) },
      { name: 'AE.pdf', bytes: await pdf(LINES.ae('31 472,05')) },
    ]);
    expect(findings).toEqual([]);
  });
});

describe('price arithmetic on planted errors', () => {
  it('a wrong line in a PDF DPGF, with the numbers of that row', async () => {
    const wrong: Line[] = PEINTURE.map((line) => (line[0] === '1.3' ? ['1.3', line[1], line[2], line[3], line[4], 17000] : line));
    const [finding, ...others] = await priceFindings([{ name: 'DPGF lot 2.pdf', bytes: await dpgf(dpgfRows(wrong)) }]);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ rule: 'PRICE_INCONSISTENCY', severity: 'REGULARISABLE' });
    expect(plain(finding!.message)).toBe('Dans « DPGF lot 2.pdf », à la ligne « Impression et deux couches de peinture acrylique velours », 1 180 × 14,25 € font 16 815,00 €, mais le montant indiqué est 17 000,00 €.');
  });

  it('two wrong lines, counted in the plural, the first one shown', async () => {
    const wrong: Line[] = PEINTURE.map((line) => (line[0] === '1.2' ? ['1.2', line[1], line[2], line[3], line[4], 4428] : line[0] === '1.5' ? ['1.5', line[1], line[2], line[3], line[4], 2233] : line));
    const findings = await priceFindings([{ name: 'DPGF.pdf', bytes: await dpgf(dpgfRows(wrong), { font: StandardFonts.Courier, size: 7 }) }]);
    expect(findings).toHaveLength(1);
    expect(plain(findings[0]!.message)).toBe('Dans « DPGF.pdf », 2 lignes ont un montant différent de quantité × prix unitaire, par exemple « Lessivage et rebouchage des murs, » : 1 180 × 3,60 € font 4 248,00 €, mais le montant indiqué est 4 428,00 €.');
  });

  it('a wrong total TTC in a rebuilt table, with the three totals of the table', async () => {
    const findings = await priceFindings([{ name: 'DPGF.pdf', bytes: await dpgf(dpgfRows(PEINTURE, { ttc: 37676.46 })) }]);
    expect(findings).toHaveLength(1);
    expect(plain(findings[0]!.message)).toBe('Dans « DPGF.pdf », le total HT (31 472,05 €) et la TVA (6 294,41 €) font 37 766,46 €, mais le total TTC indiqué est 37 676,46 €.');
  });

  it('a wrong total TTC on labelled lines of a letter-like offer', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    ['DETAIL QUANTITATIF ESTIMATIF', 'Lot n° 1', 'Montant total HT :', 'Total HT : 48 250,00 €', 'TVA à 20 % : 9 650,00 €', 'Total TTC : 57 950,00 €'].forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 16, size: 10, font }));
    const findings = await priceFindings([{ name: 'DQE.pdf', bytes: Buffer.from(await doc.save()) }]);
    expect(findings.map((finding) => plain(finding.message))).toEqual(['Dans « DQE.pdf », le total HT (48 250,00 €) et la TVA (9 650,00 €) font 57 900,00 €, mais le total TTC indiqué est 57 950,00 €.']);
  });

  it('a wrong line in an XLSX DQE', async () => {
    const sheet = await xlsx([
      ['DETAIL QUANTITATIF ESTIMATIF'],
      ['Réf.', 'Désignation', 'Unité', 'Quantité', 'Prix unitaire HT', 'Montant HT'],
      ['A', 'Gros œuvre', null, null, null, null],
      ['A.1', 'Béton de propreté', 'm3', 14, 118, 1652],
      ['A.2', 'Semelles filantes BA', 'm3', 22.5, 265, 5692.5],
      ['A.3', 'Longrines', 'ml', 48, 74.9, 3595.2],
      ['', 'Total HT', null, null, null, 10939.7],
    ]);
    const findings = await priceFindings([{ name: 'DQE GO.xlsx', bytes: sheet }]);
    expect(findings.map((finding) => plain(finding.message))).toEqual(['Dans « DQE GO.xlsx », à la ligne « Semelles filantes BA », 22,5 × 265,00 € font 5 962,50 €, mais le montant indiqué est 5 692,50 €.']);
  });

  it('an acte d\'engagement whose amount is not the DPGF\'s total', async () => {
    const findings = await priceFindings([
      { name: 'DPGF lot 2.pdf', bytes: await dpgf(dpgfRows(PEINTURE)) },
      { name: 'AE.pdf', bytes: await pdf(LINES.ae('34 172,05')) },
    ]);
    expect(findings.map((finding) => plain(finding.message))).toEqual(['Le montant de l\'acte d\'engagement « AE.pdf » (34 172,05 € HT) diffère du total HT de « DPGF lot 2.pdf » (31 472,05 € HT).']);
  });

  it('a line of a PDF DQE left without price, headings and wrapped lines not counted', async () => {
    const rows = [
      ['2', 'Menuiseries intérieures', '', '', '', ''],
      ['2.1', ['Bloc-porte isoplane 83 x 204', 'huisserie métallique, serrure bec de cane'], 'u', '14', fr(312), fr(4368)],
      ['2.2', 'Plinthes bois', 'ml', '126', '', ''],
      ['2.3', 'Trappe de visite', 'u', '3', fr(95), fr(285)],
    ];
    const findings = await priceFindings([{ name: 'DQE menuiserie.pdf', bytes: await pricePdf({ title: ['DETAIL QUANTITATIF ESTIMATIF'], columns: DPGF_COLUMNS, rows }) }]);
    expect(findings.map((finding) => [finding.rule, finding.severity, plain(finding.message)])).toEqual([['PRICE_DOCUMENT_INCOMPLETE', 'REGULARISABLE', 'Dans « DQE menuiserie.pdf », la ligne « Plinthes bois » n\'a pas de prix.']]);
  });
});
