import type { Messages } from '../knowledge/Messages';
import type { Cut } from './period';
import { isExact, type ShownCount, SMALL_COUNT_LIMIT } from './smallNumbers';

const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');
const MAX_DENOMINATOR = 10;
const TOLERANCE = 0.05;
/** Up to this many checks, the counts are said as they are: « 2 dossiers sur 4 », not « 1 sur 2 ». */
const SMALL_TOTAL = 10;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A share as people say it: « 1 sur 4 » when the counts reduce to a small fraction (3 of 12),
 * « environ 3 sur 10 » for the nearest small fraction below the whole within 5 % of it (7 of 23), else
 * the counts as they are (2 of 150, 39 of 40). Denominators up to 10.
 */
export function simpleFraction(count: number, total: number): { count: number; total: number; about: boolean } {
  if (count <= 0 || total <= 0 || count > total) return { count, total, about: false };
  const divisor = gcd(count, total);
  if (total / divisor <= MAX_DENOMINATOR) return { count: count / divisor, total: total / divisor, about: false };
  const share = count / total;
  let best: { count: number; total: number; gap: number } | undefined;
  for (let denominator = 2; denominator <= MAX_DENOMINATOR; denominator++) {
    const numerator = Math.round(share * denominator);
    const gap = Math.abs(numerator / denominator - share);
    if (numerator >= 1 && numerator < denominator && gap <= TOLERANCE * share && (!best || gap < best.gap)) best = { count: numerator, total: denominator, gap };
  }
  return best ? { count: best.count, total: best.total, about: true } : { count, total, about: false };
}

/** A share in words, and the number its verb agrees with (« a » or « ont ce problème »). */
interface Share {
  text: string;
  agreeWith: number;
}

/**
 * The words for `count` checks of `total`. Cut finer than a month (smallNumbers.ts), a count of 1
 * or 2 is already « moins de 3 »; the checks *without* the problem are a cell too, so 1 or 2 of
 * them are not told either (« presque tous »). Few checks are counted as they are: « 1 dossier sur
 * 1 » reads as a statistic when it is one firm.
 */
function shareOf(messages: Messages, count: ShownCount, total: number, cut: Cut): Share {
  const number = FRENCH_NUMBER.format(total);
  if (!isExact(count)) {
    if (total < SMALL_TOTAL) return { text: messages.text('insights.share.partOf', { total: number }), agreeWith: 1 };
    return { text: messages.text('insights.share.fewerThan', { limit: count.lessThan, total: number }), agreeWith: count.lessThan };
  }
  if (count === total) return { text: messages.text('insights.share.all', { total }), agreeWith: total };
  if (cut === 'finer' && total - count < SMALL_COUNT_LIMIT) return { text: messages.text('insights.share.almostAll', { total: number }), agreeWith: total };
  const fraction = total <= SMALL_TOTAL ? { count, total, about: false } : simpleFraction(count, total);
  return {
    text: messages.text(fraction.about ? 'insights.share.about' : 'insights.share.exact', { count: fraction.count, total: FRENCH_NUMBER.format(fraction.total) }),
    agreeWith: fraction.count,
  };
}

/** « 1 dossier sur 4 », « environ 3 dossiers sur 10 », « les 3 dossiers vérifiés », « moins de 3 dossiers sur 40 » (knowledge/messages.json). */
export function shareText(messages: Messages, count: ShownCount, total: number, cut: Cut = 'month'): string {
  return shareOf(messages, count, total, cut).text;
}

/** A title inside a sentence: « Attestation absente » → « attestation absente », but « SIRET erroné » and rule ids stay. */
export function lowerFirst(title: string): string {
  const [first, second] = [...title];
  if (!first || !second || !/\p{Ll}/u.test(second)) return title;
  return first.toLowerCase() + title.slice(first.length);
}

/** « 1 dossier sur 4 a ce problème : attestation de vigilance trop ancienne ». */
export function rejectionSentence(messages: Messages, count: ShownCount, total: number, title: string, cut: Cut = 'month'): string {
  const share = shareOf(messages, count, total, cut);
  return messages.text('insights.rejection.sentence', { share: share.text, count: share.agreeWith, title: lowerFirst(title) });
}
