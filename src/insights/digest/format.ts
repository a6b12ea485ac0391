import type { Messages } from '../../knowledge/Messages';
import { countText } from '../labels';
import { isExact, type ShownCount } from '../smallNumbers';
import type { Bar } from './document';

const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const FRENCH_PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** « 3 décembre 2026 », in Paris time. */
export function frenchDate(at: string | Date): string {
  return FRENCH_DATE.format(typeof at === 'string' ? new Date(at) : at);
}

/** « 25 % » (narrow no-break space, as Intl writes it for fr-FR). */
export function percentText(share: number): string {
  return FRENCH_PERCENT.format(share);
}

/** The number a plural agrees with: « moins de 3 » takes the plural, like 3. */
export function agreement(count: ShownCount): number {
  return isExact(count) ? count : count.lessThan;
}

/** A bar for a protected count: exact, or dashed up to the limit and labelled « moins de 3 ». */
export function countBar(messages: Messages, label: string, count: ShownCount): Bar {
  return { label, value: agreement(count), text: countText(messages, count), protected: !isExact(count) };
}

/** A long text cut at a word, with an ellipsis: questions and testimonies have no length limit of their own. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** « « question » », the way a question asked by someone is quoted in French. */
export function quoted(text: string): string {
  return `« ${text} »`;
}
