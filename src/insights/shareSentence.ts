import type { Messages } from '../knowledge/Messages';
import { isExact, type ShownCount } from './smallNumbers';

const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');
const MAX_DENOMINATOR = 10;
const TOLERANCE = 0.05;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A share as people say it: « 1 sur 4 » when the counts reduce to a small fraction (3 of 12),
 * « environ 3 sur 10 » when a small fraction is within 5 % of it (7 of 23), else the counts as they
 * are (2 of 150). Denominators up to 10.
 */
export function simpleFraction(count: number, total: number): { count: number; total: number; about: boolean } {
  if (count <= 0 || total <= 0 || count > total) return { count, total, about: false };
  const divisor = gcd(count, total);
  if (total / divisor <= MAX_DENOMINATOR) return { count: count / divisor, total: total / divisor, about: false };
  const share = count / total;
  for (let denominator = 2; denominator <= MAX_DENOMINATOR; denominator++) {
    const numerator = Math.round(share * denominator);
    if (numerator >= 1 && Math.abs(numerator / denominator - share) <= TOLERANCE * share) return { count: numerator, total: denominator, about: true };
  }
  return { count, total, about: false };
}

/** « 1 dossier sur 4 », « environ 3 dossiers sur 10 », « moins de 3 dossiers sur 40 » (knowledge/messages.json). */
export function shareText(messages: Messages, count: ShownCount, total: number): string {
  if (!isExact(count)) return messages.text('insights.share.fewerThan', { limit: count.lessThan, total: FRENCH_NUMBER.format(total) });
  const fraction = simpleFraction(count, total);
  return messages.text(fraction.about ? 'insights.share.about' : 'insights.share.exact', { count: fraction.count, total: FRENCH_NUMBER.format(fraction.total) });
}

/** A title inside a sentence: « Attestation absente » → « attestation absente », but « SIRET erroné » and rule ids stay. */
export function lowerFirst(title: string): string {
  const [first, second] = [...title];
  if (!first || !second || !/\p{Ll}/u.test(second)) return title;
  return first.toLowerCase() + title.slice(first.length);
}

/** « 1 dossier sur 4 a ce problème : attestation de vigilance trop ancienne ». */
export function rejectionSentence(messages: Messages, count: ShownCount, total: number, title: string): string {
  const agreeWith = isExact(count) ? simpleFraction(count, total).count : count.lessThan;
  return messages.text('insights.rejection.sentence', { share: shareText(messages, count, total), count: agreeWith, title: lowerFirst(title) });
}
