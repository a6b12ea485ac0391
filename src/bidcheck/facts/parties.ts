/**
 * Whose number is it? A document of the candidate also carries the numbers of others: the insurer's
 * RCS number on an attestation, the bank's on a RIB, the buyer's on a DC1, the cotraitants' in a
 * groupement, the sous-traitant's on a DC4. Only the candidate's own numbers identify the candidate.
 */
export type Party = 'CANDIDATE' | 'MEMBER' | 'SUBCONTRACTOR' | 'THIRD_PARTY';

/** Labels that name the party of what follows them. */
const LABELS: [Party, RegExp][] = [
  ['SUBCONTRACTOR', /sous[ -]?traitants?(?![a-z])/g],
  ['MEMBER', /co-?traitants?(?![a-z])|membre(?:s)?(?: du groupement)?\s*(?:n\s?°\s*)?\d|(?<![a-z])mandataire(?![a-z])/g],
  ['THIRD_PARTY', /(?<![a-z])(?:assureur|compagnie d'assurances?|societe d'assurances?|code des assurances|intermediaire d'assurance|courtier|agent general|banque|etablissement (?:bancaire|de credit)|domiciliation|acheteur|pouvoir adjudicateur|maitre d'ouvrage|organisme de qualification)(?![a-z])/g],
  ['CANDIDATE', /(?<![a-z])(?:assuree?|souscripteur|titulaire(?: du compte)?|candidat(?: individuel)?|soumissionnaire|adherent|cotisant|entreprise attestee|beneficiaire)(?![a-z])/g],
];

/** Rubric headings of the DAJ forms that set the party of their whole rubric. */
const SECTIONS: [Party, RegExp][] = [
  ['SUBCONTRACTOR', /identification du sous-traitant/g],
  ['MEMBER', /identification des membres du groupement|designation du mandataire/g],
  ['THIRD_PARTY', /identification (?:et signature )?de l'acheteur|identification du pouvoir adjudicateur/g],
  ['CANDIDATE', /identification du (?:soumissionnaire|titulaire|candidat)|presentation du candidat|identification et engagement du titulaire/g],
];
// A new rubric ("F - Nature et prix…", "B2 - …") ends the previous one.
const RUBRIC = /(?:^|\n)\s*[a-k]\d?\s?[-–]\s+[a-z]/g;

/** Words that, in the same sentence as the number, mark an insurer or a bank's legal notice. */
const THIRD_PARTY_NOTICE = /(?<![a-z])(?:iard|mutuelle|code des assurances|assurances? mutuelles?|banque|credit agricole|caisse d'epargne|credit mutuel|bnp|societe generale|lcl|la banque postale|orias|acpr)(?![a-z])/;

const ATTESTATION_TYPES = ['INSURANCE_RC', 'INSURANCE_DECENNALE', 'URSSAF_VIGILANCE', 'MSA_VIGILANCE', 'FISCAL_REGULARITE', 'QUALIFICATION_CERT', 'RIB'];

function nearestLabel(light: string, index: number, window: number, sameLine = false): Party | undefined {
  const start = Math.max(0, index - window, sameLine ? light.lastIndexOf('\n', index - 1) + 1 : 0);
  const before = light.slice(start, index);
  let best: { party: Party; at: number } | undefined;
  for (const [party, pattern] of LABELS) {
    for (const match of before.matchAll(pattern)) if (!best || match.index > best.at) best = { party, at: match.index };
  }
  return best?.party;
}

function sectionOf(light: string, index: number): Party | undefined {
  let best: { party: Party; at: number } | undefined;
  for (const [party, pattern] of SECTIONS) {
    for (const match of light.slice(0, index).matchAll(pattern)) if (!best || match.index > best.at) best = { party, at: match.index };
  }
  if (!best) return undefined;
  const rubricsAfter = [...light.slice(best.at + 5, index).matchAll(RUBRIC)].length;
  return rubricsAfter === 0 ? best.party : undefined;
}

function sentenceAround(light: string, index: number): string {
  const start = Math.max(light.lastIndexOf('\n', index - 1), index - 200);
  const endLine = light.indexOf('\n', index);
  const end = Math.min(endLine < 0 ? light.length : endLine, index + 120);
  return light.slice(start + 1, end);
}

/** The party a number at `index` of a light-folded text belongs to. */
export function partyOf(light: string, index: number, documentType: string): Party {
  const onLine = nearestLabel(light, index, 70, true);
  if (onLine) return onLine;
  if (ATTESTATION_TYPES.includes(documentType) && THIRD_PARTY_NOTICE.test(sentenceAround(light, index))) return 'THIRD_PARTY';
  const near = nearestLabel(light, index, 70);
  if (near) return near;
  return sectionOf(light, index) ?? nearestLabel(light, index, 200) ?? 'CANDIDATE';
}
