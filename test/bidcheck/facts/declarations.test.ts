import { dc4AmountBlank } from '../../../src/bidcheck/facts/dc4';
import { readGroupement, readLots, readSubcontracting, readVariante } from '../../../src/bidcheck/facts/declarations';
import { findCompanyNumbers } from '../../../src/bidcheck/facts/identifiers';
import { lightFold } from '../../../src/bidcheck/textForms';

const f = (lines: string[]) => lightFold(lines.join('\n'));

describe('variante (R44)', () => {
  const attri1 = (base: string, variante: string, field = '') => f(['A - Objet de l’acte d’engagement.', '■ Cet acte d’engagement correspond :', `${base} à l’offre de base ;`, `${variante} à la variante suivante : ${field}`]);

  it('is declared only by its ticked or filled option on an ATTRI1', () => {
    expect(readVariante('ATTRI1', attri1('☒', '☐'))).toBe('NOT_DECLARED');
    expect(readVariante('ATTRI1', attri1('[ ]', '[X]', 'charpente lamellé-collé'))).toBe('DECLARED');
    expect(readVariante('ATTRI1', attri1('', '', '………'))).toBe('NOT_DECLARED');
    expect(readVariante('ATTRI1', attri1('', '', 'variante n° 1 : menuiseries bois'))).toBe('DECLARED');
  });

  it('reads running text: statements, negations, and mentions it cannot decide', () => {
    expect(readVariante('MEMOIRE_TECHNIQUE', f(['Conformément au règlement, nous ne proposons pas de variante.']))).toBe('NOT_DECLARED');
    expect(readVariante('MEMOIRE_TECHNIQUE', f(['Notre offre porte sur l’offre de base uniquement.', 'Variantes : sans objet']))).toBe('NOT_DECLARED');
    expect(readVariante('UNKNOWN', f(['OFFRE VARIANTE n° 1 - Solution alternative : enduit à la chaux']))).toBe('DECLARED');
    expect(readVariante('MEMOIRE_TECHNIQUE', f(['Les variantes de teinte des enduits seront soumises au maître d’œuvre.']))).toBe('UNDECIDABLE');
    expect(readVariante('MEMOIRE_TECHNIQUE', f(['Méthodologie et planning']))).toBeUndefined();
  });
});

describe('sous-traitance (R23)', () => {
  it('follows the DUME answer', () => {
    const dume = (answer: string) => f(['D : INFORMATIONS CONCERNANT LES SOUS-TRAITANTS SUR LES CAPACITÉS DESQUELS L’OPÉRATEUR ÉCONOMIQUE NE S’APPUIE PAS', 'L’opérateur économique a-t-il l’intention de sous-traiter une part du marché à des tiers ?', answer]);
    expect(readSubcontracting('DUME', dume('Réponse : Non'))).toBe('NOT_DECLARED');
    expect(readSubcontracting('DUME', dume('Réponse : Oui'))).toBe('DECLARED');
    expect(readSubcontracting('DUME', dume('☐ Oui ☐ Non'))).toBe('UNDECIDABLE');
  });

  it('ignores the forms’ own notes on sous-traitants (ATTRI1 nantissement rubric)', () => {
    const nantissement = f(['E - Cadre réservé au nantissement ou à la cession de créances', '☐ La partie des prestations que le titulaire n’envisage pas de confier à des sous-traitants bénéficiant du paiement direct, est évaluée à : ……']);
    expect(readSubcontracting('ATTRI1', nantissement)).toBeUndefined();
  });

  it('reads statements and negations of running text', () => {
    expect(readSubcontracting('MEMOIRE_TECHNIQUE', f(['Le lot plomberie sera confié en sous-traitance à SANIT30 (SIRET 732 829 320 00074).']))).toBe('DECLARED');
    expect(readSubcontracting('MEMOIRE_TECHNIQUE', f(['Les travaux seront réalisés par nos équipes, sans recours à la sous-traitance.']))).toBe('NOT_DECLARED');
    expect(readSubcontracting('MEMOIRE_TECHNIQUE', f(['Aucune prestation ne sera sous-traitée.']))).toBe('NOT_DECLARED');
    expect(readSubcontracting('MEMOIRE_TECHNIQUE', f(['Nos sous-traitants habituels sont formés à la sécurité.']))).toBe('UNDECIDABLE');
  });
});

describe('groupement (R18)', () => {
  const rubricD = (alone: string, group: string, conjoint: string, solidaire: string) =>
    f(['D - Présentation du candidat.', `${alone} Le candidat se présente seul :`, `${group} Le candidat est un groupement d’entreprises :`, `${conjoint} conjoint OU ${solidaire} solidaire`, 'En cas de groupement conjoint, précisez si le mandataire du groupement est solidaire : ☐ Non ☐ Oui']);

  it('is a groupement only when its box is ticked', () => {
    expect(readGroupement('DC1', rubricD('☒', '☐', '☐', '☐'))).toEqual({ declared: 'NOT_DECLARED', typed: 'NOT_DECLARED' });
    expect(readGroupement('DC1', rubricD('☐', '☒', '☐', '☒'))).toEqual({ declared: 'DECLARED', typed: 'DECLARED' });
    expect(readGroupement('DC1', rubricD('☐', '☒', '☐', '☐'))).toMatchObject({ declared: 'DECLARED', typed: 'NOT_DECLARED' });
    expect(readGroupement('DC1', rubricD('', '', '', ''))).toMatchObject({ declared: 'UNDECIDABLE', typed: 'UNDECIDABLE' });
  });
});

describe('lots (R17)', () => {
  const rubricC = (box: string, lots: string) => f(['B - Objet de la consultation : Lot 1 : gros œuvre ; Lot 2 : menuiseries ; Lot 3 : peinture', 'C - Objet de la candidature.', '☐ pour le marché public (en cas de non allotissement) ;', '☐ pour tous les lots de la procédure de passation du marché public ;', `${box} pour le lot n° ${lots} ou les lots n° … de la procédure de passation du marché public`]);

  it('reads the ticked or filled lot option, not the lots of the consultation', () => {
    expect(readLots('DC1', rubricC('☒', '2'))).toEqual({ lots: [2], decision: 'DECIDED' });
    expect(readLots('DC1', rubricC('', '3'))).toEqual({ lots: [3], decision: 'DECIDED' });
    expect(readLots('DC1', rubricC('☐', '…'))).toBeUndefined();
    expect(readLots('DC1', rubricC('☐', '2'))).toMatchObject({ decision: 'UNDECIDABLE' });
  });
});

describe('whose number (R27)', () => {
  it('attributes the insurer’s RCS number to the insurer, the insured’s SIRET to the candidate', () => {
    const text = f(['ATTESTATION D’ASSURANCE RESPONSABILITÉ CIVILE', 'Assuré : BATI-GARD SIRET 552 081 317 00018', 'Fait à Nanterre le 05/01/2026', 'AXA France IARD, SA au capital de 214 799 030 € - 722 057 460 RCS Nanterre - Entreprise régie par le Code des assurances']);
    const numbers = findCompanyNumbers(text, 'INSURANCE_RC');
    expect(numbers.map((n) => [n.digits, n.party])).toEqual([['55208131700018', 'CANDIDATE'], ['722057460', 'THIRD_PARTY']]);
  });

  it('attributes a DC4’s sous-traitant and a DC1’s cotraitants to them', () => {
    const dc4 = f(['D - Identification du soumissionnaire ou du titulaire du marché public', 'Numéro SIRET : 552 081 317 00018', 'E - Identification du sous-traitant', 'Nom commercial et dénomination sociale : SANIT30', 'Adresse : 12 chemin des Olivettes, 30900 Nîmes', 'Numéro SIRET : 732 829 320 00074']);
    expect(findCompanyNumbers(dc4, 'DC4').map((n) => n.party)).toEqual(['CANDIDATE', 'SUBCONTRACTOR']);
    const dc1 = f(['E - Identification des membres du groupement et répartition des prestations', 'Membre 1 (mandataire) : BATI-GARD SIRET 552 081 317 00018', 'Membre 2 : ELEC-SUD SIRET 732 829 320 00074']);
    expect(findCompanyNumbers(dc1, 'DC1').map((n) => n.party)).toEqual(['MEMBER', 'MEMBER']);
  });
});

describe('DC4 amount (R23)', () => {
  it('sees an amount left as dots', () => {
    expect(dc4AmountBlank(f(['F - Nature et prix des prestations sous-traitées', 'Montant HT : …… € HT', 'Montant TVA (taux de 20 %) : ……', 'Montant TTC : ........ euros']))).toBe(true);
    expect(dc4AmountBlank(f(['F - Nature et prix des prestations sous-traitées', 'Montant HT : 12 500,00 € HT', 'Montant TTC : 15 000,00 €']))).toBe(false);
    expect(dc4AmountBlank(f(['Montant des prestations sous-traitées', '18 400,00 € HT']))).toBe(false);
  });
});

describe('yes/no answers after a label', () => {
  it('settle variante and sous-traitance on a buyer’s own form or a cadre de réponse', () => {
    expect(readVariante('ATTRI1', f(['Variante proposée : ☐ Oui ☒ Non']))).toBe('NOT_DECLARED');
    expect(readVariante('MEMOIRE_TECHNIQUE', f(['Offre variante : [X] Oui [ ] Non', 'Description : charpente bois']))).toBe('DECLARED');
    expect(readSubcontracting('MEMOIRE_TECHNIQUE', f(['Recours à la sous-traitance : Oui ☐ Non ☒']))).toBe('NOT_DECLARED');
    expect(readSubcontracting('ATTRI1', f(['Sous-traitance envisagée : ☒ Oui ☐ Non']))).toBe('DECLARED');
  });
});
