import { type Activity, MessageFactory } from 'botbuilder';
import type { TenderNudge } from '../../src/alerts/NudgeService';
import type { Messages } from '../../src/knowledge/Messages';
import { tenderCard } from './tenderCards';

/** Reasons quoted in the text; the card shows them all. */
const REASONS_IN_TEXT = 2;

/**
 * The proactive message of a flagged tender: why the SME gets it (the buyer's signal, their profile,
 * their alerts, once), then the tender's own result card — its buttons work as in a search.
 */
export function nudgeActivity(nudge: TenderNudge, messages: Messages, now: Date): Partial<Activity> {
  const reasons = nudge.reasons.slice(0, REASONS_IN_TEXT).join(' ; ');
  const text = [messages.text('nudge.intro', { reasons }), messages.text('nudge.why')].join('\n\n');
  return MessageFactory.attachment(tenderCard({ tender: nudge.tender, reasons: nudge.reasons, example: false }, messages, now), text);
}
