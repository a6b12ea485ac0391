import type { Server } from 'restify';
import { registerBotReplyRoutes } from './botReplyRoutes';
import { registerConversationRoutes } from './conversationRoutes';
import { type DirectLineDeps, DirectLineDoor } from './DirectLineDoor';
import { registerUploadRoutes } from './uploadRoutes';

export { BOT_ACCOUNT, type DirectLineDeps } from './DirectLineDoor';
export { MAX_FILES_PER_UPLOAD } from './uploadRoutes';

/**
 * A local subset of Direct Line 3.0 — the door of the anonymous Web Chat (no Azure account, no 4 MB
 * upload limit). Tokens are signed and expire; a conversation's activities, uploads and files are
 * reachable only with its own token; each client and conversation has a budget; a conversation's
 * turns run one at a time, in order. User activities run in this process through the adapter; the
 * bot's replies come back over HTTP on a route only this process knows (a per-process secret).
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const door = new DirectLineDoor(deps);
  registerConversationRoutes(server, door);
  registerUploadRoutes(server, door);
  registerBotReplyRoutes(server, door);
}
