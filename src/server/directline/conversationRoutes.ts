import type { Server } from 'restify';
import { HttpError } from '../http/HttpError';
import { readJsonBody } from '../http/readJsonBody';
import { BOT_ACCOUNT, type DirectLineDoor } from './DirectLineDoor';
import { bearer } from './DirectLineTokens';
import { userActivity } from './userActivity';

const USER_JSON = { maxBytes: 256 * 1024, maxDepth: 32 };

/** Opening a conversation, its token, polling its activities and posting one (Direct Line 3.0). */
export function registerConversationRoutes(server: Server, door: DirectLineDoor): void {
  const { log, tokens } = door;

  server.post('/v3/directline/conversations', door.handle(async (req, res) => {
    if (!door.creations.take(door.client(req))) throw new HttpError(429, 'TooManyRequests', 'Trop de conversations ouvertes en peu de temps depuis votre connexion : patientez une minute.');
    const conversation = log.create(door.client(req));
    if (conversation === 'CLIENT_FULL') throw new HttpError(429, 'TooManyConversations', 'Trop de conversations ouvertes depuis votre connexion : fermez les onglets inutiles ou patientez quelques minutes.');
    if (conversation === 'SERVER_FULL') throw new HttpError(503, 'ServiceBusy', 'Le service est très sollicité : réessayez dans quelques minutes.');
    // Answer only after the greeting turn, or the welcome would race the user's first message.
    await door.runTurn(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|join`,
      channelId: 'webchat',
      serviceUrl: door.serviceUrl(),
      from: { id: conversation.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: conversation.id },
      membersAdded: [{ id: conversation.userId }],
      timestamp: new Date().toISOString(),
    });
    res.send(201, { conversationId: conversation.id, token: tokens.issue(conversation.id), expires_in: tokens.lifetimeSeconds });
  }));

  server.get('/v3/directline/conversations/:conversationId', door.handle(async (req, res) => {
    const conversation = door.authorized(req);
    res.send(200, { conversationId: conversation.id, token: bearer(req.headers.authorization), expires_in: tokens.lifetimeSeconds });
  }));

  server.post('/v3/directline/tokens/refresh', door.handle(async (req, res) => {
    const conversation = door.authorized(req);
    res.send(200, { conversationId: conversation.id, token: tokens.issue(conversation.id), expires_in: tokens.lifetimeSeconds });
  }));

  server.get('/v3/directline/conversations/:conversationId/activities', door.handle(async (req, res) => {
    const conversation = door.authorized(req);
    const body = log.since(conversation, Number(req.query?.watermark ?? 0));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  }));

  server.post('/v3/directline/conversations/:conversationId/activities', door.handle(async (req, res) => {
    const conversation = door.authorized(req);
    door.guard(req, conversation);
    const body = await readJsonBody(req, USER_JSON);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'BadArgument', 'Activité invalide : un objet JSON est attendu.');
    const activity = userActivity(body as Record<string, unknown>, conversation, (id) => door.files.get(id, conversation.id) !== undefined);
    const stored = door.appendOr429(conversation, activity);
    res.send(200, { id: stored.id });
    void door.runTurn(conversation, door.toBot(conversation, stored), door.heldFiles(stored));
  }));
}
