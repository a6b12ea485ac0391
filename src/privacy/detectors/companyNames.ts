import { SCRUB_TOKENS } from '../tokens';
import { anyOf, END, PERSON_CAP_WORD, PERSON_WORD, START } from '../regexWords';
import { replaceName } from './personNames';

const CAP_COMPANY = String.raw`${PERSON_CAP_WORD}(?:(?:\s+|\s*[-&]\s*)(?:${anyOf(['et', 'de', 'du', 'des'])}\s+)?${PERSON_CAP_WORD}){0,2}`;
const ANY_COMPANY = String.raw`${PERSON_WORD}(?:\s+${PERSON_WORD}){0,2}`;
/** The legal form stays (« SARL [entreprise] »): it says what kind of firm asks. */
const LEGAL_FORMS = String.raw`(?:SARL|EURL|SASU|SAS|SA|SCI|SCOP|SCIC|SNC|EIRL|SELARL|SCP|GIE|EI)`;
/** « de la boîte dupont », « ma société s'appelle martin »: what follows names the firm, in any case. */
const LOOSE_CUES = anyOf(['de la boîte', 'de la boite', 'de chez', "ma boîte s'appelle", "ma boite s'appelle", "ma société s'appelle", "mon entreprise s'appelle", "notre entreprise s'appelle", "notre société s'appelle", "l'entreprise s'appelle", 'raison sociale']);
/** « l'entreprise Martin », « la société Durand BTP »: only a capitalised name. */
const CAP_CUES = anyOf(['ma boîte', 'ma boite', 'ma société', 'mon entreprise', 'notre entreprise', 'notre société', "l'entreprise", 'la société', 'la sté', 'le cabinet', "l'agence", 'chez', 'les établissements', 'les ets', 'ets']);

/** After the name (« Durand Frères SARL »), without the sole trader's « EI », too short to tell from an abbreviation. */
const LEGAL_FORMS_AFTER = String.raw`(?:SARL|EURL|SASU|SAS|SA|SCI|SCOP|SCIC|SNC|EIRL|SELARL|SCP|GIE)`;
/** How people introduce the firm they run or work for: « gérant de Martin Plomberie ». */
const ROLES = anyOf([
  'gérant de', 'gérante de', "gérant d'", "gérante d'", 'cogérant de', 'co-gérant de', 'patron de', 'patronne de', 'dirigeant de', 'dirigeante de',
  'fondateur de', 'fondatrice de', 'président de', 'présidente de', 'je travaille chez', 'nous travaillons chez', 'salarié de', 'salariée de',
]);
/** A firm's name of `min` to 3 capitalised words, none a legal form (« gérant de SARL », « SAS ou SARL » name none). */
const FIRM_WORD = String.raw`(?!${LEGAL_FORMS}${END})${PERSON_CAP_WORD}`;
const namedFirm = (min: number) => String.raw`${FIRM_WORD}(?:(?:\s+|\s*[-&]\s*)(?:${anyOf(['et', 'de', 'du', 'des'])}\s+)?${FIRM_WORD}){${min - 1},2}`;
const NAMED_FIRM = namedFirm(1);
/** A sentence begins here: « Chaque SARL… », « Entre SARL et SAS… » start with a capital and name no firm. */
const NOT_SENTENCE_START = String.raw`(?<!(?:^|[.!?…]\s*))`;

const RULES: RegExp[] = [
  new RegExp(`(${START}${LEGAL_FORMS}\\s+)(${NAMED_FIRM})`, 'gu'),
  new RegExp(`(${START}${ROLES}\\s*)(${NAMED_FIRM})`, 'gu'),
  // Before the legal form: two or three words anywhere (« Durand Frères SARL »), one only inside a sentence.
  new RegExp(`(${START})(${namedFirm(2)})(?=\\s+${LEGAL_FORMS_AFTER}${END})`, 'gu'),
  new RegExp(`(${NOT_SENTENCE_START}${START})(${NAMED_FIRM})(?=\\s+${LEGAL_FORMS_AFTER}${END})`, 'gu'),
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
