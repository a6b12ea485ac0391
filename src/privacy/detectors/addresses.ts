import { SCRUB_TOKENS } from '../tokens';
import { anyOf, CAP_WORD, END, foldWord, NAME_CAP_WORD, NAME_WORD, PARTICLE, START } from '../regexWords';

/** Street kinds that name a street whatever follows a number (« 12 rue de la république »). */
const STREET_KINDS = anyOf([
  'rue', 'avenue', 'av.', 'av', 'boulevard', 'bd', 'bld', 'blvd', 'impasse', 'imp.', 'allée', 'allee', 'allées', 'chemin', 'ch.',
  'quai', 'faubourg', 'fbg', 'lotissement', 'lot.', 'ruelle', 'montée', 'traverse', 'cité', 'hameau', 'rte', 'route', 'esplanade',
  'promenade', 'rond-point', 'sentier',
]);
/** Kinds that name a street even without a number, when a capitalised name follows (« impasse des Lilas »). */
const NAMED_KINDS = anyOf(['rue', 'avenue', 'av.', 'boulevard', 'bd', 'impasse', 'allée', 'allee', 'chemin', 'quai', 'faubourg', 'lotissement', 'hameau', 'ruelle']);
/** Words that are also common nouns (« 1 cours de formation », « 3 places »): only with a number and a capitalised name. */
const AMBIGUOUS_KINDS = anyOf(['place', 'pl.', 'cours', 'square', 'passage', 'parc', 'domaine', 'résidence', 'mas', 'zone', 'za', 'zi', 'zac', 'zae', 'port', 'clos', 'quartier']);
/** « lieu-dit Les Fonts », even in lower case: the cue is unambiguous. */
const LOCALITY_KINDS = anyOf(['lieu-dit', 'lieudit', 'lieu dit', 'lieux-dits']);

const NUMBER = String.raw`${START}(?:n°\s?)?\d{1,4}(?:\s?(?:${anyOf(['bis', 'ter', 'quater'])}|[a-dA-D])${END})?\s?,?\s`;
const JOIN = String.raw`(?:[\s-]+(?:${PARTICLE}[\s-]*)*)`;
/** « de la République », « Jean Jaurès », « du 8 Mai 1945 »: capitalised words and the particles between them. */
const CAP_NAME = String.raw`(?:(?:${PARTICLE}\s*)*(?:${NAME_CAP_WORD}|\d{1,4}${END})(?:${JOIN}(?:${NAME_CAP_WORD}|\d{4}${END}))*)`;
/** Typed on a phone: « de la république », at most three words. */
const ANY_NAME = String.raw`(?:(?:${PARTICLE}\s*)*${NAME_WORD}(?:${JOIN}${NAME_WORD}){0,2})`;
/** A capitalised name, unless lower-case words follow it (« rue Jean jaurès »: then the lower-case reading). */
const STREET_NAME = String.raw`(?:${CAP_NAME}(?!${JOIN}${NAME_WORD})|${ANY_NAME})`;
/** « 30000 Nîmes », « 30900 Nîmes Cedex 9 », « 30220 Aigues-Mortes », « F-30000 Nîmes ». */
const POSTCODE = String.raw`${START}(?:F-)?(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}${END}`;
const CEDEX = String.raw`(?:\s${anyOf(['cedex'])}(?:\s\d{1,2})?)?`;
const TOWN_WORD = `(?!${anyOf(['cedex'])}${END})${CAP_WORD}`;
const TOWN = String.raw`(?:${TOWN_WORD}(?:${JOIN}${TOWN_WORD}){0,3})`;
const CITY = String.raw`${POSTCODE}\s(?:${TOWN}|${NAME_WORD})${CEDEX}`;
/** BP 123, B.P. 45, CS 30001, TSA 70011: postal boxes. */
const BOX = String.raw`${START}(?:[Bb]\.?\s?[Pp]\.?|CS|TSA)\s?\d{1,5}${END}`;

const TAIL = String.raw`(?:\s?,?\s?${BOX})?(?:\s?,?\s?${CITY})?`;
const STREETS = [
  new RegExp(`${NUMBER}${STREET_KINDS}${END}\\s?${STREET_NAME}${TAIL}`, 'gu'),
  new RegExp(`${NUMBER}${AMBIGUOUS_KINDS}${END}\\s?${CAP_NAME}${TAIL}`, 'gu'),
  new RegExp(`${START}${NAMED_KINDS}${END}\\s?${CAP_NAME}${TAIL}`, 'gu'),
  new RegExp(`${START}${LOCALITY_KINDS}${END}\\s?:?\\s?${STREET_NAME}${TAIL}`, 'gu'),
];
/** A town after a postcode, unless the « town » is a unit (« 40000 Euros HT »). */
const UNITS = new Set(['euros', 'euro', 'eur', 'ht', 'ttc', 'habitants', 'salaries', 'personnes', 'heures', 'jours', 'pages', 'km', 'metres', 'tonnes', 'exemplaires', 'pieces', 'unites', 'entreprises', 'marches', 'dossiers', 'lignes', 'emplois']);
const CITY_ALONE = new RegExp(`${POSTCODE}\\s${TOWN}${CEDEX}`, 'gu');
const BOX_ALONE = new RegExp(BOX, 'gu');
const RUNS = /\[adresse\](?:[\s,–-]*\[adresse\])+/gu;

/**
 * Postal addresses: a number and a street (« 12 rue de la République », « 3 bis av. Jean Jaurès
 * 30000 Nîmes »), a capitalised street without number, a lieu-dit, a postal box, a postcode and
 * its town. One [adresse] for the whole of it.
 */
export function scrubAddresses(text: string): string {
  let out = text;
  for (const street of STREETS) out = out.replace(street, SCRUB_TOKENS.address);
  out = out.replace(CITY_ALONE, (match) => {
    const town = match.split(/\s/)[1] ?? '';
    return UNITS.has(foldWord(town)) ? match : SCRUB_TOKENS.address;
  });
  out = out.replace(BOX_ALONE, SCRUB_TOKENS.address);
  return out.replace(RUNS, SCRUB_TOKENS.address);
}
