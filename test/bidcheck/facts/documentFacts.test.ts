import { documentFacts } from '../../../src/bidcheck/facts/documentFacts';
import type { CheckedFile } from '../../../src/bidcheck/types';

const file = (type: CheckedFile['type'], text: string): CheckedFile => ({
  name: 'x.pdf', size: 1, format: 'pdf', pageTexts: [text], issues: [], signatures: [], hasImages: false, type, confidence: 1,
});

describe('document facts', () => {
  it('reads the signatory of an acte d\'engagement', () => {
    expect(documentFacts(file('ATTRI1', "Nom, prénom et qualité du signataire : DUPONT Marie, gérante")).signatory).toBe('dupont marie');
  });

  it('does not take the next label of an empty form for a signatory', () => {
    expect(documentFacts(file('ATTRI1', 'Nom, prénom et qualité du signataire : ..................\nLieu et date de signature : ........')).signatory).toBeUndefined();
  });

  it('reads a company name after "dénomination sociale", never the label\'s own word', () => {
    expect(documentFacts(file('DC2', 'Nom commercial et dénomination sociale du candidat : GARRIGUES TP SIRET 48291300500017')).companyName).toBe('garrigues tp');
    expect(documentFacts(file('DC1', 'Dénomination sociale\nSIRET : 48291300500017')).companyName).toBeUndefined();
  });

  it('reads the ticked or empty F1 box of a DC1', () => {
    const dc1 = (box: string) => `F1 - Exclusions de la procédure\nAfin d'attester que le candidat n'est pas dans un de ces cas d'exclusion, cocher la case suivante : ${box}`;
    expect(documentFacts(file('DC1', dc1('☒'))).exclusionBoxTicked).toBe(true);
    expect(documentFacts(file('DC1', dc1('[X]'))).exclusionBoxTicked).toBe(true);
    expect(documentFacts(file('DC1', dc1('☐'))).exclusionBoxTicked).toBe(false);
    expect(documentFacts(file('DC1', dc1(''))).exclusionBoxTicked).toBeUndefined();
  });

  it('reads a validity period and an issue date', () => {
    expect(documentFacts(file('INSURANCE_RC', 'Attestation d’assurance\nPériode de validité : du 1er janvier 2026 au 31/12/2026')).dates).toEqual({ validFrom: '2026-01-01', validTo: '2026-12-31' });
    expect(documentFacts(file('URSSAF_VIGILANCE', 'Attestation de vigilance délivrée le 02/10/2026')).dates).toEqual({ issuedOn: '2026-10-02' });
  });

  it('reads lots, sub-contracting and variante mentions, and the turnover', () => {
    const facts = documentFacts(file('MEMOIRE_TECHNIQUE', 'Lot n° 2 et lot 3. La plomberie sera sous-traitée. Nous proposons une variante.'));
    expect(facts).toMatchObject({ lots: [2, 3], subcontracting: 'DECLARED', variante: 'DECLARED' });
    expect(documentFacts(file('MEMOIRE_TECHNIQUE', 'Aucune sous-traitance. Sans variante.'))).toMatchObject({ subcontracting: 'NOT_DECLARED', variante: 'NOT_DECLARED' });
    expect(documentFacts(file('DC2', "Chiffres d'affaires HT : 2024 : 455 500 € ; 2025 : 498\u202f200,50 €")).turnover).toBe(498200.5);
  });
});
