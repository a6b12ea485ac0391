import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../../logger';
import type { TurnTracker } from '../TurnTracker';
import { AttachmentStore } from './AttachmentStore';
import { type Conversation, ConversationLog, type WireActivity } from './ConversationLog';
import { readUpload } from './readUpload';

export interface DirectLineDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  tracker: TurnTracker;
  logger: Logger;
  uploadMaxBytes: number;
  /** Where the bot posts its replies back: this same server, on loopback. */
  serviceUrl: () => string;
}

export const BOT_ACCOUNT = { id: 'ha30-assistant', name: 'Assistant HA30', role: 'bot' };
const ATTACHMENT_PATH = /\/v3\/directline\/attachments\/([0-9a-f-]{36})$/;
const EXPIRES_IN = 1800;
const JSON_LIMIT_BYTES = 1024 * 1024;

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * A local subset of Direct Line 3.0 — enough for the official Web Chat widget (polling, upload)
 * with no Azure account. User activities run in this process through the adapter; the bot's replies
 * come back over HTTP on the Bot Connector routes below and wait in the conversation log.
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const log = new ConversationLog();
  const files = new AttachmentStore(Math.max(deps.uploadMaxBytes * 4, 256 * 1024 * 1024));

  const toBot = (conversation: Conversation, activity: WireActivity): Record<string, unknown> => ({
    ...activity,
    channelId: 'webchat',
    serviceUrl: deps.serviceUrl(),
    recipient: BOT_ACCOUNT,
    conversation: { id: conversation.id },
    attachments: botAttachments(activity.attachments),
  });

  /** Only files this server holds may reach the bot: a user cannot make it fetch other URLs. */
  const botAttachments = (attachments: unknown): unknown[] | undefined => {
    if (!Array.isArray(attachments)) return undefined;
    return attachments.flatMap((attachment: Record<string, unknown>) => {
      if (typeof attachment?.contentUrl !== 'string') return typeof attachment?.contentType === 'string' ? [attachment] : [];
      const match = ATTACHMENT_PATH.exec(attachment.contentUrl);
      if (!match?.[1] || !files.get(match[1])) return [];
      return [{ ...attachment, contentUrl: `${deps.serviceUrl()}/v3/directline/attachments/${match[1]}` }];
    });
  };

  const runTurn = (conversation: Conversation, activity: Record<string, unknown>): Promise<void> =>
    deps.tracker.track(
      deps.adapter.processActivityDirect('', activity as never, deps.logic).catch((error: Error) => {
        deps.logger.error({ event: 'directline_turn_failed', err: error.message }, 'local Direct Line turn failed');
      }),
    );

  const conversationOr401 = (req: Request, res: Response): Conversation | undefined => {
    const conversation = log.authorized(String(req.params.conversationId), req.headers.authorization);
    if (!conversation) res.send(403, { error: { code: 'BadArgument', message: 'Conversation inconnue ou jeton invalide.' } });
    return conversation;
  };

  server.post('/v3/directline/conversations', async (_req: Request, res: Response) => {
    const conversation = log.create();
    // Answer only after the greeting turn, or the welcome would race the user's first message.
    await runTurn(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|join`,
      channelId: 'webchat',
      serviceUrl: deps.serviceUrl(),
      from: { id: conversation.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: conversation.id },
      membersAdded: [{ id: conversation.userId }],
      timestamp: new Date().toISOString(),
    });
    res.send(201, { conversationId: conversation.id, token: conversation.token, expires_in: EXPIRES_IN });
  });

  server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => {
    const conversation = conversationOr401(req, res);
    if (conversation) res.send(200, { conversationId: conversation.id, token: conversation.token, expires_in: EXPIRES_IN });
  });

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
    res.send(200, { token, expires_in: EXPIRES_IN });
  });

  server.get('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const conversation = conversationOr401(req, res);
    if (conversation) res.send(200, log.since(conversation, Number(req.query?.watermark ?? 0)));
  });

  server.post('/v3/directline/conversations/:conversationId/activities', jsonBody(), async (req: Request, res: Response) => {
    const conversation = conversationOr401(req, res);
    if (!conversation) return;
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'Activité invalide : le champ "type" est obligatoire.' } });
      return;
    }
    const stored = log.append(conversation, { ...body, from: userAccount(body.from, conversation) });
    res.send(200, { id: stored.id });
    void runTurn(conversation, toBot(conversation, stored));
  });

  server.post('/v3/directline/conversations/:conversationId/upload', async (req: Request, res: Response) => {
    const conversation = conversationOr401(req, res);
    if (!conversation) return;
    let upload;
    try {
      upload = await readUpload(req, deps.uploadMaxBytes);
    } catch {
      res.send(400, { error: { code: 'BadArgument', message: 'Envoi de fichier illisible.' } });
      return;
    }
    const origin = `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
    const attachments = upload.files.map((file) => ({
      contentType: file.contentType,
      name: file.name,
      contentUrl: `${origin}/v3/directline/attachments/${files.put(file.name, file.contentType, file.bytes)}`,
    }));
    const channelData = { ...(upload.activity.channelData as object | undefined), ha30UploadRejections: upload.rejected };
    const stored = log.append(conversation, {
      ...upload.activity,
      type: 'message',
      from: userAccount(upload.activity.from, conversation),
      attachments,
      channelData,
    });
    res.send(200, { id: stored.id });
    void runTurn(conversation, toBot(conversation, stored));
  });

  server.get('/v3/directline/attachments/:fileId', async (req: Request, res: Response) => {
    const file = files.get(String(req.params.fileId));
    if (!file) {
      res.send(404, { error: { code: 'NotFound', message: 'Fichier expiré ou inconnu.' } });
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
    res.end(file.bytes);
  });

  // The Bot Connector side: the adapter posts the bot's replies here (loopback only).
  const receiveReply = async (req: Request, res: Response) => {
    if (!isLoopback(req)) {
      res.send(403, { error: { code: 'Forbidden', message: 'Réservé au bot local.' } });
      return;
    }
    const conversation = log.get(String(req.params.conversationId));
    const body = req.body as Record<string, unknown> | undefined;
    if (!conversation || !body || typeof body.type !== 'string') {
      res.send(404, { error: { code: 'NotFound', message: 'Conversation inconnue.' } });
      return;
    }
    const stored = log.append(conversation, { ...body, from: BOT_ACCOUNT });
    res.send(200, { id: stored.id });
  };
  server.post('/v3/conversations/:conversationId/activities', jsonBody(), receiveReply);
  server.post('/v3/conversations/:conversationId/activities/:activityId', jsonBody(), receiveReply);
}

function userAccount(from: unknown, conversation: Conversation): { id: string; name?: string; role: 'user' } {
  const given = from as { id?: unknown; name?: unknown } | undefined;
  const id = typeof given?.id === 'string' && given.id.length > 0 && given.id.length < 200 ? given.id : conversation.userId;
  return { id, ...(typeof given?.name === 'string' ? { name: given.name } : {}), role: 'user' };
}

function jsonBody() {
  return restify.plugins.bodyParser({ maxBodySize: JSON_LIMIT_BYTES, mapParams: false, mapFiles: false });
}
