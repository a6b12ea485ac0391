import { FIRST_NAMES } from '../lists/firstNames';
import { foldWord, NOT_FULL_NAME_WORDS, NOT_NAMES, PARTICLES, STOP_WORDS } from '../regexWords';

const FIRST = new Set(FIRST_NAMES.map(foldWord));
const STOP = new Set([...STOP_WORDS, ...PARTICLES].map(foldWord));

/**
 * Listed first names that are also French words in lower case (« mur en pierre », « filet de
 * colin », « une église romane »): typed in lower case they are read as words, even after a cue.
 */
const LOWER_CASE_WORDS = new Set(
  [
    'pierre', 'olivier', 'marc', 'jean', 'colin', 'clement', 'claire', 'aurore', 'marine', 'flore', 'iris', 'jade', 'ambre', 'capucine',
    'melodie', 'clemence', 'marguerite', 'romane', 'lino', 'anis', 'amine', 'nadir', 'auguste', 'sylvestre',
  ].map(foldWord),
);

/**
 * What a building, a street or a place is named after (« collège Jean Moulin », « salle Marie
 * Curie », « Saint Gilles », « une Renault Mégane »): a listed name right after one of these, or
 * after one and the words that qualify it (« groupe scolaire », « salle de sport »), is no one's.
 */
const NAMED_AFTER = new Set(
  [
    'collège', 'college', 'lycée', 'lycee', 'école', 'ecole', 'maternelle', 'élémentaire', 'primaire', 'scolaire', 'salle', 'stade', 'gymnase',
    'rue', 'avenue', 'av', 'place', 'boulevard', 'bd', 'allée', 'allées', 'chemin', 'impasse', 'quai', 'cours', 'square', 'parc', 'jardin',
    'jardins', 'espace', 'centre', 'complexe', 'piscine', 'médiathèque', 'bibliothèque', 'théâtre', 'halle', 'halles', 'maison', 'foyer',
    'crèche', 'hôpital', 'clinique', 'résidence', 'ehpad', 'musée', 'institut', 'fondation', 'pont', 'port', 'rond-point', 'quartier', 'cité',
    'lotissement', 'hameau', 'domaine', 'palais', 'parking', 'aéroport', 'gare', 'campus', 'université', 'faculté', 'iut', 'caserne',
    'gendarmerie', 'mas', 'château', 'clos', 'villa', 'bastide', 'boulodrome', 'arènes', 'auditorium', 'amphithéâtre', 'amphi', 'pavillon', 'prix', 'promotion', 'association',
    'saint', 'sainte', 'st', 'ste', 'san', 'santa', 'sant', 'são', 'sao', 'notre-dame',
    'renault', 'peugeot', 'citroën', 'citroen', 'dacia', 'toyota', 'fiat', 'opel', 'volkswagen', 'ford', 'nissan', 'kia', 'seat',
  ].map(foldWord),
);
/** Words between a kind of building and its name: « groupe scolaire », « salle de sport », « centre hospitalier ». */
const QUALIFIERS = new Set(
  [
    'de', 'du', 'des', "d'", 'la', 'le', 'les', 'municipal', 'municipale', 'public', 'publique', 'privé', 'privée', 'professionnel',
    'professionnelle', 'polyvalent', 'polyvalente', 'omnisports', 'sport', 'sports', 'sportif', 'culturel', 'culturelle', 'social', 'sociale',
    'hospitalier', 'hospitalière', 'technique', 'agricole', 'général', 'générale', 'intercommunal', 'intercommunale', 'communal', 'communale',
    'départemental', 'départementale', 'régional', 'régionale', 'universitaire', 'nautique', 'aquatique', 'fêtes', 'jeunesse', 'loisirs',
    'socio-culturel', 'socioculturel', 'rural', 'rurale', 'spectacle', 'spectacles', 'conférence', 'conférences', 'réunion', 'réunions',
  ].map(foldWord),
);

/** Also take a name typed in lower case (« vu avec thomas », « bonjour karim »). */
const LOWER_CASE_CUES = new Set(
  ['avec', 'eu', 'appelé', 'appelée', 'rappelé', 'rappelée', 'appelle', 'appeler', 'rappeler', 'contacté', 'contactée', 'contacter', 'vu', 'vue', 'bonjour', 'bonsoir', 'salut', 'coucou', 'hello', 'merci'].map(foldWord),
);
/**
 * After these, a listed first name alone is the person the user talked to, thanks or greets
 * (« j'ai eu Sophie », « avec Jean-Marc », « Bonjour Sophie »); « à », « de », « par » only
 * before a capitalised one: they precede too many words.
 */
const CUES = new Set([...LOWER_CASE_CUES, ...['à', 'a', 'selon', 'par', 'de', 'pour'].map(foldWord)]);
/** A name follows a name: « avec Karim et Sophie », « Sophie, Paul et Anne ». */
const LIST_JOINS = new Set(['et', 'ou']);
/** Acronyms a question puts after a first name that are no surname (« Marie CHU »): also any all-capitals word of three letters or less. */
const ACRONYMS = new Set(['chu', 'sdis', 'ccas', 'cias', 'epci', 'sivom', 'sivu', 'sdei', 'syded', 'smeg', 'opc', 'btp', 'vrd', 'cvc', 'moe', 'moa', 'amo', 'cnil', 'rgpd', 'ehpad', 'sncf', 'edf', 'gdf', 'enedis', 'grdf', 'crous', 'caf', 'cpam', 'msa', 'dreal', 'ddtm']);

/** Capitalised words of an institution's name after a first name (« la Marine Nationale »). */
const INSTITUTION_WORDS = new Set(['nationale', 'national', 'nationaux', 'francaise', 'francais', 'republique', 'municipale', 'municipal', 'hospitalier', 'universitaire']);

/** What a person said or did: « Pierre m'a dit », « Sophie ne répond pas », « Karim nous a envoyé ». */
const DEEDS = new Set(['dit', 'disait', 'repond', 'repondait', 'ne', 'refuse', 'pense', 'explique', 'conseille', 'confirme', 'veut', 'voulait']);
const DEED_AFTER_A = new Set(['dit', 'repondu', 'appele', 'rappele', 'conseille', 'explique', 'envoye', 'renvoye', 'confirme', 'refuse', 'demande', 'signe', 'promis', 'assure', 'precise', 'ecrit', 'transmis']);

/** Elided article or pronoun glued to a word: « d'Isabelle », « qu'Antonio », « j'ai ». */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/iu;
const TOKEN = /\[[^\]\s]*\]|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

interface Token {
  /** The word without an elided article (« Isabelle » of « d'Isabelle »). */
  word: string;
  folded: string;
  start: number;
  end: number;
  /** What precedes the token since the previous one. */
  gap: string;
  /** The elided article or pronoun glued in front (« d' »), or ''. */
  elision: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const found = ELISION.exec(raw);
    const elision = found && raw.length > found[0].length ? found[0] : '';
    const start = match.index + elision.length;
    const word = raw.slice(elision.length);
    tokens.push({ word, folded: foldWord(word), start, end: match.index + raw.length, gap: text.slice(last, match.index), elision });
    last = match.index + raw.length;
  }
  return tokens;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isLowerCase = (word: string) => /^[\p{Ll}\p{M}'’-]+$/u.test(word);
const isAllCapitals = (word: string) => /^[\p{Lu}\p{M}'’-]+$/u.test(word);
const spaceOnly = (gap: string) => /^\s+$/u.test(gap);

/** « Jean-Marc », « Marie-Hélène », « HÉLÈNE », and a compound of listed names (« Jean-Kévin »). */
function isFirstName(folded: string): boolean {
  return FIRST.has(folded) || (folded.includes('-') && folded.split('-').every((part) => FIRST.has(part)));
}

/** Capitalised or all in capitals, never « JeanMarc ». */
function looksLikeName(word: string): boolean {
  return isCapitalised(word) && (isAllCapitals(word) || /^\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}[\p{Ll}\p{M}'’]*)*$/u.test(word));
}

function namedAfterSomething(tokens: readonly Token[], at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 4; i--) {
    if (!spaceOnly(tokens[i + 1].gap) && tokens[i + 1].gap !== '-') return false;
    if (NAMED_AFTER.has(tokens[i].folded)) return true;
    if (!QUALIFIERS.has(tokens[i].folded)) return false;
  }
  return false;
}

/** A capitalised word that can be a surname: « Martin », « DURAND-ROUX », « El » of « El Amrani », « D'Angelo ». */
function isSurname(token: Token): boolean {
  const { word, folded } = token;
  if ((token.elision && !/^[DL]['’]$/u.test(token.elision)) || !isCapitalised(word) || /\p{N}/u.test(word) || word.startsWith('[')) return false;
  if (STOP.has(folded) || NOT_NAMES.has(folded) || NOT_FULL_NAME_WORDS.has(folded) || INSTITUTION_WORDS.has(folded) || ACRONYMS.has(folded)) return false;
  return !(isAllCapitals(word) && word.length <= 3 && !isFirstName(folded));
}

function cuedBefore(tokens: readonly Token[], at: number, scrubbed: ReadonlySet<number>, lowerCase: boolean, token: string): boolean {
  // « le mail d'Isabelle »: the elided « de ».
  if (/^[dD]['’]$/u.test(tokens[at].elision)) return !lowerCase;
  const previous = tokens[at - 1];
  if (!previous || !spaceOnly(tokens[at].gap)) return false;
  if (!lowerCase && (scrubbed.has(at - 1) || previous.word === token) && /^\s*,\s*$/u.test(tokens[at].gap)) return true;
  if (LIST_JOINS.has(previous.folded) && at >= 2 && (scrubbed.has(at - 2) || tokens[at - 2].word === token)) return true;
  return (lowerCase ? LOWER_CASE_CUES : CUES).has(previous.folded);
}

/** « Pierre m'a dit », « Sophie ne répond pas », « Karim a confirmé », « Anne nous a envoyé ». */
function deedAfter(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!next || !spaceOnly(next.gap)) return false;
  if (/^[mn]['’]$/iu.test(next.elision)) return ['a', 'avait', 'ont', 'est', 'etait'].includes(next.folded);
  if (DEEDS.has(next.folded)) return true;
  const then = tokens[at + 2];
  const thenDeed = then !== undefined && spaceOnly(then.gap) && DEED_AFTER_A.has(then.folded);
  if (['a', 'avait'].includes(next.folded)) return thenDeed;
  if (['nous', 'vous', 'me', 'lui'].includes(next.folded) && then && spaceOnly(then.gap)) {
    if (['a', 'avait'].includes(then.folded)) return DEED_AFTER_A.has(tokens[at + 3]?.folded ?? '');
    return DEEDS.has(then.folded);
  }
  return false;
}

/**
 * Person names with no cue but a listed first name: « j'ai eu Pierre Martin au téléphone »,
 * « Sophie Durand du service achats », « merci à Karim BENALI », « avec Jean-Marc », typed on a
 * phone (« vu avec thomas »). A capitalised first name and one or two capitalised surname words go
 * anywhere; a first name alone only after a word saying someone was met, called or thanked, or
 * before what the person said or did (« Pierre m'a dit », « Sophie ne répond pas »). Names
 * of buildings, streets and towns (« collège Jean Moulin », « Saint Gilles ») stay.
 */
export function scrubListedFirstNames(text: string, token: string): string {
  const tokens = tokenize(text);
  const spans: { start: number; end: number }[] = [];
  const scrubbed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const current = tokens[i];
    if (!isFirstName(current.folded)) continue;
    if (namedAfterSomething(tokens, i)) {
      // The whole name goes with it: « lycée Jean Baptiste Dumas », not « lycée Jean [nom] ».
      while (tokens[i + 1] && spaceOnly(tokens[i + 1].gap) && isSurname(tokens[i + 1])) i++;
      continue;
    }
    if (looksLikeName(current.word)) {
      let last = i;
      while (last - i < 2 && tokens[last + 1] && spaceOnly(tokens[last + 1].gap) && isSurname(tokens[last + 1])) last++;
      if (last > i || cuedBefore(tokens, i, scrubbed, false, token) || deedAfter(tokens, i)) {
        spans.push({ start: current.start, end: tokens[last].end });
        for (let j = i; j <= last; j++) scrubbed.add(j);
        i = last;
      }
    } else if (isLowerCase(current.word) && !LOWER_CASE_WORDS.has(current.folded) && cuedBefore(tokens, i, scrubbed, true, token)) {
      spans.push({ start: current.start, end: current.end });
      scrubbed.add(i);
    }
  }
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + token;
    from = span.end;
  }
  return out + text.slice(from);
}
