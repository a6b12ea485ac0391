import type { Response } from 'restify';
import { isHttpError } from './HttpError';

/**
 * Answers a refused request with `{error: {code, message}}` in French. Anything that is not an
 * HttpError is an internal failure: a generic 500 that says nothing of its cause.
 */
export function sendError(res: Response, error: unknown): void {
  if (res.headersSent) return;
  if (isHttpError(error)) {
    // The body was not fully read: close rather than let Node drain (or a client reuse) the socket.
    if (error.closeConnection) res.setHeader('Connection', 'close');
    res.send(error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  res.send(500, { error: { code: 'InternalError', message: 'Erreur interne du serveur : réessayez dans un instant.' } });
}
