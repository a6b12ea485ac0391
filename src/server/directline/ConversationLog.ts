import { randomBytes, randomUUID } from 'node:crypto';
import { KeyedQueue } from '../KeyedQueue';

/** An activity as it travels as JSON over Direct Line (timestamps are strings). */
export type WireActivity = Record<string, unknown> & { id: string };

export interface Conversation {
  id: string;
  userId: string;
  activities: WireActivity[];
  lastSeen: number;
  /** When the user was last told that they are going too fast (one line a minute at most). */
  throttledNoticeAt: number;
}

export interface ConversationLogLimits {
  maxConversations: number;
  maxActivities: number;
  idleMs: number;
}

/**
 * The local Direct Line's memory: for each Web Chat conversation, the activities in order (the
 * watermark is an index into that list). Idle conversations are forgotten after two hours; the
 * number of live conversations and the length of each are capped. The bot's own state lives in
 * the store, not here.
 */
export class ConversationLog {
  private readonly conversations = new Map<string, Conversation>();
  private readonly turns = new KeyedQueue();

  constructor(
    private readonly limits: ConversationLogLimits,
    private readonly onForget: (conversationId: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new conversation, or undefined when the live ones are at their cap even after forgetting the idle. */
  create(): Conversation | undefined {
    this.forgetIdle();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const conversation: Conversation = {
      id: randomUUID(),
      userId: `dl_${randomBytes(8).toString('hex')}`,
      activities: [],
      lastSeen: this.now(),
      throttledNoticeAt: 0,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (conversation) conversation.lastSeen = this.now();
    return conversation;
  }

  /** Whether the conversation can take `count` more activities. */
  hasRoom(conversation: Conversation, count = 1): boolean {
    return conversation.activities.length + count <= this.limits.maxActivities;
  }

  /** Appends, unless the conversation is full (the bot's own lines still fit in a small reserve). */
  append(conversation: Conversation, activity: Record<string, unknown>, reserve = 0): WireActivity | undefined {
    if (conversation.activities.length >= this.limits.maxActivities + reserve) return undefined;
    const stored: WireActivity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
    };
    conversation.activities.push(stored);
    return stored;
  }

  since(conversation: Conversation, watermark: number): { activities: WireActivity[]; watermark: string } {
    const from = Number.isInteger(watermark) && watermark >= 0 ? watermark : 0;
    return { activities: conversation.activities.slice(from), watermark: String(conversation.activities.length) };
  }

  /** Runs `turn` after every turn already queued for this conversation, in order, one at a time. */
  enqueue(conversation: Conversation, turn: () => Promise<void>): Promise<void> {
    return this.turns.run(conversation.id, turn);
  }

  get size(): number {
    return this.conversations.size;
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [id, conversation] of this.conversations) {
      if (now - conversation.lastSeen > this.limits.idleMs) {
        this.conversations.delete(id);
        this.onForget(id);
      }
    }
  }
}
