/**
 * Building blocks of the detectors' regular expressions. JavaScript's `\b` only knows ASCII, and the
 * `i` flag makes `\p{Lu}` match lower case too, so capitalisation is spelled out where it matters.
 */

/** A word of letters (accents, inner apostrophes and hyphens: « Lefèvre », « d'Arc », « Saint-Gilles »). */
export const WORD = String.raw`\p{L}[\p{L}\p{M}'’-]*`;
/** A capitalised word or an all-capitals one (« Dupont », « DUPONT »). */
export const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** Not preceded / followed by a letter or digit (a Unicode-aware `\b`). */
export const START = String.raw`(?<![\p{L}\p{N}_])`;
export const END = String.raw`(?![\p{L}\p{N}_])`;

/** Case-insensitive spelling of a phrase, leaving the rest of the expression case-sensitive. */
export function ci(phrase: string): string {
  return [...phrase]
    .map((char) => {
      if (char === ' ') return String.raw`\s+`;
      if (char === "'") return `['’]`;
      if (/[.+*?()[\]{}|^$\\/]/.test(char)) return `\\${char}`;
      const upper = char.toUpperCase();
      const lower = char.toLowerCase();
      return upper === lower ? char : `[${lower}${upper}]`;
    })
    .join('');
}

/** Any of the phrases, case-insensitively, as one non-capturing group. */
export function anyOf(phrases: readonly string[]): string {
  return `(?:${[...phrases].sort((a, b) => b.length - a.length).map(ci).join('|')})`;
}

/** Words inside a name or a street name: « Jean de La Fontaine », « rue de la République ». */
export const PARTICLES = ['de', 'du', 'des', 'la', 'le', 'les', "l'", "d'", 'aux', 'au', 'à', 'sur', 'sous', 'lès', 'lez', 'et'];

/**
 * Words that end a name or a street: the question goes on. Kept to words that never are a
 * surname or a street's name in the way people type them.
 */
export const STOP_WORDS = [
  'et', 'ou', 'mais', 'donc', 'car', 'ni', 'or', 'si', 'que', 'qui', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'comment',
  'pourquoi', 'quand', 'combien', 'est', "c'est", 'sont', 'suis', 'es', 'ai', 'as', 'a', 'avez', 'avons', 'ont', 'je', "j'", 'tu',
  'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'ce', 'ça', 'ca', 'cela', 'cet', 'cette', 'ces', 'mon',
  'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'votre', 'nos', 'vos', 'leur', 'leurs', 'un', 'une', 'pour',
  'par', 'avec', 'sans', 'dans', 'chez', 'vers', 'en', 'y', 'ne', 'pas', 'plus', 'peut', 'peux', 'puis', 'dois', 'doit',
  'faut', 'veux', 'voudrais', 'aimerais', 'merci', 'bonjour', 'bonsoir', 'salut', 'svp', 'stp', 'cordialement', 'voilà',
  'voila', 'moi', 'toi', 'lui', 'eux', 'depuis', 'pendant', 'avant', 'après', 'apres', 'tel', 'tél', 'tél.', 'portable', 'mail', 'email', 'courriel',
];

const STOP = anyOf(STOP_WORDS);
/** A word that is not a stop word. */
export const NAME_WORD = `(?!${STOP}${END})${WORD}`;
export const NAME_CAP_WORD = `(?!${STOP}${END})${CAP_WORD}`;
export const PARTICLE = anyOf(PARTICLES);
/** A word of a person's name: not a stop word, not a particle, not « l'acheteur ». */
export const PERSON_WORD = `(?!${STOP}${END}|${PARTICLE}${END}|[lLdD]['’])${WORD}`;
export const PERSON_CAP_WORD = `(?!${STOP}${END}|${PARTICLE}${END}|[lLdD]['’])${CAP_WORD}`;

/** Folded for comparisons: no accents, lower case. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const TRAILING_PARTICLES = new RegExp(`(?:[\\s-]+${PARTICLE})*[\\s-]*$`, 'u');

function notName(word: string): boolean {
  return NOT_NAMES.has(foldWord(word.replace(/['’.,]+$/, ''))) || /\d/.test(word);
}

/**
 * Splits a candidate name where the words of the question begin (« Sophie Durand | de Nîmes
 * Métropole »): `name` is empty when the candidate starts with one (« Merci | Nîmes Métropole »).
 */
export function splitAtNotName(candidate: string): { name: string; rest: string } {
  for (const word of candidate.matchAll(/[^\s-]+/gu)) {
    if (!notName(word[0])) continue;
    const name = candidate.slice(0, word.index).replace(TRAILING_PARTICLES, '');
    return { name, rest: candidate.slice(name.length) };
  }
  return { name: candidate, rest: '' };
}

/**
 * Words that look like a name after « c'est », « merci », « M. »… but are the subject of the
 * question: procurement acronyms, institutions and places of the Gard the FAQ talks about.
 * Compared folded (no accents, lower case).
 */
export const NOT_NAMES = new Set([
  'dume', 'dc1', 'dc2', 'dc4', 'noti1', 'noti2', 'attri1', 'kbis', 'urssaf', 'chorus', 'pro', 'place', 'boamp', 'joue', 'ted',
  'ugap', 'achatpublic', 'maximilien', 'marches', 'marche', 'publics', 'public', 'publique', 'cci', 'cma', 'gard', 'nimes', 'metropole',
  'ales', 'uzes', 'bagnols', 'beaucaire', 'vauvert', 'occitanie', 'region', 'departement', 'departemental', 'conseil', 'mairie',
  'ville', 'agglo', 'agglomeration', 'communaute', 'commune', 'prefecture', 'etat', 'france', 'bpi', 'bpifrance', 'qualibat',
  'rge', 'qualifelec', 'afnor', 'iso', 'excel', 'word', 'pdf', 'zip', 'teams', 'ccag', 'ccap', 'cctp', 'bpu', 'dpgf', 'dqe',
  'mapa', 'tva', 'siret', 'siren', 'iban', 'rib', 'pme', 'tpe', 'dgfip', 'ademe', 'insee', 'infogreffe', 'sirene', 'europe',
  'union', 'europeenne', 'code', 'commande', 'docusign', 'yousign', 'certinomis', 'chambersign', 'eidas', 'rgs', 'dematis',
  'ha30', 'club', 'acheteurs', 'acheteur',
]);

/**
 * Capitalised words before « , gérant de » that are no one's name: the Gard's towns in two words
 * (« Saint Gilles », « Pont Saint Esprit », « Grau du Roi »), trades and firms (« Plomberie
 * Générale »), and what a sentence starts with. Compared folded.
 */
export const NOT_FULL_NAME_WORDS = new Set([
  'saint', 'sainte', 'st', 'ste', 'pont', 'port', 'mont', 'val', 'mas', 'grau', 'aigues', 'villeneuve', 'vers', 'les', 'pays', 'cevennes', 'camargue', 'vidourle', 'rhone', 'cedex',
  'plomberie', 'maconnerie', 'menuiserie', 'electricite', 'charpente', 'couverture', 'peinture', 'nettoyage', 'chauffage', 'serrurerie', 'carrelage', 'terrassement',
  'batiment', 'travaux', 'renovation', 'espaces', 'verts', 'paysage', 'transports', 'transport', 'services', 'service', 'etudes', 'ingenierie', 'construction', 'genie', 'civil',
  'metallerie', 'toiture', 'isolation', 'climatisation', 'multiservices', 'informatique', 'generale', 'general', 'entreprise', 'societe', 'groupe', 'atelier', 'ateliers', 'freres',
  'jeune', 'nouveau', 'nouvelle', 'ancien', 'ancienne', 'actuellement', 'aujourd', 'directeur', 'directrice', 'bureau', 'achats', 'direction', 'madame', 'monsieur',
]);
