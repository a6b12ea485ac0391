import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Messages } from '../knowledge/Messages';
import { type Logger, scrubError } from '../logger';
import type { AlertSender, SendOutcome } from './AlertService';
import { alertActivity } from './alertMessage';
import type { AlertBatch, AlertRoute, StoredReference, Subscription } from './types';

export interface ProactiveRoutes {
  /** The Bot Framework adapter (Teams, Azure channels) and its app id ('' in anonymous mode). */
  botFramework: { adapter: CloudAdapter; appId: string };
  /** The local Direct Line's in-process adapter, when the local web chat is on. */
  local?: { adapter: CloudAdapter };
}

/** HTTP statuses meaning the conversation is no more (bot removed, chat ended): the subscription goes. */
const GONE = new Set([403, 404, 410]);

/** The reference kept for a conversation: what continueConversation reads, nothing more. */
export function storedReferenceOf(reference: Partial<ConversationReference>): StoredReference | undefined {
  const { channelId, serviceUrl, conversation, bot, user, locale } = reference;
  if (!channelId || !serviceUrl || !conversation?.id || !bot?.id) return undefined;
  return {
    channelId,
    serviceUrl,
    conversation: {
      id: conversation.id,
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
    bot: { id: bot.id, ...(bot.name ? { name: bot.name } : {}) },
    ...(user?.id ? { user: { id: user.id } } : {}),
    ...(locale ? { locale } : {}),
  };
}

/**
 * Sends alert batches proactively with CloudAdapter.continueConversationAsync: through the local
 * Direct Line's adapter for its web chat conversations, through the Bot Framework adapter and the
 * app id for Teams (the Bot Connector authenticates the bot by that id).
 */
export class ProactiveSender implements AlertSender {
  constructor(
    private readonly routes: ProactiveRoutes,
    private readonly messages: Messages,
    private readonly logger: Logger,
  ) {}

  /** Which route a turn came through: the adapter that runs it tells. */
  routeOf(adapter: unknown): AlertRoute {
    return this.routes.local && adapter === this.routes.local.adapter ? 'local' : 'botframework';
  }

  send(subscription: Subscription, batch: AlertBatch): Promise<SendOutcome> {
    return this.deliver(subscription, alertActivity(batch, this.messages));
  }

  /** Any proactive message (an alert, a nudge) to the subscription's conversation, by its route. */
  async deliver(subscription: Subscription, activity: Partial<Activity>): Promise<SendOutcome> {
    const route = subscription.route === 'local' ? this.routes.local : undefined;
    if (subscription.route === 'local' && !route) return 'gone';
    const adapter = route?.adapter ?? this.routes.botFramework.adapter;
    const appId = route ? '' : this.routes.botFramework.appId;
    const reference = subscription.reference as Partial<ConversationReference>;
    // The adapter's onTurnError would swallow a failed send (and tell the user "error.generic"):
    // the error is caught inside the turn, so that the outcome is known here.
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        try {
          await context.sendActivity(activity);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return 'sent';
    const status = (failure as { statusCode?: number }).statusCode;
    if (status !== undefined && GONE.has(status)) return 'gone';
    this.logger.warn({ event: 'alert_send_failed', route: subscription.route, status, err: scrubError(failure) }, 'proactive message not delivered');
    return 'failed';
  }
}
