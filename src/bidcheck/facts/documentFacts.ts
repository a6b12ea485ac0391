import { foldText, lightFold } from '../textForms';
import type { CheckedFile } from '../types';
import { findAmounts, type LabelledTotal, labelledTotals } from './amounts';
import { dateAfter, periodAfter } from './frenchDates';
import { type Declaration, type GroupementReading, type LotReading, readGroupement, readLots, readSubcontracting, readVariante } from './declarations';
import { dc4AmountBlank } from './dc4';
import { type CompanyNumber, findCompanyNumbers, findIbans, findRibs, type IbanFact, malformedCompanyNumbers, type RibFact, sirenOrSiretValid } from './identifiers';
import { partyOf } from './parties';

/** What the rules need to know about one document, read from its text. */
export interface DocumentFacts {
  folded: string;
  companyNumbers: CompanyNumber[];
  /** The SIREN the document is about (the candidate's first labelled number, or the RCS number of a Kbis). */
  siren?: string;
  malformedNumbers: string[];
  invalidNumbers: string[];
  companyName?: string;
  dates: { upToDate?: string; issuedOn?: string; validFrom?: string; validTo?: string };
  ibans: IbanFact[];
  /** French RIBs written as their four fields (code banque, guichet, compte, clé). */
  ribs: RibFact[];
  lots: number[];
  /** How the lots were read: from a ticked or filled option, "tous les lots", or not decidable. */
  lotDecision?: LotReading['decision'];
  signatory?: string;
  /** DC1 rubric F1 (déclaration sur l'honneur) box: true ticked, false empty, undefined unseen. */
  exclusionBoxTicked?: boolean;
  /** What the document declares (forms: ticked options only; running text: plain statements). */
  subcontracting?: Declaration;
  variante?: Declaration;
  groupement?: GroupementReading;
  /** DC4 whose amount of sub-contracted services is left as dots or blank. */
  amountBlank?: boolean;
  turnover?: number;
  /** Totals stated on lines of their own (label and exactly one amount), in reading order. */
  totals: LabelledTotal[];
  emptyFields: string[];
}

const ISSUE_LABELS = /(delivree? le|date de delivrance|etablie? le|editee? le|date d'edition|date d edition|fait a [a-z' -]{1,40} le|attestation du|le present document a ete (?:edite|etabli) le|date de l'attestation)\s*:?\s*/;

function companyName(folded: string): string | undefined {
  const match = /(?<![a-z])(denomination(?: ou raison)?(?: sociale)?|raison sociale|nom de l'entreprise|titulaire du compte|assure)(?![a-z])(?:\s+(?:du candidat|de l'entreprise|du titulaire|du soumissionnaire))?\s*:?\s*([a-z0-9&' .-]{3,60}?)(?=\s+(?:forme|siret|siren|adresse|n |numero|immatricul|rcs|sas|sarl|eurl|sa |capital|$))/.exec(folded);
  const name = match?.[2]?.trim();
  // A label's own words ("dénomination sociale", "nom commercial") are no company name.
  if (!name || /(?<![a-z])(adresse|forme|siret|siren|capital|numero|siege)(?![a-z])/.test(name) || /^(sociale|commerciale|ou raison sociale|et adresse)$/.test(name)) return undefined;
  return name;
}

function signatory(folded: string): string | undefined {
  const match = /(nom,? prenom,? et qualite du signataire|nom prenom et qualite du signataire|signataire)\s*:?\s*(?:m(?:me|r|onsieur|adame)?\.?\s+)?([a-z' -]{3,50}?)(?=\s*(?:,|gerant|president|directeur|qualite|lieu|le \d|signature|$))/.exec(folded);
  const name = match?.[2]?.trim();
  // An empty form field lets the next label slip in ("lieu et date de signature"): that is no name.
  if (!name || /^[. _-]+$/.test(name) || /(?<![a-z])(lieu|date|signature|qualite|nom|prenom|cachet|fait|le|du)(?![a-z])/.test(name)) return undefined;
  return name;
}

function exclusionBox(rawText: string): boolean | undefined {
  const folded = lightFold(rawText);
  const anchorMatch = /cocher la case suivante|n'est pas dans un de ces cas d'exclusion/.exec(folded);
  if (!anchorMatch) return undefined;
  const zone = folded.slice(anchorMatch.index + anchorMatch[0].length, anchorMatch.index + anchorMatch[0].length + 120);
  if (/[☒☑■✓✔]|\[\s*x\s*\]|\(\s*x\s*\)|^\s*:?\s*x(?![a-z])/.test(zone)) return true;
  if (/[☐□]|\[\s*\]|\(\s*\)/.test(zone)) return false;
  return undefined;
}

const EMPTY_VALUE = String.raw`:\s*(?:\.{4,}|_{4,}|…{2,})`;
const FIELD_LABELS: [string, RegExp][] = [
  ['montant', /(?:montant|prix)[^:\n]{0,40}/],
  ['SIRET', /siret[^:\n]{0,20}/],
  ['compte à créditer', /(?:iban|compte)[^:\n]{0,40}/],
  ['lot', /lot[^:\n]{0,20}/],
];

/**
 * R40: key fields of an acte d'engagement left as dots. The template's own optional lines do not
 * count: an unticked option ("☐ La totalité du marché public dont le montant est de : ……") and the
 * nantissement rubric, which only the buyer fills in; nor does a field filled elsewhere in the form.
 */
function emptyFields(raw: string): string[] {
  const light = lightFold(raw);
  const nantissement = light.search(/cadre reserve au nantissement|nantissement ou (?:a )?la cession de creances/);
  const lines = (nantissement >= 0 ? light.slice(0, nantissement) : light).split('\n').filter((line) => !/^\s*(?:☐|□|\[\s*\])/.test(line));
  const empty: string[] = [];
  for (const [name, label] of FIELD_LABELS) {
    const blank = lines.some((line) => new RegExp(label.source + EMPTY_VALUE).test(line));
    const filled = lines.some((line) => new RegExp(`${label.source}:\\s*[^.…_\\s]*\\d`).test(line));
    if (blank && !filled) empty.push(name);
  }
  return empty;
}

/** Reads the facts of one classified document. */
export function documentFacts(file: CheckedFile, createdAt?: string, foldedText?: string): DocumentFacts {
  const raw = file.pageTexts.join('\n');
  const folded = foldedText ?? foldText(raw);
  const light = lightFold(raw);
  const numbers = findCompanyNumbers(light, file.type);
  const rcs = /(?<!\d)(\d{3}\s?\d{3}\s?\d{3})\s?r\.?\s?c\.?\s?s/.exec(light)?.[1]?.replace(/\s/g, '');
  // Only a labelled number (or the Kbis' RCS line) names the company: a bare 9-digit run that happens
  // to pass Luhn in a price table must not make two documents look like two companies.
  const primary = (['KBIS', 'EXTRAIT_K'].includes(file.type) && rcs) || numbers.find((n) => n.labelled && n.party === 'CANDIDATE')?.digits.slice(0, 9);
  // An insurer's, bank's or buyer's number is not the candidate's to get right.
  const ownParty = (index: number) => partyOf(light, index, file.type) !== 'THIRD_PARTY';
  const dates: DocumentFacts['dates'] = {};
  switch (file.type) {
    case 'KBIS':
    case 'EXTRAIT_K':
      dates.upToDate = dateAfter(light, /a jour au/) ?? dateAfter(light, /(?<![a-z])(?:edite|delivre) le/);
      break;
    case 'RNE':
      dates.upToDate = dateAfter(light, /a la date du/) ?? dateAfter(light, ISSUE_LABELS);
      break;
    case 'SIRENE':
      dates.upToDate = dateAfter(light, /(a la date du|situation au|en date du)/) ?? dateAfter(light, ISSUE_LABELS) ?? createdAt;
      break;
    case 'URSSAF_VIGILANCE':
    case 'MSA_VIGILANCE':
    case 'FISCAL_REGULARITE':
    case 'FOREIGN_WORKERS_LIST':
      dates.issuedOn = dateAfter(light, ISSUE_LABELS) ?? createdAt;
      break;
    case 'INSURANCE_RC':
    case 'INSURANCE_DECENNALE':
    case 'QUALIFICATION_CERT': {
      const period = periodAfter(light, /(periode de validite|validite|periode d'assurance|garantie|valable|effet)/) ?? periodAfter(light);
      dates.validFrom = period?.from;
      dates.validTo = dateAfter(light, /(valable jusqu'au|valable jusqu au|date de fin de validite|fin de validite|expire le|echeance)\s*:?/) ?? period?.to;
      break;
    }
    default:
      break;
  }
  const lots = readLots(file.type, light);
  const turnoverZone = /chiffres? d'affaires/.exec(light);
  return {
    folded,
    companyNumbers: numbers,
    siren: primary,
    malformedNumbers: malformedCompanyNumbers(light, ownParty),
    invalidNumbers: numbers.filter((n) => n.labelled && n.party !== 'THIRD_PARTY' && !sirenOrSiretValid(n.digits) && (n.digits.length === 9 || n.digits.length === 14)).map((n) => n.raw),
    companyName: companyName(folded),
    dates,
    ibans: findIbans(raw),
    ribs: findRibs(light),
    lots: lots?.lots ?? [],
    lotDecision: lots?.decision,
    signatory: signatory(folded),
    exclusionBoxTicked: file.type === 'DC1' ? exclusionBox(raw) : undefined,
    subcontracting: readSubcontracting(file.type, light),
    variante: readVariante(file.type, light),
    groupement: readGroupement(file.type, light),
    amountBlank: file.type === 'DC4' ? dc4AmountBlank(light) : undefined,
    turnover: turnoverZone ? Math.max(0, ...findAmounts(light.slice(turnoverZone.index, turnoverZone.index + 600)).map((a) => a.value)) || undefined : undefined,
    totals: ['DQE', 'DPGF', 'BPU', 'ATTRI1'].includes(file.type) ? labelledTotals(raw) : [],
    emptyFields: file.type === 'ATTRI1' ? emptyFields(raw) : [],
  };
}
