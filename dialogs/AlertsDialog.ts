import { MessageFactory, type StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AlertCommand } from '../src/alerts/alertCommands';
import { type AlertService, subscriptionIdOf } from '../src/alerts/AlertService';
import { storedReferenceOf } from '../src/alerts/ProactiveSender';
import type { AlertRoute } from '../src/alerts/types';
import type { Messages } from '../src/knowledge/Messages';
import { sharedCpvCatalogue } from '../src/tenders/match/cpv';
import { parseProfile } from '../src/tenders/match/profile';
import type { SmeProfile } from '../src/tenders/profileState';

export const ALERTS_DIALOG = 'AlertsDialog';

const PROFILE_FIELDS: readonly (keyof SmeProfile)[] = ['activity', 'cpv', 'departments', 'natures', 'employees', 'turnover', 'certifications'];

export interface AlertsDialogOptions {
  command: AlertCommand;
}

export interface AlertsDialogDeps {
  messages: Messages;
  /** Absent when the server runs without the tender catalogue: the user is told so. */
  service?: AlertService;
  /** The route of the adapter running the turn (local Direct Line or Bot Framework). */
  routeOf(adapter: unknown): AlertRoute;
  /** The SME profile in user state (src/tenders/profileState.ts PROFILE_STATE_KEY). */
  profile: StatePropertyAccessor<SmeProfile>;
}

/**
 * "m'alerter" subscribes this conversation to new matching tenders, with a snapshot of the SME's
 * profile; "ne plus m'alerter" (or the card's button) stops and deletes everything the alert kept.
 * One turn each, no question asked.
 */
export class AlertsDialog extends Dialog<AlertsDialogOptions> {
  constructor(private readonly deps: AlertsDialogDeps) {
    super(ALERTS_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: AlertsDialogOptions): Promise<DialogTurnResult> {
    const { context } = dc;
    const { messages, service } = this.deps;
    const reference = storedReferenceOf(TurnContext.getConversationReference(context.activity));
    if (!service || !reference) {
      await context.sendActivity(messages.text('alerts.unavailable'));
      return dc.endDialog();
    }
    const threshold = Math.round(service.threshold * 100);
    if (options?.command === 'unsubscribe') {
      const removed = await service.unsubscribe(subscriptionIdOf(reference));
      await context.sendActivity(messages.text(removed ? 'alerts.unsubscribed' : 'alerts.notSubscribed'));
      return dc.endDialog();
    }
    const profile = await this.profileOf(context);
    if (!profile) {
      await context.sendActivity(MessageFactory.suggestedActions([messages.text('suggest.findTenders')], messages.text('alerts.noProfile')));
      return dc.endDialog();
    }
    const outcome = await service.subscribe(reference, this.deps.routeOf(context.adapter), profile);
    await context.sendActivity(outcome === 'created' ? messages.text('alerts.subscribed', { threshold, days: service.retentionDays }) : messages.text('alerts.updated', { threshold }));
    return dc.endDialog();
  }

  /** The stored profile, if it is one the ranking can use (an activity at least). */
  private async profileOf(context: TurnContext): Promise<SmeProfile | undefined> {
    const stored = await this.deps.profile.get(context);
    if (!stored) return undefined;
    const cpv = sharedCpvCatalogue();
    // Only the fields the ranking reads: the profile dialog may keep more (its own bookkeeping).
    const fields = Object.fromEntries(PROFILE_FIELDS.filter((key) => stored[key] !== undefined).map((key) => [key, stored[key]]));
    const parsed = parseProfile(fields, (division) => cpv.hasDivision(division));
    return parsed.ok ? parsed.profile : undefined;
  }
}
