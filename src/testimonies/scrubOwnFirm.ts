import { replaceName } from '../privacy/detectors/personNames';
import { anyOf, END, PERSON_CAP_WORD, START } from '../privacy/regexWords';
import { SCRUB_TOKENS } from '../privacy';

/**
 * A testimony talks about the SME's own firm more than a question does, and names it the way
 * people introduce themselves: « gérant de Martin Plomberie », « Durand Frères SARL ». The shared
 * scrubber only knows the legal form before the name (« SARL Martin ») and « ma société X »; these
 * two cues are added here, after it. (Worth moving to src/privacy/detectors/companyNames.ts.)
 */
const CAP_FIRM = String.raw`${PERSON_CAP_WORD}(?:(?:\s+|\s*[-&]\s*)(?:${anyOf(['et', 'de', 'du', 'des'])}\s+)?${PERSON_CAP_WORD}){0,2}`;
const LEGAL_FORMS = String.raw`(?:SARL|EURL|SASU|SAS|SA|SCI|SCOP|SCIC|SNC|EIRL|SELARL|SCP|GIE)`;
const ROLES = anyOf([
  'gérant de', 'gérante de', "gérant d'", "gérante d'", 'cogérant de', 'co-gérant de', 'patron de', 'patronne de', 'dirigeant de', 'dirigeante de',
  'fondateur de', 'fondatrice de', 'président de', 'présidente de', 'je travaille chez', 'nous travaillons chez', 'salarié de', 'salariée de',
]);

const RULES: readonly RegExp[] = [
  new RegExp(`(${START}${ROLES}\\s*)(${CAP_FIRM})`, 'gu'),
  new RegExp(`(${START})(${CAP_FIRM})(?=\\s+${LEGAL_FORMS}${END})`, 'gu'),
];

/** The firm's name becomes « [entreprise] »; places and institutions the scrubber knows stay (« gérant de Nîmes Métropole » is no firm). */
export function scrubOwnFirm(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule, (match, cue: string, candidate: string) => replaceName(match, cue, candidate, SCRUB_TOKENS.company));
  return out;
}
