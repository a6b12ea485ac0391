import { SCRUB_TOKENS } from '../tokens';
import { anyOf, START } from '../regexWords';

const NO_DIGIT_BEFORE = String.raw`(?<![\p{N}+])`;
// A time or a count may follow (« 06 12 34 56 78 10h-12h »): only a glued digit ends the match.
const NO_DIGIT_AFTER = String.raw`(?!\p{N})`;

/**
 * +33 6 12 34 56 78, +33(0)6…, 0033 6…, +336…: the country code is cue enough, so the nine digits
 * may be grouped any way.
 */
const FRENCH_INTERNATIONAL = new RegExp(`${NO_DIGIT_BEFORE}(?:\\+|00)\\s?33\\s?(?:\\(\\s?0\\s?\\)\\s?|0\\s?)?[1-9](?:[ .-]?\\d){8}${NO_DIGIT_AFTER}`, 'gu');
/** Other countries: a + then the country code and 6 to 13 more digits (+32 2 123 45 67). */
const OTHER_INTERNATIONAL = new RegExp(`${NO_DIGIT_BEFORE}\\+\\s?[1-9]\\d{0,2}(?:[ .-]?\\(?\\d\\)?){6,13}${NO_DIGIT_AFTER}`, 'gu');
/**
 * 06 12 34 56 78, 06.12.34.56.78, 06-12-34-56-78, 06/12/34/56/78, 06 – 12 – …, 0612345678: pairs
 * with the same separator throughout, so that « le 01.02.2024 10 h » is not taken for a number.
 */
const NATIONAL_PAIRS = new RegExp(`${NO_DIGIT_BEFORE}0[1-9]( ?[-‐‑–—] ?|[ ./_]|)\\d\\d(?:\\1\\d\\d){3}${NO_DIGIT_AFTER}`, 'gu');
/** (04) 66 12 34 56: the area pair in brackets. */
const BRACKETED_PAIR = new RegExp(`\\(0[1-9]\\) ?\\d\\d(?:[ .-]?\\d\\d){3}${NO_DIGIT_AFTER}`, 'gu');
/**
 * A mobile (06, 07) grouped any way with spaces or dots (0612 34 56 78, 06 1234 5678): nobody
 * else's number starts so; a day of June or July followed by a year and an hour is left alone.
 */
const DATE_AHEAD = '(?!0[67]([ ./-])(?:0[1-9]|1[0-2])\\1(?:19|20)\\d\\d)';
const MOBILE_ANY_GROUPING = new RegExp(`${NO_DIGIT_BEFORE}${DATE_AHEAD}0[67](?:[ .]?\\d){8}${NO_DIGIT_AFTER}`, 'gu');
/** Other groupings (06 123 456 78) only after a word saying it is a number. */
const CUE = anyOf(['tél', 'tel', 'tél.', 'tel.', 'téléphone', 'telephone', 'portable', 'mobile', 'fixe', 'numéro', 'numero', 'num', 'n°', 'joignable au', 'joindre', 'contacter', 'contactez-moi', 'contactez-nous', 'appelez', 'appeler', 'rappeler', 'au', 'sms', 'whatsapp']);
const NATIONAL_AFTER_CUE = new RegExp(`(${START}${CUE}\\s?:?\\s?)0[ .-]?[1-9](?:[ .-]?\\d){8}${NO_DIGIT_AFTER}`, 'gu');

export function scrubPhones(text: string): string {
  return text
    .replace(FRENCH_INTERNATIONAL, SCRUB_TOKENS.phone)
    .replace(OTHER_INTERNATIONAL, SCRUB_TOKENS.phone)
    .replace(NATIONAL_PAIRS, SCRUB_TOKENS.phone)
    .replace(BRACKETED_PAIR, SCRUB_TOKENS.phone)
    .replace(MOBILE_ANY_GROUPING, SCRUB_TOKENS.phone)
    .replace(NATIONAL_AFTER_CUE, (_match, cue: string) => `${cue}${SCRUB_TOKENS.phone}`);
}
