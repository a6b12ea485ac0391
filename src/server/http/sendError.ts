import type { Response } from 'restify';
import { isHttpError } from './HttpError';

const INTERNAL_MESSAGE = 'Erreur interne du serveur : réessayez dans un instant.';

/** French bodies for the refusals restify produces itself (unknown route, wrong method…). */
const RESTIFY_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Requête invalide.',
  401: 'Authentification requise.',
  403: 'Accès refusé.',
  404: 'Adresse inconnue sur ce serveur : vérifiez le lien.',
  405: 'Méthode non autorisée pour cette adresse.',
  406: 'Format de réponse indisponible : ce serveur répond en JSON.',
  408: 'Requête trop lente, interrompue : réessayez.',
  409: 'Requête en conflit avec l’état du serveur : réessayez.',
  411: 'Longueur du corps de requête manquante.',
  412: 'Condition préalable de la requête non remplie.',
  413: 'Requête trop volumineuse.',
  414: 'Adresse trop longue.',
  415: 'Type de contenu non pris en charge.',
  422: 'Contenu de la requête inutilisable.',
  429: 'Trop de requêtes : patientez un instant avant de réessayer.',
  503: 'Service momentanément indisponible : réessayez dans quelques instants.',
};

/** The French message for a status restify refused on its own; a generic one for any other code. */
export function frenchStatusMessage(status: number): string {
  return RESTIFY_MESSAGES[status] ?? (status >= 500 ? INTERNAL_MESSAGE : 'Requête refusée.');
}

/**
 * Gives an error restify is about to send (its own English "… does not exist", "GET is not allowed")
 * the `{error: {code, message}}` body in French that every other refusal of the server has. To be
 * called from the server's `restifyError` listener, before restify formats the response.
 */
export function frenchRestifyError(error: Error & { statusCode?: number; body?: { code?: unknown } }): void {
  const status = error.statusCode ?? 500;
  const code = typeof error.body?.code === 'string' ? error.body.code : status >= 500 ? 'InternalError' : 'BadRequest';
  const body = { error: { code: status >= 500 ? 'InternalError' : code, message: frenchStatusMessage(status) } };
  Object.assign(error, { toJSON: () => body });
}

/**
 * Answers a refused request with `{error: {code, message}}` in French. Anything that is not an
 * HttpError is an internal failure: a generic 500 that says nothing of its cause.
 */
export function sendError(res: Response, error: unknown): void {
  if (res.headersSent) return;
  if (isHttpError(error)) {
    // The body was not fully read: close rather than let Node drain (or a client reuse) the socket.
    if (error.closeConnection) res.setHeader('Connection', 'close');
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.send(error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  res.send(500, { error: { code: 'InternalError', message: INTERNAL_MESSAGE } });
}
