import { classifyDocument } from '../../src/bidcheck/classify/classifyDocument';
import { knowledge } from './support';

const classify = (text: string, name = 'document.pdf') => classifyDocument(text, name, knowledge.documents);

// One realistic opening per document type (wording of the real documents, bid-rules.md §2).
const OPENINGS: [string, string][] = [
  ['RC', 'Ville de Vauvert\nRÈGLEMENT DE LA CONSULTATION\nDate et heure limites de réception des offres : 14/12/2026 à 12h00'],
  ['DC1', 'MARCHÉS PUBLICS\nLETTRE DE CANDIDATURE\nDC1\nC - Objet de la candidature'],
  ['DC2', 'DC2\nDÉCLARATION DU CANDIDAT INDIVIDUEL OU DU MEMBRE DU GROUPEMENT'],
  ['DUME', 'Document unique de marché européen\nPartie III : Motifs d\'exclusion'],
  ['DC4', 'DC4\nDÉCLARATION DE SOUS-TRAITANCE\nIdentification du sous-traitant'],
  ['ATTRI1', 'ATTRI1\nACTE D\'ENGAGEMENT\nIdentification et engagement du titulaire'],
  ['KBIS', 'Greffe du Tribunal de Commerce de Nîmes\nExtrait Kbis\nà jour au 6 novembre 2026'],
  ['EXTRAIT_K', 'Greffe du Tribunal de Commerce de Nîmes\nEXTRAIT D\'IMMATRICULATION\nIDENTIFICATION DE LA PERSONNE PHYSIQUE\nà jour au 6 novembre 2026'],
  ['RNE', 'INPI\nRegistre national des entreprises\nAttestation d\'immatriculation'],
  ['SIRENE', 'Avis de situation au répertoire Sirene\nEtat administratif : actif'],
  ['URSSAF_VIGILANCE', 'Urssaf Languedoc-Roussillon\nATTESTATION DE VIGILANCE\narticle L.243-15'],
  ['MSA_VIGILANCE', 'Mutualité sociale agricole\nAttestation de fourniture des déclarations sociales'],
  ['FISCAL_REGULARITE', 'Direction générale des Finances publiques\nAttestation de régularité fiscale'],
  ['FOREIGN_WORKERS_LIST', 'Liste nominative des salariés étrangers soumis à autorisation de travail'],
  ['INSURANCE_RC', 'Attestation d\'assurance\nResponsabilité civile professionnelle\nPolice n° 12'],
  ['INSURANCE_DECENNALE', 'Attestation d\'assurance de responsabilité civile décennale\narticles 1792 et suivants du code civil'],
  ['QUALIFICATION_CERT', 'QUALIBAT\nCertificat de qualification n° 1234'],
  ['POUVOIR', 'DÉLÉGATION DE POUVOIR\nJe donne pouvoir à Mme BLANC'],
  ['RIB', 'Relevé d\'identité bancaire\nTitulaire du compte\nIBAN FR76 3000 6000 0112 3456 7890 189'],
  ['BPU', 'BORDEREAU DES PRIX UNITAIRES\nPrix unitaire HT'],
  ['DQE', 'DÉTAIL QUANTITATIF ESTIMATIF\nQuantité / Montant HT'],
  ['DPGF', 'DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE'],
  ['MEMOIRE_TECHNIQUE', 'MÉMOIRE TECHNIQUE\nMoyens humains\nMéthodologie'],
  ['JUGEMENT_RJ', 'TRIBUNAL DE COMMERCE\nJUGEMENT\nplan de redressement\nPAR CES MOTIFS'],
  ['DCE_BUYER_DOC', 'CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES\nArticle 1'],
];

const shout = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
const glue = (text: string) => text.replace(/ (?=[A-Za-zÀ-ÿ]{2,})/g, (space, offset: number) => (offset % 3 === 0 ? '' : space));

describe('document classification by weighted markers', () => {
  it('has one opening per document type of the knowledge', () => {
    expect(OPENINGS.map(([type]) => type).sort()).toEqual(knowledge.documents.types.map((type) => type.code).sort());
  });

  it.each(OPENINGS)('recognises %s', (type, text) => {
    expect(classify(text).type).toBe(type);
  });

  it.each(OPENINGS)('recognises %s in capitals without accents (§0.4)', (type, text) => {
    expect(classify(shout(text)).type).toBe(type);
  });

  it.each(OPENINGS)('recognises %s with words glued by the extractor (§0.4)', (type, text) => {
    expect(classify(glue(text)).type).toBe(type);
  });

  it('gives UNKNOWN, not a guess, for an unrelated document', () => {
    expect(classify('Facture n° 2026-114\nFournitures de bureau\nTotal TTC 145,20 €').type).toBe('UNKNOWN');
    expect(classify('').type).toBe('UNKNOWN');
  });

  it('does not take pieces mentioned in a sentence for the document itself', () => {
    expect(classify('Madame, Monsieur,\nVeuillez trouver ci-joint notre attestation de vigilance URSSAF et notre extrait Kbis.\nCordialement').type).toBe('UNKNOWN');
    const memoire = 'Offre technique\n1. Méthodologie\n2. Moyens humains\n3. Moyens matériels\n4. Planning\nNotre attestation de vigilance URSSAF est jointe au dossier.';
    expect(classify(memoire).type).toBe('MEMOIRE_TECHNIQUE');
  });

  it('treats the file name as a weak hint only', () => {
    expect(classify('Facture n° 2026-114', 'kbis.pdf').type).toBe('UNKNOWN');
    expect(classify('ATTESTATION DE VIGILANCE Urssaf', 'kbis.pdf').type).toBe('URSSAF_VIGILANCE');
  });

  it('is not fooled by a règlement that lists the documents to provide', () => {
    const rc = 'RÈGLEMENT DE LA CONSULTATION\nPièces à fournir : DC1, DC2 ou DUME, acte d\'engagement (ATTRI1), attestation de vigilance URSSAF, extrait Kbis, mémoire technique, DPGF.';
    expect(classify(rc).type).toBe('RC');
  });
});
