import type { SmeProfile } from '../tenders/match/profile';

/**
 * What a proactive message needs to reach a conversation again (the part of a Bot Framework
 * ConversationReference that continueConversation reads), and nothing more: no message text, no
 * user name, no activity id.
 */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  /** The user's channel id only (Teams needs it for 1:1 chats); never the name. */
  user?: { id: string };
  locale?: string;
}

/**
 * Which adapter sends: the local Direct Line's in-process one (its conversations live only as long as
 * this process), or the Bot Framework one used by Teams and Azure channels (with the app id).
 */
export type AlertRoute = 'local' | 'botframework';

export interface Subscription {
  /** `${channelId}|${conversationId}`: one subscription per conversation. */
  id: string;
  route: AlertRoute;
  reference: StoredReference;
  /** The profile as it was when the SME subscribed (or last said "m'alerter" again). */
  profile: SmeProfile;
  /** Tender ids already alerted in this conversation: never sent twice. */
  sentIds: string[];
  /** Tender ids selected but whose message could not be sent yet (the channel was down): retried. */
  pendingIds: string[];
  /**
   * Tenders its buyer flagged as drawing « peu ou pas de réponses locales » that this conversation
   * was told about: one nudge per tender, ever (absent in files written before nudges).
   */
  nudgedIds?: string[];
  subscribedAt: string;
  updatedAt: string;
  lastAlertAt?: string;
}

/** One tender of an alert, as the message shows it. */
export interface AlertItem {
  id: string;
  title: string;
  buyer: string;
  deadlineAt?: string;
  /** Upcoming purchases: when the notice is expected. */
  expectedPublicationDate?: string;
  upcoming: boolean;
  url?: string;
  score: number;
}

/** The new tenders of one subscription, best first. */
export interface AlertBatch {
  subscriptionId: string;
  items: AlertItem[];
}
