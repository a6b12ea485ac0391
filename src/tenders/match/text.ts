import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { baseFold } from '../../text/baseFold';

/**
 * French text → stems for matching. Accents and case are folded *before* stemming: an SME types
 * "chaudieres" as often as "chaudières", and the French Porter stemmer gives them different stems
 * if the accents stay. A cache keeps the index build linear: a catalogue of 100,000
 * notices repeats a few tens of thousands of distinct words.
 */
const stemCache = new Map<string, string>();
const STOP = new Set(
  [
    'de', 'des', 'du', 'la', 'le', 'les', 'un', 'une', 'et', 'ou', 'a', 'au', 'aux', 'en', 'pour', 'par', 'sur', 'dans', 'avec',
    'sans', 'd', 'l', 'qu', 'que', 'qui', 'ce', 'ces', 'cet', 'cette', 'son', 'sa', 'ses', 'leur', 'leurs', 'est', 'sont', 'je',
    'suis', 'nous', 'vous', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'il', 'elle', 'on', 'y', 'se', 's', 'n', 'ne',
    'pas', 'plus', 'tout', 'tous', 'toute', 'toutes', 'lot', 'lots', 'marche', 'marches', 'public', 'publics', 'commune', 'ville',
    'prestations', 'prestation', 'objet', 'consultation', 'accord', 'cadre', 'relatif', 'relatifs', 'relative', 'concernant',
    'divers', 'diverses', 'etc', 'entreprise', 'societe', 'sarl', 'sas', 'salaries', 'salarie', 'personnes',
  ].map((word) => word),
);

/** The stem of one lower-cased word, or '' for a stop word (both cached). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const folded = baseFold(word);
    stem = STOP.has(folded) ? '' : PorterStemmerFr.stem(folded);
    if (stem.length < 2) stem = '';
    if (stemCache.size < 500_000) stemCache.set(word, stem);
  }
  return stem;
}

/** Words of a text, lower-cased, elisions split ("l'école" → "école"); digits are not words. */
export function words(text: string): string[] {
  // split() allocates one array of strings; matchAll would allocate a match object per word.
  return text
    .toLowerCase()
    .split(/[^a-zà-öø-ÿœæ]+/)
    .filter((word) => word.length > 1);
}

export function stems(text: string): string[] {
  return words(text).map(stemWord).filter((stem) => stem.length > 0);
}

/**
 * The stemmer leaves trade families apart ("plombier" → plombi, "plomberie" → plomber;
 * "menuisier" / "menuiserie"): a second, lighter term made of the stem's first five letters joins
 * them. It is weighted down (PREFIX_WEIGHT) because it also joins unrelated words.
 */
export const PREFIX_LENGTH = 5;
export const PREFIX_WEIGHT = 0.5;
export function prefixTerm(stem: string): string | undefined {
  return stem.length > PREFIX_LENGTH ? `~${stem.slice(0, PREFIX_LENGTH)}` : undefined;
}
