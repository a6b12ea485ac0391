import type { Messages } from '../../knowledge/Messages';
import { monthOfDay, parisDay } from '../calendar';
import type { Block } from './document';
import { clip, quoted } from './format';
import type { Testimony } from './types';

export const TOP_TESTIMONIES = 3;
const TESTIMONY_CHARS = 600;

/** The testimonies given in the month (Paris time), the most recent first. */
export function testimoniesOfMonth(testimonies: readonly Testimony[], month: string): Testimony[] {
  return testimonies
    .filter((testimony) => {
      const day = parisDay(testimony.at);
      return day !== undefined && monthOfDay(day) === month;
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** A few of the month's testimonies in the SMEs' own words, signed with their trade and size band only. */
export function testimoniesSection(messages: Messages, testimonies: readonly Testimony[]): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.testimonies.heading') };
  const usable = testimonies.filter((testimony) => testimony.text.trim() !== '');
  const shown = usable.slice(0, TOP_TESTIMONIES);
  if (shown.length === 0) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.testimonies.none') }];
  const quotes = shown.map((testimony): Block => {
    const who = [testimony.trade, testimony.sizeBand].filter((part): part is string => !!part?.trim()).join(', ') || messages.text('insights.digest.testimonies.anonymous');
    // No day: beside a trade, the day a firm spoke could tell a buyer which firm it was.
    return { kind: 'quote', text: quoted(clip(testimony.text, TESTIMONY_CHARS)), by: who };
  });
  const rest = usable.length - shown.length;
  return [heading, ...quotes, ...(rest > 0 ? [{ kind: 'paragraph', text: messages.text('insights.digest.testimonies.more', { count: rest }), muted: true } as const] : [])];
}
