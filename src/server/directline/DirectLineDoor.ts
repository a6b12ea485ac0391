import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { LOCAL_FILES } from '../../attachments/localFiles';
import type { ReceivedFile } from '../../attachments/types';
import type { DirectLineConfig } from '../../config';
import { type Logger, scrubError } from '../../logger';
import type { TurnTracker } from '../TurnTracker';
import { HttpError } from '../http/HttpError';
import { clientKey } from '../http/clientAddress';
import { sendError } from '../http/sendError';
import { AttachmentStore } from './AttachmentStore';
import { ClientShares } from './ClientShares';
import { type Conversation, ConversationLog, type WireActivity } from './ConversationLog';
import { bearer, DirectLineTokens } from './DirectLineTokens';
import { MemoryBudget } from './MemoryBudget';
import { RateLimiter } from './RateLimiter';
import { ATTACHMENT_PATH } from './userActivity';

export interface DirectLineDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  tracker: TurnTracker;
  logger: Logger;
  config: DirectLineConfig;
  /** Per-client limits read X-Forwarded-For from a local reverse proxy. */
  trustProxy: boolean;
  /** Signs the tokens (configured, or generated once into DATA_DIR). */
  secret: Buffer;
  uploadMaxBytes: number;
  /** This server on loopback, where the in-process bot posts its replies. */
  localOrigin: () => string;
  /** French lines the user reads in the chat when a limit is reached. */
  notices: { rateLimited: string; conversationFull: string };
}

export const BOT_ACCOUNT = { id: 'ha30-assistant', name: 'Assistant HA30', role: 'bot' };
/** JSON bytes of one conversation's activities (a long chat with report cards stays far below). */
const MAX_CONVERSATION_BYTES = 4 * 1024 * 1024;
/** Room kept at the end of a full conversation for the bot to say so. */
export const BOT_RESERVE = 20;

export const unauthorized = () => new HttpError(401, 'Unauthorized', 'Jeton absent, invalide ou expiré : rechargez la page pour ouvrir une nouvelle conversation.');

/**
 * What every route of the local Direct Line shares: the conversations, the files, the tokens, the
 * per-client budgets, and how a user's activity becomes a bot turn (one at a time per conversation).
 */
export class DirectLineDoor {
  readonly budget: MemoryBudget;
  readonly files: AttachmentStore;
  readonly log: ConversationLog;
  readonly tokens: DirectLineTokens;
  readonly shares: ClientShares;
  readonly creations: RateLimiter;
  readonly uploadBytes: RateLimiter;
  /** Conversations with an upload in progress (one at a time each). */
  readonly uploading = new Set<string>();
  private readonly messages: RateLimiter;
  private readonly clientMessages: RateLimiter;
  private readonly botKey = randomBytes(24).toString('hex');

  constructor(readonly deps: DirectLineDeps) {
    const { config } = deps;
    this.budget = new MemoryBudget(config.uploadMemoryBytes);
    this.files = new AttachmentStore(this.budget);
    this.log = new ConversationLog(
      {
        maxConversations: config.maxConversations,
        maxConversationsPerClient: config.maxConversationsPerClient,
        maxActivities: config.maxActivitiesPerConversation,
        maxBytesPerConversation: MAX_CONVERSATION_BYTES,
        maxTotalBytes: config.logMemoryBytes,
        idleMs: 2 * 60 * 60 * 1000,
        maxLifetimeMs: 24 * 60 * 60 * 1000,
      },
      (id) => this.files.removeOwnedBy(id),
    );
    this.tokens = new DirectLineTokens(deps.secret);
    this.shares = new ClientShares(this.budget, config.uploadBatchMaxBytes);
    this.creations = new RateLimiter(config.conversationsPerMinutePerClient);
    this.messages = new RateLimiter(config.messagesPerMinutePerConversation);
    this.clientMessages = new RateLimiter(config.messagesPerMinutePerClient);
    this.uploadBytes = new RateLimiter(config.uploadBytesPerMinutePerClient);
  }

  /** Where the in-process bot posts its replies: a route under a key only this process knows. */
  serviceUrl(): string {
    return `${this.deps.localOrigin()}/_bot/${this.botKey}`;
  }

  isBotKey(key: string): boolean {
    const given = Buffer.from(key);
    const expected = Buffer.from(this.botKey);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  client(req: Request): string {
    return clientKey(req, this.deps.trustProxy);
  }

  /** The conversation the request's token was issued for (and the route names), or 401/404. */
  authorized(req: Request): Conversation {
    const claims = this.tokens.verify(bearer(req.headers.authorization));
    if (!claims || (req.params.conversationId !== undefined && claims.conversationId !== String(req.params.conversationId))) throw unauthorized();
    const conversation = this.log.get(claims.conversationId);
    if (!conversation) throw new HttpError(404, 'NotFound', 'Conversation terminée ou inconnue : rechargez la page pour en ouvrir une nouvelle.');
    return conversation;
  }

  /** A line from the bot in the chat (once a minute at most): the user sees why a send was refused. */
  notice(conversation: Conversation, text: string): void {
    if (Date.now() - conversation.throttledNoticeAt < 60_000) return;
    conversation.throttledNoticeAt = Date.now();
    this.log.append(conversation, { type: 'message', from: BOT_ACCOUNT, text }, BOT_RESERVE);
  }

  /** Room in the conversation, and in the conversation's and the client's minute: or 429 and a line in the chat. */
  guard(req: Request, conversation: Conversation): void {
    const { notices } = this.deps;
    if (!this.log.hasRoom(conversation)) {
      this.notice(conversation, notices.conversationFull);
      throw new HttpError(429, 'ConversationFull', notices.conversationFull);
    }
    if (!this.messages.take(conversation.id) || !this.clientMessages.take(this.client(req))) {
      this.notice(conversation, notices.rateLimited);
      throw new HttpError(429, 'TooManyRequests', notices.rateLimited);
    }
  }

  /** A user's activity into the log, or a 429 if the conversation filled up meanwhile (parallel posts). */
  appendOr429(conversation: Conversation, activity: Record<string, unknown>): WireActivity {
    const stored = this.log.append(conversation, activity);
    if (stored) return stored;
    this.notice(conversation, this.deps.notices.conversationFull);
    throw new HttpError(429, 'ConversationFull', this.deps.notices.conversationFull);
  }

  /** The activity as the bot receives it: the sender is this conversation's user, whatever the client claimed. */
  toBot(conversation: Conversation, stored: WireActivity): Record<string, unknown> {
    return {
      ...stored,
      channelId: 'webchat',
      serviceUrl: this.serviceUrl(),
      from: { id: conversation.userId, name: (stored.from as { name?: string } | undefined)?.name, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: conversation.id },
    };
  }

  /** The files of a stored activity, from memory, keyed by the URL the bot will see. */
  heldFiles(stored: WireActivity): Map<string, ReceivedFile> {
    const held = new Map<string, ReceivedFile>();
    const conversationId = String((stored.conversation as { id: string }).id);
    for (const attachment of (stored.attachments as { contentUrl?: string; contentType?: string }[] | undefined) ?? []) {
      const id = attachment.contentUrl ? ATTACHMENT_PATH.exec(attachment.contentUrl)?.[1] : undefined;
      const file = id ? this.files.get(id, conversationId) : undefined;
      if (file && attachment.contentUrl) held.set(attachment.contentUrl, { name: file.name, contentType: attachment.contentType ?? 'application/octet-stream', bytes: file.bytes });
    }
    return held;
  }

  /** Queues a bot turn after the conversation's previous ones; the held files reach it through turn state. */
  runTurn(conversation: Conversation, activity: Record<string, unknown>, held: ReadonlyMap<string, ReceivedFile> = new Map(), afterTurn: () => void = () => undefined): Promise<void> {
    const { deps } = this;
    return deps.tracker.track(
      this.log.enqueue(conversation, async () => {
        try {
          await deps.adapter.processActivityDirect('', activity as never, (context) => {
            if (held.size > 0) context.turnState.set(LOCAL_FILES, held);
            return deps.logic(context);
          });
        } catch (error) {
          deps.logger.error({ event: 'directline_turn_failed', err: scrubError(error) }, 'local Direct Line turn failed');
        } finally {
          afterTurn();
        }
      }),
    );
  }

  /** A route handler whose refusals are French JSON errors, and whose unexpected failures are logged and a plain 500. */
  handle(work: (req: Request, res: Response) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      try {
        await work(req, res);
      } catch (error) {
        if (error instanceof HttpError && error.status === 429) res.setHeader('Retry-After', String(this.messages.retryAfterSeconds()));
        if (!(error instanceof HttpError)) this.deps.logger.error({ event: 'directline_failed', route: req.getRoute()?.path, err: scrubError(error) }, 'request failed');
        sendError(res, error);
      }
    };
  }
}
