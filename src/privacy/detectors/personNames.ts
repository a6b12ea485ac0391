import { SCRUB_TOKENS } from '../tokens';
import { anyOf, END, foldWord, NOT_FULL_NAME_WORDS, PERSON_CAP_WORD, PERSON_WORD, START, splitAtNotName } from '../regexWords';
import { scrubListedFirstNames } from './listedFirstNames';

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
const CAP_INTRODUCTIONS = anyOf(['de la part de', 'signé', 'signée', 'signé par', 'signée par', 'contact :', 'interlocuteur :', 'interlocutrice :', 'référent :', 'référente :']);
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
/** « Jean Dupont, gérant de … »: a first name and a surname (two or three words) before the role they hold in a firm. */
const FULL_NAME = String.raw`${PERSON_CAP_WORD}(?:(?:\s+|\s*-\s*)(?:${anyOf(['de la', 'de', 'du', 'des', "d'"])}\s*)?${PERSON_CAP_WORD}){1,2}`;
const FIRM_ROLES = anyOf(['gérant', 'gérante', 'cogérant', 'cogérante', 'co-gérant', 'co-gérante', 'patron', 'patronne', 'dirigeant', 'dirigeante', 'fondateur', 'fondatrice']);
/** … or before the firm it comes from: « Jean Dupuis de chez Dupuis Plomberie ». */
const ROLE_AFTER = String.raw`(?=\s*[,(–—-]?\s*${FIRM_ROLES}\s+(?:${anyOf(['de', 'du', 'des', 'chez'])}${END}|${anyOf(["d'"])})|\s*,?\s*${COMPANY_CUE}${END})`;

/** The name before a role, unless one of its words is a place, a trade or a firm's. */
function fullNameBeforeRole(match: string, cue: string, candidate: string): string {
  if (candidate.split(/[\s'’-]+/u).some((word) => NOT_FULL_NAME_WORDS.has(foldWord(word)))) return match;
  return replaceName(match, cue, candidate, SCRUB_TOKENS.name);
}

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

const FULL_NAME_BEFORE_ROLE = new RegExp(`(${START})(${FULL_NAME})${ROLE_AFTER}`, 'gu');

/**
 * Person names where the sentence gives them away: an introduction, a civility, a signature, the
 * role a full name holds in a firm (« Jean Dupont, gérant de … »); then, anywhere, a listed first
 * name with its surname or after a word saying someone was met (« j'ai eu Sophie au téléphone »).
 * A surname alone, or a first name outside the list, with no cue stays: the cost of not eating the
 * question's own words.
 */
export function scrubPersonNames(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule, (match, cue: string, candidate: string) => replaceName(match, cue, candidate, SCRUB_TOKENS.name));
  return scrubListedFirstNames(out.replace(FULL_NAME_BEFORE_ROLE, fullNameBeforeRole), SCRUB_TOKENS.name);
}
