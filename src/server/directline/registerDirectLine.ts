import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { LOCAL_FILES } from '../../attachments/localFiles';
import type { ReceivedFile } from '../../attachments/types';
import type { DirectLineConfig } from '../../config';
import { type Logger, scrubError } from '../../logger';
import type { TurnTracker } from '../TurnTracker';
import { HttpError } from '../http/HttpError';
import { clientKey } from '../http/clientAddress';
import { readJsonBody } from '../http/readJsonBody';
import { sendError } from '../http/sendError';
import { AttachmentStore } from './AttachmentStore';
import { ClientShares } from './ClientShares';
import { type Conversation, ConversationLog, type WireActivity } from './ConversationLog';
import { bearer, DirectLineTokens } from './DirectLineTokens';
import { MemoryBudget } from './MemoryBudget';
import { RateLimiter } from './RateLimiter';
import { readUpload } from './readUpload';
import { ATTACHMENT_PATH, userActivity, wellFormed } from './userActivity';

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
const USER_JSON = { maxBytes: 256 * 1024, maxDepth: 32 };
const BOT_JSON = { maxBytes: 4 * 1024 * 1024, maxDepth: 64 };
export const MAX_FILES_PER_UPLOAD = 50;
/** JSON bytes of one conversation's activities (a long chat with report cards stays far below). */
const MAX_CONVERSATION_BYTES = 4 * 1024 * 1024;
/** Room kept at the end of a full conversation for the bot to say so. */
const BOT_RESERVE = 20;

const unauthorized = () => new HttpError(401, 'Unauthorized', 'Jeton absent, invalide ou expiré : rechargez la page pour ouvrir une nouvelle conversation.');

/**
 * A local subset of Direct Line 3.0 — the door of the anonymous Web Chat (no Azure account, no 4 MB
 * upload limit). Tokens are signed and expire; a conversation's activities, uploads and files are
 * reachable only with its own token; each client and conversation has a budget; a conversation's
 * turns run one at a time, in order. User activities run in this process through the adapter; the
 * bot's replies come back over HTTP on a route only this process knows (a per-process secret).
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const { config } = deps;
  const budget = new MemoryBudget(config.uploadMemoryBytes);
  const files = new AttachmentStore(budget);
  const log = new ConversationLog(
    {
      maxConversations: config.maxConversations,
      maxConversationsPerClient: config.maxConversationsPerClient,
      maxActivities: config.maxActivitiesPerConversation,
      maxBytesPerConversation: MAX_CONVERSATION_BYTES,
      maxTotalBytes: config.logMemoryBytes,
      idleMs: 2 * 60 * 60 * 1000,
      maxLifetimeMs: 24 * 60 * 60 * 1000,
    },
    (id) => files.removeOwnedBy(id),
  );
  const tokens = new DirectLineTokens(deps.secret);
  const botKey = randomBytes(24).toString('hex');
  const creations = new RateLimiter(config.conversationsPerMinutePerClient);
  const messages = new RateLimiter(config.messagesPerMinutePerConversation);
  const clientMessages = new RateLimiter(config.messagesPerMinutePerClient);
  const uploading = new Set<string>();
  const shares = new ClientShares(budget, config.uploadBatchMaxBytes);
  const uploadBytes = new RateLimiter(config.uploadBytesPerMinutePerClient);
  const serviceUrl = () => `${deps.localOrigin()}/_bot/${botKey}`;
  const client = (req: Request) => clientKey(req, deps.trustProxy);

  const authorized = (req: Request): Conversation => {
    const claims = tokens.verify(bearer(req.headers.authorization));
    if (!claims || (req.params.conversationId !== undefined && claims.conversationId !== String(req.params.conversationId))) throw unauthorized();
    const conversation = log.get(claims.conversationId);
    if (!conversation) throw new HttpError(404, 'NotFound', 'Conversation terminée ou inconnue : rechargez la page pour en ouvrir une nouvelle.');
    return conversation;
  };

  const notice = (conversation: Conversation, text: string) => {
    if (Date.now() - conversation.throttledNoticeAt < 60_000) return;
    conversation.throttledNoticeAt = Date.now();
    log.append(conversation, { type: 'message', from: BOT_ACCOUNT, text }, BOT_RESERVE);
  };
  const guard = (req: Request, conversation: Conversation) => {
    if (!log.hasRoom(conversation)) {
      notice(conversation, deps.notices.conversationFull);
      throw new HttpError(429, 'ConversationFull', deps.notices.conversationFull);
    }
    if (!messages.take(conversation.id) || !clientMessages.take(client(req))) {
      notice(conversation, deps.notices.rateLimited);
      throw new HttpError(429, 'TooManyRequests', deps.notices.rateLimited);
    }
  };

  /** The activity as the bot receives it: the sender is this conversation's user, whatever the client claimed. */
  const toBot = (conversation: Conversation, stored: WireActivity): Record<string, unknown> => ({
    ...stored,
    channelId: 'webchat',
    serviceUrl: serviceUrl(),
    from: { id: conversation.userId, name: (stored.from as { name?: string } | undefined)?.name, role: 'user' },
    recipient: BOT_ACCOUNT,
    conversation: { id: conversation.id },
  });

  const runTurn = (conversation: Conversation, activity: Record<string, unknown>, held: ReadonlyMap<string, ReceivedFile> = new Map(), afterTurn = () => undefined as void) =>
    deps.tracker.track(
      log.enqueue(conversation, async () => {
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

  const handle = (work: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await work(req, res);
    } catch (error) {
      if (error instanceof HttpError && error.status === 429) res.setHeader('Retry-After', String(messages.retryAfterSeconds()));
      if (!(error instanceof HttpError)) deps.logger.error({ event: 'directline_failed', route: req.getRoute()?.path, err: scrubError(error) }, 'request failed');
      sendError(res, error);
    }
  };

  server.post('/v3/directline/conversations', handle(async (req, res) => {
    if (!creations.take(client(req))) throw new HttpError(429, 'TooManyRequests', 'Trop de conversations ouvertes en peu de temps depuis votre connexion : patientez une minute.');
    const conversation = log.create(client(req));
    if (conversation === 'CLIENT_FULL') throw new HttpError(429, 'TooManyConversations', 'Trop de conversations ouvertes depuis votre connexion : fermez les onglets inutiles ou patientez quelques minutes.');
    if (conversation === 'SERVER_FULL') throw new HttpError(503, 'ServiceBusy', 'Le service est très sollicité : réessayez dans quelques minutes.');
    // Answer only after the greeting turn, or the welcome would race the user's first message.
    await runTurn(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|join`,
      channelId: 'webchat',
      serviceUrl: serviceUrl(),
      from: { id: conversation.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: conversation.id },
      membersAdded: [{ id: conversation.userId }],
      timestamp: new Date().toISOString(),
    });
    res.send(201, { conversationId: conversation.id, token: tokens.issue(conversation.id), expires_in: tokens.lifetimeSeconds });
  }));

  server.get('/v3/directline/conversations/:conversationId', handle(async (req, res) => {
    const conversation = authorized(req);
    res.send(200, { conversationId: conversation.id, token: bearer(req.headers.authorization), expires_in: tokens.lifetimeSeconds });
  }));

  server.post('/v3/directline/tokens/refresh', handle(async (req, res) => {
    const conversation = authorized(req);
    res.send(200, { conversationId: conversation.id, token: tokens.issue(conversation.id), expires_in: tokens.lifetimeSeconds });
  }));

  server.get('/v3/directline/conversations/:conversationId/activities', handle(async (req, res) => {
    const conversation = authorized(req);
    const body = log.since(conversation, Number(req.query?.watermark ?? 0));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  }));

  server.post('/v3/directline/conversations/:conversationId/activities', handle(async (req, res) => {
    const conversation = authorized(req);
    guard(req, conversation);
    const body = await readJsonBody(req, USER_JSON);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'BadArgument', 'Activité invalide : un objet JSON est attendu.');
    const activity = userActivity(body as Record<string, unknown>, conversation, (id) => files.get(id, conversation.id) !== undefined);
    const stored = appendOr429(conversation, activity);
    res.send(200, { id: stored.id });
    void runTurn(conversation, toBot(conversation, stored), heldFiles(stored));
  }));

  server.post('/v3/directline/conversations/:conversationId/upload', handle(async (req, res) => {
    const conversation = authorized(req);
    guard(req, conversation);
    // One upload at a time per conversation, and each client within its share of the upload memory.
    if (uploading.has(conversation.id)) throw new HttpError(429, 'UploadInProgress', 'Un envoi de fichiers est déjà en cours dans cette conversation : attendez qu’il se termine.');
    uploading.add(conversation.id);
    const who = client(req);
    const share = shares.open(who);
    const upload = await readUpload(req, {
      maxFileBytes: deps.uploadMaxBytes,
      maxBatchBytes: config.uploadBatchMaxBytes,
      maxFiles: MAX_FILES_PER_UPLOAD,
      budget: share,
      spend: (bytes) => uploadBytes.take(who, bytes),
    })
      .catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 429) notice(conversation, error.message);
        throw error;
      })
      .finally(() => {
        uploading.delete(conversation.id);
        share.done();
      });
    const origin = `${req.isSecure() ? 'https' : 'http'}://${safeHost(req.headers.host)}`;
    const attachments = upload.files.map((file) => ({
      contentType: file.contentType.slice(0, 100),
      name: file.name,
      contentUrl: `${origin}/v3/directline/attachments/${files.put(conversation.id, file.name, file.bytes)}`,
    }));
    const base = userActivity({ ...upload.activity, type: 'message', attachments: undefined }, conversation, () => false);
    const channelData = { ...(base.channelData as object | undefined), ha30UploadRejections: upload.rejected };
    const stored = appendOr429(conversation, { ...base, attachments, channelData });
    res.send(200, { id: stored.id });
    const held = heldFiles(stored);
    void runTurn(conversation, toBot(conversation, stored), held, () => {
      // The bot has read them: give their memory back at once rather than after 30 minutes.
      for (const url of held.keys()) files.remove(ATTACHMENT_PATH.exec(url)![1]!);
    });
  }));

  /** A user's activity into the log, or a 429 if the conversation filled up meanwhile (parallel posts). */
  function appendOr429(conversation: Conversation, activity: Record<string, unknown>): WireActivity {
    const stored = log.append(conversation, activity);
    if (stored) return stored;
    notice(conversation, deps.notices.conversationFull);
    throw new HttpError(429, 'ConversationFull', deps.notices.conversationFull);
  }

  /** The files of a stored activity, from memory, keyed by the URL the bot will see. */
  function heldFiles(stored: WireActivity): Map<string, ReceivedFile> {
    const held = new Map<string, ReceivedFile>();
    const conversationId = String((stored.conversation as { id: string }).id);
    for (const attachment of (stored.attachments as { contentUrl?: string; name?: string; contentType?: string }[] | undefined) ?? []) {
      const id = attachment.contentUrl ? ATTACHMENT_PATH.exec(attachment.contentUrl)?.[1] : undefined;
      const file = id ? files.get(id, conversationId) : undefined;
      if (file && attachment.contentUrl) held.set(attachment.contentUrl, { name: file.name, contentType: attachment.contentType ?? 'application/octet-stream', bytes: file.bytes });
    }
    return held;
  }

  server.get('/v3/directline/attachments/:fileId', handle(async (req, res) => {
    const claims = tokens.verify(bearer(req.headers.authorization));
    if (!claims) throw unauthorized();
    const file = files.get(String(req.params.fileId), claims.conversationId);
    if (!file) throw new HttpError(404, 'NotFound', 'Fichier expiré ou inconnu.');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': file.bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(wellFormed(file.name))}`,
      'Cache-Control': 'no-store',
    });
    res.end(file.bytes);
  }));

  // The Bot Connector side: the in-process adapter posts the bot's replies here, under a key only it knows.
  const receiveReply = handle(async (req, res) => {
    const given = Buffer.from(String(req.params.key));
    const expected = Buffer.from(botKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(403, 'Forbidden', 'Accès refusé.');
    const body = (await readJsonBody(req, BOT_JSON)) as Record<string, unknown> | undefined;
    const conversation = log.get(String(req.params.conversationId));
    if (!conversation || !body || typeof body.type !== 'string') throw new HttpError(404, 'NotFound', 'Conversation inconnue.');
    const { serviceUrl: _internal, ...reply } = body;
    const stored = log.append(conversation, { ...reply, from: BOT_ACCOUNT }, BOT_RESERVE);
    res.send(200, { id: stored?.id ?? '' });
  });
  server.post('/_bot/:key/v3/conversations/:conversationId/activities', receiveReply);
  server.post('/_bot/:key/v3/conversations/:conversationId/activities/:activityId', receiveReply);
}

/** The Host header as given, if it is a plain host[:port] (it becomes part of the file links). */
function safeHost(host: string | undefined): string {
  return host && /^[a-zA-Z0-9.:[\]-]{1,255}$/.test(host) ? host : '127.0.0.1';
}
