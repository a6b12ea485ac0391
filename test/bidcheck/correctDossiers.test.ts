import type { CheckReport } from '../../src/bidcheck/checkDossier';
import type { InputFile } from '../../src/bidcheck/intake/readDossier';
import type { BidContext } from '../../src/bidcheck/types';
import { attri1, bankRib, type BoxStyle, company, dc1, dc2, dc4, dume, insurerAttestation, kbis, memoire, render, urssafAttestation } from '../fixtures/officialForms';
import { check } from './support';

/**
 * Correct dossiers built from the official forms' wording (every option printed, only the right ones
 * ticked; Word checkboxes, typed brackets, or drawn boxes that extract as nothing), DUME exports and
 * insurers', URSSAF's and banks' layouts, for several trades and procedures. None may get a blocking
 * finding; the same dossiers with one planted defect must still get it.
 */
const MACON = company('BATI-GARD', '55208131', 'Nîmes', 'FR76 3000 6000 0112 3456 7890 189', 'DUPONT Marie');
const ELEC = company('ELEC-SUD', '41233587', 'Alès', 'FR76 1660 7000 0108 8213 7801 046', 'ROUX Karim');
const NETTOYAGE = company('PROPRETE CEVENOLE', '80144276', 'Uzès', 'FR14 2004 1010 0505 0001 3M02 606', 'FABRE Lucie');
const PLOMBIER = company('SANIT30', '73282932', 'Nîmes', 'FR76 1027 8089 4600 0204 8790 182', 'GARCIA Paul');
const PAPETERIE = company('BUREAU VALLEE DU GARD', '50312870', 'Bagnols-sur-Cèze', 'FR76 3000 4008 2800 0101 3247 694', 'MARTIN Jeanne');

const AXA = { name: 'AXA France IARD', rcs: '722057460', city: 'Nanterre' };
const MMA = { name: 'MMA IARD Assurances Mutuelles', rcs: '775652126', city: 'Le Mans' };

const BUYER = 'Nîmes Métropole, 3 rue du Colisée, 30947 Nîmes Cedex 9';
const TURNOVER: [string, string, string] = ['412 000', '455 500', '498 200'];

const deposit = (nature: BidContext['nature'], procedure: BidContext['procedure'], extra: Partial<NonNullable<BidContext['requirements']>> = {}): BidContext => ({
  deadline: '2026-12-01T12:00:00+01:00',
  stage: 'DEPOT',
  procedure,
  nature,
  estimatedValue: 180000,
  requirements: { documents: ['URSSAF_VIGILANCE', 'INSURANCE_RC', 'MEMOIRE_TECHNIQUE'], minTurnover: 100000, ...extra },
});

async function files(entries: [string, string[], BoxStyle][]): Promise<InputFile[]> {
  return Promise.all(entries.map(([name, lines, style]) => render(name, lines, style)));
}

const basics = (holder: typeof MACON, style: BoxStyle, trade: string, extraMemoire: string[] = []): [string, string[], BoxStyle][] => [
  ['Kbis.pdf', kbis(holder, '6 novembre 2026'), 'brackets'],
  ['attestation-vigilance.pdf', urssafAttestation(holder, '02/10/2026'), 'brackets'],
  ['RC Pro.pdf', insurerAttestation(holder, AXA, '01/01/2026', '31/12/2026'), 'brackets'],
  ['DC2.pdf', dc2(holder, TURNOVER, style), style],
  ['memoire technique.pdf', memoire(trade, extraMemoire), 'brackets'],
  ['RIB.pdf', bankRib(holder), 'brackets'],
];

interface Dossier {
  files: () => Promise<InputFile[]>;
  context: BidContext;
}

const DOSSIERS: Record<string, Dossier> = {
  'maçonnerie, MAPA, DC1 with typed brackets, lot 2 of 3': {
    context: deposit('TRAVAUX', 'MAPA'),
    files: () => files([
      ...basics(MACON, 'brackets', 'maçonnerie'),
      ['DC1.pdf', dc1(MACON, { buyer: BUYER, object: 'Réhabilitation du groupe scolaire Jean Jaurès', scope: [2], consultationLots: ['Lot 1 : gros œuvre', 'Lot 2 : maçonnerie', 'Lot 3 : peinture'] }, 'brackets'), 'brackets'],
      ['decennale.pdf', insurerAttestation(MACON, MMA, '01/01/2026', '31/12/2026', true), 'brackets'],
    ]),
  },
  'électricité, appel d’offres, Word forms with ☒/☐, variantes forbidden, offre de base ticked': {
    context: deposit('TRAVAUX', 'FORMALISEE', { variantsAllowed: false }),
    files: () => files([
      ...basics(ELEC, 'glyph', 'électricité'),
      ['DC1.pdf', dc1(ELEC, { buyer: BUYER, object: 'Mise en conformité électrique des gymnases', scope: [3] }, 'glyph'), 'glyph'],
      ['ATTRI1.pdf', attri1(ELEC, { buyer: BUYER, object: 'Mise en conformité électrique des gymnases', lot: 3, amountHt: '86 400,00', signatory: 'ROUX Karim, gérant' }, 'glyph'), 'glyph'],
    ]),
  },
  'nettoyage, services, DUME answering "Non" to sous-traitance, ATTRI1 with drawn boxes': {
    context: deposit('SERVICES', 'MAPA', { variantsAllowed: false }),
    files: () => files([
      ...basics(NETTOYAGE, 'drawn', 'nettoyage de locaux').filter(([name]) => name !== 'DC2.pdf'),
      ['DUME.pdf', dume(NETTOYAGE, { buyer: BUYER, object: 'Nettoyage des locaux administratifs', subcontracting: 'Non', turnover: '640 000' }), 'drawn'],
      ['ATTRI1.pdf', attri1(NETTOYAGE, { buyer: BUYER, object: 'Nettoyage des locaux administratifs', amountHt: '52 300,00', signatory: 'FABRE Lucie, présidente' }, 'drawn'), 'drawn'],
    ]),
  },
  'plâtrerie, MAPA, DC1 with drawn boxes, lot written in its field': {
    context: deposit('TRAVAUX', 'MAPA'),
    files: () => files([
      ...basics(MACON, 'drawn', 'plâtrerie', ['Nos équipes réaliseront l’ensemble des prestations, sans recours à la sous-traitance.']),
      ['DC1.pdf', dc1(MACON, { buyer: BUYER, object: 'Cloisons et faux plafonds de la médiathèque', scope: [4] }, 'drawn'), 'drawn'],
      ['decennale.pdf', insurerAttestation(MACON, AXA, '01/01/2026', '31/12/2026', true), 'drawn'],
    ]),
  },
  'maçonnerie with a declared sous-traitant and its complete DC4': {
    context: deposit('TRAVAUX', 'MAPA'),
    files: () => files([
      ...basics(MACON, 'brackets', 'maçonnerie', ['Le lot plomberie sera confié en sous-traitance à SANIT30, dont la déclaration DC4 est jointe.']),
      ['DC1.pdf', dc1(MACON, { buyer: BUYER, object: 'Extension de la maison de santé', scope: 'single' }, 'brackets'), 'brackets'],
      ['DC4 SANIT30.pdf', dc4(MACON, PLOMBIER, { buyer: BUYER, object: 'Extension de la maison de santé', nature: 'plomberie sanitaire', amountHt: '18 400,00', amountTtc: '22 080,00' }, 'brackets'), 'brackets'],
      ['Kbis SANIT30.pdf', kbis(PLOMBIER, '2 novembre 2026'), 'brackets'],
      ['decennale.pdf', insurerAttestation(MACON, MMA, '01/01/2026', '31/12/2026', true), 'brackets'],
    ]),
  },
  'groupement solidaire of two companies, one DC2 each, Word forms': {
    context: deposit('TRAVAUX', 'MAPA'),
    files: () => files([
      ...basics(MACON, 'glyph', 'gros œuvre'),
      ['DC2 ELEC-SUD.pdf', dc2(ELEC, TURNOVER, 'glyph'), 'glyph'],
      ['DC1 groupement.pdf', dc1(MACON, { buyer: BUYER, object: 'Construction d’un centre technique municipal', scope: [1], members: [MACON, ELEC], groupementType: 'solidaire' }, 'glyph'), 'glyph'],
      ['Kbis ELEC-SUD.pdf', kbis(ELEC, '3 novembre 2026'), 'brackets'],
      ['decennale.pdf', insurerAttestation(MACON, AXA, '01/01/2026', '31/12/2026', true), 'brackets'],
    ]),
  },
  'fournitures de bureau, MAPA, no lots, DC1 ticked "pour le marché public"': {
    context: deposit('FOURNITURES', 'MAPA'),
    files: () => files([
      ...basics(PAPETERIE, 'brackets', 'fournitures de bureau'),
      ['DC1.pdf', dc1(PAPETERIE, { buyer: 'Commune de Bagnols-sur-Cèze, place Mallet, 30200 Bagnols-sur-Cèze', object: 'Fourniture de papier et consommables', scope: 'single' }, 'brackets'), 'brackets'],
    ]),
  },
  'nettoyage, all lots ticked on a Word DC1, DUME-free, insurer MMA': {
    context: deposit('SERVICES', 'MAPA'),
    files: () => files([
      ...basics(NETTOYAGE, 'glyph', 'nettoyage').map(([name, lines, style]): [string, string[], BoxStyle] => (name === 'RC Pro.pdf' ? [name, insurerAttestation(NETTOYAGE, MMA, '01/03/2026', '28/02/2027'), style] : [name, lines, style])),
      ['DC1.docx', dc1(NETTOYAGE, { buyer: BUYER, object: 'Nettoyage des écoles (3 lots)', scope: 'all', consultationLots: ['Lot 1 : écoles maternelles', 'Lot 2 : écoles élémentaires', 'Lot 3 : restaurants scolaires'] }, 'glyph'), 'glyph'],
    ]),
  },
};

const blocking = (report: CheckReport) => report.findings.filter((finding) => finding.severity !== 'ADVICE');

describe('correct dossiers built from the official forms', () => {
  it.each(Object.keys(DOSSIERS))('%s: no eliminatory or regularisable finding', async (title) => {
    const dossier = DOSSIERS[title]!;
    const report = await check(await dossier.files(), dossier.context);
    expect(blocking(report)).toEqual([]);
  });
});

const findingOf = (report: CheckReport, rule: string) => report.findings.find((finding) => finding.rule === rule);
const swap = (list: InputFile[], name: string, file: InputFile) => list.map((entry) => (entry.name === name || entry.name === name.replace(/\.pdf$/, '.docx') ? file : entry));

describe('the same dossiers with one planted defect', () => {
  it('a really ticked variante while the RC forbids them is eliminatory', async () => {
    const dossier = DOSSIERS['électricité, appel d’offres, Word forms with ☒/☐, variantes forbidden, offre de base ticked']!;
    const ae = await render('ATTRI1.pdf', attri1(ELEC, { buyer: BUYER, object: 'Mise en conformité électrique des gymnases', lot: 3, variante: 'éclairage LED avec gestion centralisée', amountHt: '91 200,00', signatory: 'ROUX Karim, gérant' }, 'glyph'), 'glyph');
    const report = await check(swap(await dossier.files(), 'ATTRI1.pdf', ae), dossier.context);
    expect(findingOf(report, 'VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE')).toMatchObject({ severity: 'ELIMINATORY', file: 'ATTRI1.docx' });
    expect(blocking(report).map((finding) => finding.rule)).toEqual(['VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE']);
  });

  it('a variante written in the field of a drawn-box ATTRI1 is eliminatory too', async () => {
    const dossier = DOSSIERS['nettoyage, services, DUME answering "Non" to sous-traitance, ATTRI1 with drawn boxes']!;
    const ae = await render('ATTRI1.pdf', attri1(NETTOYAGE, { buyer: BUYER, object: 'Nettoyage des locaux administratifs', variante: 'produits écolabellisés et passage de nuit', amountHt: '55 900,00', signatory: 'FABRE Lucie, présidente' }, 'drawn'), 'drawn');
    const report = await check(swap(await dossier.files(), 'ATTRI1.pdf', ae), dossier.context);
    expect(findingOf(report, 'VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE')).toMatchObject({ severity: 'ELIMINATORY' });
  });

  it('sous-traitance declared in the mémoire without a DC4 is regularisable', async () => {
    const dossier = DOSSIERS['maçonnerie, MAPA, DC1 with typed brackets, lot 2 of 3']!;
    const note = await render('memoire technique.pdf', memoire('maçonnerie', ['Les enduits seront sous-traités à la société FACADES 30.']), 'brackets');
    const report = await check(swap(await dossier.files(), 'memoire technique.pdf', note), dossier.context);
    expect(findingOf(report, 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE')).toMatchObject({ severity: 'REGULARISABLE', file: 'memoire technique.pdf' });
    expect(blocking(report).map((finding) => finding.rule)).toEqual(['SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE']);
  });

  it('a DUME answering "Oui" to sous-traitance without a DC4 is regularisable', async () => {
    const dossier = DOSSIERS['nettoyage, services, DUME answering "Non" to sous-traitance, ATTRI1 with drawn boxes']!;
    const declared = await render('DUME.pdf', dume(NETTOYAGE, { buyer: BUYER, object: 'Nettoyage des locaux administratifs', subcontracting: 'Oui', turnover: '640 000' }), 'drawn');
    const report = await check(swap(await dossier.files(), 'DUME.pdf', declared), dossier.context);
    expect(findingOf(report, 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE')).toMatchObject({ severity: 'REGULARISABLE', file: 'DUME.pdf' });
  });

  it('a DC4 whose amount is left as dots is regularisable', async () => {
    const dossier = DOSSIERS['maçonnerie with a declared sous-traitant and its complete DC4']!;
    const blank = await render('DC4 SANIT30.pdf', dc4(MACON, PLOMBIER, { buyer: BUYER, object: 'Extension de la maison de santé', nature: 'plomberie sanitaire' }, 'brackets'), 'brackets');
    const report = await check(swap(await dossier.files(), 'DC4 SANIT30.pdf', blank), dossier.context);
    expect(findingOf(report, 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE')).toMatchObject({ severity: 'REGULARISABLE', file: 'DC4 SANIT30.pdf' });
    expect(findingOf(report, 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE')!.message).toContain('montant');
  });

  it('a RIB whose key alone is wrong gets its own advice', async () => {
    const dossier = DOSSIERS['fournitures de bureau, MAPA, no lots, DC1 ticked "pour le marché public"']!;
    // BBAN 30004 00828 00010132476 95 (key should be 94), IBAN check digits recomputed over it.
    const rib = await render('RIB.pdf', bankRib(PAPETERIE, 'FR49 3000 4008 2800 0101 3247 695'), 'brackets');
    const report = await check(swap(await dossier.files(), 'RIB.pdf', rib), dossier.context);
    const finding = findingOf(report, 'IBAN_INVALID_CHECKSUM');
    expect(finding).toMatchObject({ severity: 'ADVICE', file: 'RIB.pdf' });
    expect(finding!.message).toContain('clé RIB');
    expect(blocking(report)).toEqual([]);
  });

  it('a groupement ticked without its type is regularisable', async () => {
    const dossier = DOSSIERS['groupement solidaire of two companies, one DC2 each, Word forms']!;
    const untyped = await render('DC1 groupement.pdf', dc1(MACON, { buyer: BUYER, object: 'Construction d’un centre technique municipal', scope: [1], members: [MACON, ELEC] }, 'glyph'), 'glyph');
    const report = await check(swap(await dossier.files(), 'DC1 groupement.pdf', untyped), dossier.context);
    expect(findingOf(report, 'GROUPEMENT_INCOMPLETE')).toMatchObject({ severity: 'REGULARISABLE' });
  });

  it('an attestation in another company’s name still shows', async () => {
    const dossier = DOSSIERS['fournitures de bureau, MAPA, no lots, DC1 ticked "pour le marché public"']!;
    const other = await render('attestation-vigilance.pdf', urssafAttestation(ELEC, '02/10/2026'), 'brackets');
    const report = await check(swap(await dossier.files(), 'attestation-vigilance.pdf', other), dossier.context);
    expect(findingOf(report, 'SIRET_MISMATCH_ACROSS_DOCUMENTS')).toMatchObject({ severity: 'REGULARISABLE', file: 'attestation-vigilance.pdf' });
  });
});

describe('what the text cannot decide is advice at most, saying what to check', () => {
  it('an ambiguous mention of variante, variantes forbidden', async () => {
    const dossier = DOSSIERS['électricité, appel d’offres, Word forms with ☒/☐, variantes forbidden, offre de base ticked']!;
    const note = await render('memoire technique.pdf', memoire('électricité', ['Les variantes de luminaires seront soumises à la validation du maître d’œuvre.']), 'brackets');
    const report = await check(swap(await dossier.files(), 'memoire technique.pdf', note), dossier.context);
    expect(findingOf(report, 'VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE')).toMatchObject({ severity: 'ADVICE', message: expect.stringContaining('vérifiez quelle case est cochée') });
    expect(blocking(report)).toEqual([]);
  });

  it('a drawn-box DC1 listing two companies', async () => {
    const dossier = DOSSIERS['plâtrerie, MAPA, DC1 with drawn boxes, lot written in its field']!;
    const drawn = await render('DC1.pdf', dc1(MACON, { buyer: BUYER, object: 'Cloisons et faux plafonds de la médiathèque', scope: [4], members: [MACON, ELEC], groupementType: 'conjoint' }, 'drawn'), 'drawn');
    const report = await check(swap(await dossier.files(), 'DC1.pdf', drawn), dossier.context);
    expect(findingOf(report, 'GROUPEMENT_INCOMPLETE')).toMatchObject({ severity: 'ADVICE', message: expect.stringContaining('je ne peux pas lire les cases de la rubrique D') });
    expect(blocking(report)).toEqual([]);
  });

  it('a sous-traitance mentioned without saying whether it is used', async () => {
    const dossier = DOSSIERS['fournitures de bureau, MAPA, no lots, DC1 ticked "pour le marché public"']!;
    const note = await render('memoire technique.pdf', memoire('fournitures', ['Nos sous-traitants habituels sont tous certifiés ISO 14001.']), 'brackets');
    const report = await check(swap(await dossier.files(), 'memoire technique.pdf', note), dossier.context);
    expect(findingOf(report, 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE')).toMatchObject({ severity: 'ADVICE', message: expect.stringContaining('joignez un DC4') });
    expect(blocking(report)).toEqual([]);
  });
});
