import { baseFold } from '../text/baseFold';
import { SIZE_BANDS, type SizeBand, sizeBandOf } from './sizeBands';

/** Folded for comparison: no accents, lower case, words separated by one space. */
function fold(text: string): string {
  return baseFold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

const NO = /^(non|nan|no|nope|jamais|pas (d accord|maintenant|question|envie|interesse)|je (ne )?(suis pas d accord|refuse|prefere pas|prefere ne pas|veux pas|ne veux pas)|refuse|surtout pas|plus tard|ne rien garder)( |$)|(^| )ne (le )?(gardez|garde|enregistrez|enregistre) (pas|rien)( |$)/;
const YES = /^(oui|ouais|ouai|o|yes|ok|okay|d accord|dac|j accepte|accepte|je suis d accord|volontiers|bien sur|allez|allons y|vas y|go|c est bon|ca marche|parfait|entendu|enregistre[rz]?|je confirme|confirme[rz]?|valide[rz]?)( |$)/;

/**
 * « Oui » / « Non » and their usual forms, or the words of the two buttons; undefined when it is
 * neither. The refusals are read first: « je ne suis pas d'accord » is no « d'accord ».
 */
export function readYesNo(text: string, buttons: { yes: string; no: string }): boolean | undefined {
  const folded = fold(text);
  if (!folded) return undefined;
  if (folded === fold(buttons.no) || NO.test(folded)) return false;
  if (folded === fold(buttons.yes) || YES.test(folded)) return true;
  return undefined;
}

const SKIP = /^(passer|je passe|on passe|suivant|aucun|aucune|rien|non|pas envie|sans reponse|je prefere ne pas (le )?dire|je prefere pas (le )?dire|je ne prefere pas|secret|confidentiel|je ne sais pas|je sais pas|nsp|aucune idee|peu importe)$/;

/** « passer », « je préfère ne pas le dire » or the button that says so: the answer is left out. */
export function isSkip(text: string, skipButton: string): boolean {
  const folded = fold(text);
  return folded === fold(skipButton) || SKIP.test(folded);
}

const ALONE = /(^| )(seul|seule|tout seul|toute seule|zero|aucun salarie|pas de salarie|pas de salaries|sans salarie|sans salaries|0 salarie|auto entrepreneur|autoentrepreneur|micro entrepreneur|micro entreprise|independant|independante|artisan seul)( |$)/;
/** Head counts said in words; « une vingtaine » is read before « une ». */
const ROUND_COUNTS: Readonly<Record<string, number>> = { dizaine: 10, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100 };
const COUNTS: Readonly<Record<string, number>> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100 };

function countIn(folded: string, counts: Readonly<Record<string, number>>): number | undefined {
  const word = folded.split(' ').find((token) => Object.hasOwn(counts, token));
  return word === undefined ? undefined : counts[word];
}

/** Words that make a number a head count (« 12 compagnons »); a short answer (« on est 12 ») needs none. */
const STAFF = /(^| )(salaries?|salariees?|employes?|employees?|personnes?|collaborateurs?|collaboratrices?|compagnons?|ouvriers?|gars|agents?|techniciens?|effectifs?|etp|sal)( |$)/;
const SHORT_ANSWER_WORDS = 4;
/** « je travaille tout seul », « je suis auto-entrepreneur »: a little longer, still an answer. */
const ALONE_ANSWER_WORDS = 6;

/**
 * The size band of an answer: a button's words, « je suis seul », « 6 salariés », « une vingtaine »,
 * « moins de 10 »; undefined when it says none (a firm of 250 or more has no band either). A number
 * counts only in a short answer or beside a word of staff: « je veux contacter un acheteur » is no
 * head count of one.
 */
export function readSizeBand(text: string, labels: (band: SizeBand) => string): SizeBand | undefined {
  const folded = fold(text);
  for (const band of SIZE_BANDS) if (folded === fold(labels(band))) return band;
  const words = folded.split(' ').length;
  const staff = STAFF.test(folded);
  if (/^(aucun|aucune|personne|moi|juste moi|moi seul|moi seule)$/.test(folded) || (ALONE.test(folded) && (staff || words <= ALONE_ANSWER_WORDS) && !/(^| )pas seule?( |$)/.test(folded))) return '0';
  if (!staff && words > SHORT_ANSWER_WORDS) return undefined;
  const lessThan = /(?:^| )(?:moins de|pas plus de|max|au plus) (\d{1,6})( |$)/.exec(folded);
  if (lessThan) return sizeBandOf(Math.max(0, Number(lessThan[1]) - 1));
  const digits = /(?:^| )(\d{1,6})( |$)/.exec(folded);
  if (digits) return sizeBandOf(Number(digits[1]));
  const count = countIn(folded, ROUND_COUNTS) ?? countIn(folded, COUNTS);
  return count === undefined ? undefined : sizeBandOf(count);
}
