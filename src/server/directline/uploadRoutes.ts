import type { Server } from 'restify';
import { HttpError } from '../http/HttpError';
import { type DirectLineDoor, unauthorized } from './DirectLineDoor';
import { bearer } from './DirectLineTokens';
import { readUpload } from './readUpload';
import { ATTACHMENT_PATH, userActivity, wellFormed } from './userActivity';

export const MAX_FILES_PER_UPLOAD = 50;

/** Uploading files into a conversation (multipart, in memory only) and reading one back with its token. */
export function registerUploadRoutes(server: Server, door: DirectLineDoor): void {
  const { files, deps } = door;

  server.post('/v3/directline/conversations/:conversationId/upload', door.handle(async (req, res) => {
    const conversation = door.authorized(req);
    door.guard(req, conversation);
    // One upload at a time per conversation, and each client within its share of the upload memory.
    if (door.uploading.has(conversation.id)) throw new HttpError(429, 'UploadInProgress', 'Un envoi de fichiers est déjà en cours dans cette conversation : attendez qu’il se termine.');
    door.uploading.add(conversation.id);
    const who = door.client(req);
    const share = door.shares.open(who);
    const upload = await readUpload(req, {
      maxFileBytes: deps.uploadMaxBytes,
      maxBatchBytes: deps.config.uploadBatchMaxBytes,
      maxFiles: MAX_FILES_PER_UPLOAD,
      budget: share,
      spend: (bytes) => door.uploadBytes.take(who, bytes),
    })
      .catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 429) door.notice(conversation, error.message);
        throw error;
      })
      .finally(() => {
        door.uploading.delete(conversation.id);
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
    const stored = door.appendOr429(conversation, { ...base, attachments, channelData });
    res.send(200, { id: stored.id });
    const held = door.heldFiles(stored);
    void door.runTurn(conversation, door.toBot(conversation, stored), held, () => {
      // The bot has read them: give their memory back at once rather than after 30 minutes.
      for (const url of held.keys()) files.remove(ATTACHMENT_PATH.exec(url)![1]!);
    });
  }));

  server.get('/v3/directline/attachments/:fileId', door.handle(async (req, res) => {
    const claims = door.tokens.verify(bearer(req.headers.authorization));
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
}

/** The Host header as given, if it is a plain host[:port] (it becomes part of the file links). */
function safeHost(host: string | undefined): string {
  return host && /^[a-zA-Z0-9.:[\]-]{1,255}$/.test(host) ? host : '127.0.0.1';
}
