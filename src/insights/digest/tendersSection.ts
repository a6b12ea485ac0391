import type { Messages } from '../../knowledge/Messages';
import { countText } from '../labels';
import type { TenderInterestRow } from '../tenderInterest';
import type { TenderFlag } from '../types';
import type { Block, Entry } from './document';
import { frenchDate } from './format';

/** One line per flagged tender (several flags of one tender are one line, dated by the first). */
export function flaggedTenders(flags: readonly TenderFlag[]): { tenderId: string; at: string }[] {
  const first = new Map<string, string>();
  for (const flag of flags) {
    const at = first.get(flag.tenderId);
    if (at === undefined || flag.at < at) first.set(flag.tenderId, flag.at);
  }
  return [...first].map(([tenderId, at]) => ({ tenderId, at })).sort((a, b) => a.at.localeCompare(b.at));
}

/** The tenders their buyers flagged « peu ou pas de réponses locales » in the month, with how many SMEs saw them. */
export function tendersSection(messages: Messages, flags: readonly TenderFlag[], rows: readonly TenderInterestRow[]): Block[] {
  const heading: Block = { kind: 'heading', text: messages.text('insights.digest.tenders.heading') };
  const flagged = flaggedTenders(flags);
  if (flagged.length === 0) return [heading, { kind: 'paragraph', text: messages.text('insights.digest.tenders.none') }];
  const byId = new Map(rows.map((row) => [row.tenderId, row]));
  const entries = flagged.map(({ tenderId, at }): Entry => {
    const row = byId.get(tenderId);
    const flaggedOn = messages.text('insights.digest.tenders.flagged', { date: frenchDate(at) });
    if (!row) return { title: messages.text('insights.digest.tenders.unknown', { id: tenderId }), lines: [flaggedOn] };
    const buyer = row.deadlineAt ? messages.text('insights.digest.tenders.buyer', { buyer: row.buyer, deadline: frenchDate(row.deadlineAt) }) : messages.text('insights.digest.tenders.buyerNoDeadline', { buyer: row.buyer });
    const interest = messages.text('insights.digest.tenders.interest', { seen: countText(messages, row.seen), opened: countText(messages, row.opened), checks: countText(messages, row.checkStarted) });
    return { title: row.title, lines: [buyer, flaggedOn, interest] };
  });
  return [heading, { kind: 'entries', entries }];
}
