import { type Activity, MessageFactory } from 'botbuilder';
import type { TenderNudge } from '../../src/alerts/NudgeService';
import type { Messages } from '../../src/knowledge/Messages';
import { tenderCard } from './tenderCards';

/**
 * The proactive message of a flagged tender: why the SME gets it (the buyer's signal, their alerts,
 * once), then the tender's own result card, whose « Pourquoi ce marché » says how it fits their
 * profile and whose buttons work as in a search.
 */
export function nudgeActivity(nudge: TenderNudge, messages: Messages, now: Date): Partial<Activity> {
  const text = [messages.text('nudge.intro'), messages.text('nudge.why')].join('\n\n');
  return MessageFactory.attachment(tenderCard({ tender: nudge.tender, reasons: nudge.reasons, example: false }, messages, now), text);
}
