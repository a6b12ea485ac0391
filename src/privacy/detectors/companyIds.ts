import { SCRUB_TOKENS } from '../tokens';
import { anyOf, END, START } from '../regexWords';
import { siretValid, sirenValid } from '../luhn';

/** Not the middle of a longer grouped number (« 1 216 000 000 »). */
const BEFORE = String.raw`(?<!\p{N}|\p{N}[ .,])`;
const AFTER = String.raw`(?!\p{N}|[ .,]\p{N}{3}(?!\p{N}))`;
const SEP = '[ .]?';

/** « SIRET », « n° SIREN : », « mon siret c'est » just before: the user says what it is, key or no key. */
const ID_CUE = new RegExp(`${anyOf(['siret', 'siren', 'rcs', 'immatriculée', 'immatriculé', 'immatriculation'])}[^\\p{L}\\p{N}]{0,4}(?:[\\p{L}'’°]+[^\\p{L}\\p{N}]{1,3}){0,2}$`, 'u');
/** An amount or a quantity, not an identifier: « 216 000 000 € », « 123 456 789,50 euros HT ». */
const UNIT_AFTER = new RegExp(`^(?:[.,]\\d{1,2})?\\s?(?:€|\\$|£|${anyOf(['euros', 'euro', 'eur', 'ht', 'ttc', 'k€', 'm€', 'habitants', 'salariés', 'personnes', 'heures', 'jours', 'pages', 'km', 'm²', 'm2', 'm3', 'kg', 'tonnes', 'lignes', 'exemplaires', 'pièces', 'unités'])}${END})`, 'u');
const AMOUNT_CUE = new RegExp(`${START}${anyOf(['montant', 'budget', 'coût', 'cout', 'prix', "chiffre d'affaires", 'ca', 'enveloppe', 'valeur', 'estimé', 'estimée', 'estimation', 'total', 'somme', 'plafond', 'seuil'])}${END}[^.!?]{0,20}$`, 'u');

function cuedBefore(text: string, offset: number): boolean {
  return ID_CUE.test(text.slice(Math.max(0, offset - 30), offset));
}

function looksLikeAmount(text: string, offset: number, match: string): boolean {
  const after = text.slice(offset + match.length, offset + match.length + 16);
  // Round figures (« 216 000 000 ») are amounts; a real SIREN ends in 000 once in a thousand.
  return UNIT_AFTER.test(after) || AMOUNT_CUE.test(text.slice(Math.max(0, offset - 40), offset)) || /000$/.test(match);
}

/**
 * SIRET (14 digits, 3-3-3-5) and SIREN (9 digits, 3-3-3), spaced or not. The Luhn key keeps
 * amounts: a number is scrubbed when its key is right and nothing says it is an amount, or when
 * « SIRET »/« SIREN » announces it (a mistyped key included).
 */
const SIRET = new RegExp(`${BEFORE}\\d{3}${SEP}\\d{3}${SEP}\\d{3}${SEP}(?:\\d{5}|\\d{3}${SEP}\\d{2}|\\d{2}${SEP}\\d{3})${AFTER}`, 'gu');
const SIREN = new RegExp(`${BEFORE}\\d{3}${SEP}\\d{3}${SEP}\\d{3}${AFTER}`, 'gu');
/** Intra-community VAT number: FR, a two-digit key, the SIREN (FR 12 345678901). */
const VAT = new RegExp(`${START}[Ff][Rr]\\s?(\\d{2})\\s?(\\d{3}${SEP}\\d{3}${SEP}\\d{3})${AFTER}`, 'gu');

function identifier(token: string, valid: (digits: string) => boolean) {
  return (match: string, offset: number, text: string): string => {
    if (cuedBefore(text, offset)) return token;
    return valid(match.replace(/\D/g, '')) && !looksLikeAmount(text, offset, match) ? token : match;
  };
}

function vatNumber(match: string, key: string, siren: string): string {
  const digits = siren.replace(/\D/g, '');
  const expected = (12 + 3 * (Number(digits) % 97)) % 97;
  return Number(key) === expected || sirenValid(digits) ? SCRUB_TOKENS.vat : match;
}

export function scrubCompanyIds(text: string): string {
  return text.replace(VAT, vatNumber).replace(SIRET, identifier(SCRUB_TOKENS.siret, siretValid)).replace(SIREN, identifier(SCRUB_TOKENS.siren, sirenValid));
}
