import { SCRUB_TOKENS } from '../tokens';
import { anyOf, PERSON_CAP_WORD, PERSON_WORD, START } from '../regexWords';
import { replaceName } from './personNames';

const CAP_COMPANY = String.raw`${PERSON_CAP_WORD}(?:(?:\s+|\s*[-&]\s*)(?:${anyOf(['et', 'de', 'du', 'des'])}\s+)?${PERSON_CAP_WORD}){0,2}`;
const ANY_COMPANY = String.raw`${PERSON_WORD}(?:\s+${PERSON_WORD}){0,2}`;
/** The legal form stays (« SARL [entreprise] »): it says what kind of firm asks. */
const LEGAL_FORMS = String.raw`(?:SARL|EURL|SASU|SAS|SA|SCI|SCOP|SCIC|SNC|EIRL|SELARL|SCP|GIE|EI)`;
/** « de la boîte dupont », « ma société s'appelle martin »: what follows names the firm, in any case. */
const LOOSE_CUES = anyOf(['de la boîte', 'de la boite', 'de chez', "ma boîte s'appelle", "ma boite s'appelle", "ma société s'appelle", "mon entreprise s'appelle", "notre entreprise s'appelle", "notre société s'appelle", "l'entreprise s'appelle", 'raison sociale']);
/** « l'entreprise Martin », « la société Durand BTP »: only a capitalised name. */
const CAP_CUES = anyOf(['ma boîte', 'ma boite', 'ma société', 'mon entreprise', 'notre entreprise', 'notre société', "l'entreprise", 'la société', 'la sté', 'le cabinet', "l'agence", 'chez', 'les établissements', 'les ets', 'ets']);

const RULES: RegExp[] = [
  new RegExp(`(${START}${LEGAL_FORMS}\\s+)(${CAP_COMPANY})`, 'gu'),
  new RegExp(`(${START}${LOOSE_CUES}\\s*:?\\s*)(${CAP_COMPANY}|${ANY_COMPANY})`, 'gu'),
  new RegExp(`(${START}${CAP_CUES}\\s+)(${CAP_COMPANY})`, 'gu'),
];

/**
 * The name of the asking firm when the sentence announces it: for a sole trader it is the
 * person's name, and a buyer reading the gap log could tell who asked.
 */
export function scrubCompanyNames(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule, (match, cue: string, candidate: string) => replaceName(match, cue, candidate, SCRUB_TOKENS.company));
  return out;
}
