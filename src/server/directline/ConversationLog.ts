import { randomBytes, randomUUID } from 'node:crypto';
/** An activity as it travels as JSON over Direct Line (timestamps are strings). */
export type WireActivity = Record<string, unknown> & { id: string };

interface Conversation {
  id: string;
  token: string;
  userId: string;
  activities: WireActivity[];
  lastSeen: number;
}

const IDLE_MS = 2 * 60 * 60 * 1000;

/**
 * The local Direct Line's memory: for each Web Chat conversation, the activities in order (the
 * watermark is an index into that list). Idle conversations are forgotten after two hours; the
 * bot's own state lives in the store, not here.
 */
export type { Conversation };

export class ConversationLog {
  private readonly conversations = new Map<string, Conversation>();

  create(): Conversation {
    this.forgetIdle();
    const conversation: Conversation = {
      id: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      userId: `dl_${randomBytes(8).toString('hex')}`,
      activities: [],
      lastSeen: Date.now(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation if the bearer token is the one issued for it. */
  authorized(conversationId: string, authorization: string | undefined): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    const token = authorization?.replace(/^Bearer\s+/i, '');
    if (!conversation || !token || token !== conversation.token) return undefined;
    conversation.lastSeen = Date.now();
    return conversation;
  }

  get(conversationId: string): Conversation | undefined {
    return this.conversations.get(conversationId);
  }

  append(conversation: Conversation, activity: Record<string, unknown>): WireActivity {
    const stored: WireActivity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`,
      timestamp: new Date().toISOString(),
      conversation: { id: conversation.id },
    };
    conversation.activities.push(stored);
    return stored;
  }

  since(conversation: Conversation, watermark: number): { activities: WireActivity[]; watermark: string } {
    const from = Number.isInteger(watermark) && watermark >= 0 ? watermark : 0;
    return { activities: conversation.activities.slice(from), watermark: String(conversation.activities.length) };
  }

  private forgetIdle(): void {
    const now = Date.now();
    for (const [id, conversation] of this.conversations) if (now - conversation.lastSeen > IDLE_MS) this.conversations.delete(id);
  }
}
