import { SCRUB_TOKENS } from '../tokens';
import { anyOf, END, PERSON_CAP_WORD, PERSON_WORD, START, splitAtNotName } from '../regexWords';

/** « Jean Dupont », « Jean-Pierre de La Tour », « DUPONT »: up to three capitalised words. */
const CAP_PERSON = String.raw`${PERSON_CAP_WORD}(?:(?:\s+|\s*-\s*)(?:${anyOf(['de la', 'de le', "de l'", 'de', 'du', 'des', "d'", 'le', 'la', "l'"])}\s*)?${PERSON_CAP_WORD}){0,2}`;
/** Typed in lower case after a clear cue: « je m'appelle jean dupont ». */
const ANY_PERSON = String.raw`${PERSON_WORD}(?:\s+${PERSON_WORD}){0,2}`;
const PERSON = `(?:${CAP_PERSON}|${ANY_PERSON})`;

/** After these, whatever follows is the person's name. */
const INTRODUCTIONS = anyOf([
  "je m'appelle", 'je me nomme', 'je me présente', 'mon nom est', "mon nom c'est", 'mon nom :', 'nom :', "moi c'est", 'mon prénom est',
  "mon prénom c'est", 'prénom :', 'je suis madame', 'je suis monsieur',
]);
/** Also common before other words (« signé c grave ? »): only a capitalised name. */
const CAP_INTRODUCTIONS = anyOf(['de la part de', 'signé', 'signée', 'signé par', 'signée par']);
/** « c'est Paul de la boîte X », « je suis Sophie Martin de chez Y ». */
const COMPANY_CUE = anyOf(['de la boîte', 'de la boite', 'de chez', "de l'entreprise", 'de la société', 'de la sté', 'du cabinet', "de l'agence", 'de la sarl', 'de la sas', "de l'eurl", 'gérant', 'gérante']);
const SELF_CUES = anyOf(["c'est", 'ici', 'je suis']);
/** Civilities: the civility stays, the name goes (« Mme [nom] »). */
const TITLES = String.raw`(?:M\.|MM\.|Mr\.?|Mrs\.?|Mme\.?|Mmes\.?|Mlle\.?|Mlles\.?|Me|Dr\.?|Pr\.?|${anyOf(['monsieur', 'madame', 'mademoiselle', 'maître', 'maitre', 'docteur', 'professeur'])})`;
/** Closings after which a name signs the message. */
const CLOSINGS = anyOf([
  'cordialement', 'bien cordialement', 'très cordialement', 'bien à vous', 'salutations', 'sincères salutations', 'salutations distinguées',
  'meilleures salutations', 'bien amicalement', 'amicalement', 'bises', 'bisous', 'à plus', 'a plus', 'a+',
]);
/** Friendlier closings: only a capitalised name at the very end signs (« Merci, Jean »). */
const THANKS = anyOf(['merci', 'merci beaucoup', "merci d'avance", 'merci par avance', 'merci bien', 'bonne journée', 'bonne soirée', 'bon week-end', 'à bientôt', 'a bientot']);
/** The end of the message, tokens of already scrubbed details (« [téléphone] ») and punctuation allowed. */
const AT_END = String.raw`(?=[\s,.;:!–—-]*(?:\p{Lu}{2,}\s*)?(?:\[[^\]]+\][\s,.;:!–—-]*)*$)`;
const SEP = String.raw`[\s,.;:!–—-]*`;

const RULES: readonly RegExp[] = [
  new RegExp(`(${START}${INTRODUCTIONS}\\s*:?\\s*)(${PERSON})`, 'gu'),
  new RegExp(`(${START}${CAP_INTRODUCTIONS}\\s+)(${CAP_PERSON})`, 'gu'),
  new RegExp(`(${START}${SELF_CUES}\\s+)(${CAP_PERSON})(?=\\s*,?\\s*${COMPANY_CUE}${END})`, 'gu'),
  new RegExp(`(${START}${anyOf(['je suis'])}\\s+)(${PERSON_CAP_WORD}\\s+${PERSON_CAP_WORD})(?=\\s*[,.!]|\\s*$)`, 'gu'),
  new RegExp(`(${START}${TITLES}\\s*)(${CAP_PERSON})`, 'gu'),
  new RegExp(`(${START}${CLOSINGS}${SEP})(${PERSON})`, 'gu'),
  new RegExp(`(${START}${THANKS}${SEP})(${CAP_PERSON})${AT_END}`, 'gu'),
];

/** The name becomes the token; the words of the question it ran into stay (« Mme [nom] de Nîmes Métropole »). */
export function replaceName(match: string, cue: string, candidate: string, token: string): string {
  const { name, rest } = splitAtNotName(candidate);
  return name ? `${cue}${token}${rest}` : match;
}

/**
 * Person names where the sentence gives them away: an introduction, a civility, a signature.
 * A name met anywhere else (« j'ai eu Sophie au téléphone ») is not detectable without a list of
 * first names and stays: the cost of not eating the question's own words.
 */
export function scrubPersonNames(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule, (match, cue: string, candidate: string) => replaceName(match, cue, candidate, SCRUB_TOKENS.name));
  return out;
}
