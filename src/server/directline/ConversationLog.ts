import { randomBytes, randomUUID } from 'node:crypto';
import { KeyedQueue } from '../KeyedQueue';

/** An activity as it travels as JSON over Direct Line (timestamps are strings). */
export type WireActivity = Record<string, unknown> & { id: string };

export interface Conversation {
  id: string;
  userId: string;
  /** Who opened it (a client address key): conversations per client are capped. */
  client: string;
  /** The activities in order, kept as JSON text: what they weigh is what they cost, and a poll re-serialises nothing. */
  activities: string[];
  bytes: number;
  createdAt: number;
  lastSeen: number;
  /** When the user was last told that they are going too fast (one line a minute at most). */
  throttledNoticeAt: number;
}

export interface ConversationLogLimits {
  maxConversations: number;
  maxConversationsPerClient: number;
  maxActivities: number;
  /** JSON bytes of one conversation's activities, and of all conversations together. */
  maxBytesPerConversation: number;
  maxTotalBytes: number;
  idleMs: number;
  /** A conversation ends this long after it began, whatever its activity (a token refresh does not extend it). */
  maxLifetimeMs: number;
}

/** Activities one poll returns at most; the watermark lets the client fetch the rest. */
const PAGE = 100;
/** When the server is full, a conversation idle this long may give its place to a new one. */
const EVICTABLE_IDLE_MS = 15 * 60 * 1000;

/**
 * The local Direct Line's memory: for each Web Chat conversation, the activities in order (the
 * watermark is an index into that list). Everything is capped — conversations live, per client and
 * in time; activities and bytes per conversation and in all — so that no client can make it grow
 * without bound. The bot's own state lives in the store, not here.
 */
export class ConversationLog {
  private readonly conversations = new Map<string, Conversation>();
  private readonly turns = new KeyedQueue();
  private totalBytes = 0;

  constructor(
    private readonly limits: ConversationLogLimits,
    private readonly onForget: (conversationId: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new conversation, or why not: this client has too many, or the server is full. */
  create(client: string): Conversation | 'CLIENT_FULL' | 'SERVER_FULL' {
    this.forgetEnded();
    let mine = 0;
    for (const conversation of this.conversations.values()) if (conversation.client === client) mine++;
    if (mine >= this.limits.maxConversationsPerClient) return 'CLIENT_FULL';
    if (this.conversations.size >= this.limits.maxConversations || this.totalBytes >= this.limits.maxTotalBytes) {
      const idlest = this.leastRecentlySeen();
      if (!idlest || this.now() - idlest.lastSeen < EVICTABLE_IDLE_MS) return 'SERVER_FULL';
      this.forget(idlest.id);
    }
    const now = this.now();
    const conversation: Conversation = { id: randomUUID(), userId: `dl_${randomBytes(8).toString('hex')}`, client, activities: [], bytes: 0, createdAt: now, lastSeen: now, throttledNoticeAt: 0 };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.ended(conversation)) {
      this.forget(conversation.id);
      return undefined;
    }
    conversation.lastSeen = this.now();
    return conversation;
  }

  /** Whether the user may still post: room left in the conversation's count and bytes, and in the server's. */
  hasRoom(conversation: Conversation): boolean {
    return conversation.activities.length < this.limits.maxActivities && conversation.bytes < this.limits.maxBytesPerConversation && this.totalBytes < this.limits.maxTotalBytes;
  }

  /**
   * Appends, unless the conversation is full; `reserve` extra activities are allowed for the bot's
   * own lines (its answer to the last message, the notice that the conversation is full).
   */
  append(conversation: Conversation, activity: Record<string, unknown>, reserve = 0): WireActivity | undefined {
    if (conversation.activities.length >= this.limits.maxActivities + reserve) return undefined;
    const stored: WireActivity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
    };
    const json = JSON.stringify(stored);
    if (reserve === 0 && conversation.bytes + json.length > this.limits.maxBytesPerConversation) return undefined;
    conversation.activities.push(json);
    conversation.bytes += json.length;
    this.totalBytes += json.length;
    return stored;
  }

  /** The Direct Line answer to a poll, as JSON text: at most a page of activities from the watermark. */
  since(conversation: Conversation, watermark: number): string {
    const from = Number.isInteger(watermark) && watermark >= 0 ? Math.min(watermark, conversation.activities.length) : 0;
    const page = conversation.activities.slice(from, from + PAGE);
    return `{"activities":[${page.join(',')}],"watermark":"${from + page.length}"}`;
  }

  /** Runs `turn` after every turn already queued for this conversation, in order, one at a time. */
  enqueue(conversation: Conversation, turn: () => Promise<void>): Promise<void> {
    return this.turns.run(conversation.id, turn);
  }

  get size(): number {
    return this.conversations.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private ended(conversation: Conversation): boolean {
    const now = this.now();
    return now - conversation.lastSeen > this.limits.idleMs || now - conversation.createdAt > this.limits.maxLifetimeMs;
  }

  private forgetEnded(): void {
    for (const conversation of [...this.conversations.values()]) if (this.ended(conversation)) this.forget(conversation.id);
  }

  private leastRecentlySeen(): Conversation | undefined {
    let idlest: Conversation | undefined;
    for (const conversation of this.conversations.values()) if (!idlest || conversation.lastSeen < idlest.lastSeen) idlest = conversation;
    return idlest;
  }

  private forget(id: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.totalBytes -= conversation.bytes;
    this.conversations.delete(id);
    this.onForget(id);
  }
}
