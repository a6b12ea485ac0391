import type { Server } from 'restify';
import { HttpError } from '../http/HttpError';
import { readJsonBody } from '../http/readJsonBody';
import { BOT_ACCOUNT, BOT_RESERVE, type DirectLineDoor } from './DirectLineDoor';

const BOT_JSON = { maxBytes: 4 * 1024 * 1024, maxDepth: 64 };

/**
 * The Bot Connector side: the in-process adapter posts the bot's replies here, under a key only this
 * process knows (not "the caller is on loopback", which any local reverse proxy would make true).
 */
export function registerBotReplyRoutes(server: Server, door: DirectLineDoor): void {
  const receiveReply = door.handle(async (req, res) => {
    if (!door.isBotKey(String(req.params.key))) throw new HttpError(403, 'Forbidden', 'Accès refusé.');
    const body = (await readJsonBody(req, BOT_JSON)) as Record<string, unknown> | undefined;
    const conversation = door.log.get(String(req.params.conversationId));
    if (!conversation || !body || typeof body.type !== 'string') throw new HttpError(404, 'NotFound', 'Conversation inconnue.');
    // The service URL carries the key: it never goes into what clients read.
    const { serviceUrl: _internal, ...reply } = body;
    const stored = door.log.append(conversation, { ...reply, from: BOT_ACCOUNT }, BOT_RESERVE);
    res.send(200, { id: stored?.id ?? '' });
  });
  server.post('/_bot/:key/v3/conversations/:conversationId/activities', receiveReply);
  server.post('/_bot/:key/v3/conversations/:conversationId/activities/:activityId', receiveReply);
}
