import type { TurnContext } from 'botbuilder';
import type { TenderInterestKind, TenderInterestRecorder } from '../src/insights/types';
import type { Tender } from '../src/tenders';

/**
 * Who is counted once per tender: the channel and the channel's id of the person (stable in Teams;
 * one per conversation in the local web chat, whose server assigns it). The recorder turns it into a
 * per-tender keyed hash at once; nothing else of the turn goes with it.
 */
export function interestUserKey(context: TurnContext): string | undefined {
  const { channelId, from } = context.activity;
  return channelId && from?.id ? `${channelId}:${from.id}` : undefined;
}

/** Notes that this SME saw, opened or started a check for these tenders (each counted once per SME). */
export async function noteInterest(recorder: TenderInterestRecorder, context: TurnContext, kind: TenderInterestKind, tenders: readonly Pick<Tender, 'id' | 'deadlineAt'>[]): Promise<void> {
  const userKey = interestUserKey(context);
  if (!userKey) return;
  await Promise.all(tenders.map((tender) => recorder.record({ tenderId: tender.id, kind, userKey, ...(tender.deadlineAt ? { deadlineAt: tender.deadlineAt } : {}) })));
}
