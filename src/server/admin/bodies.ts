import type { Request, Response } from 'restify';
import type { KnowledgeProblem } from '../../knowledge/problems';
import { type Logger, scrubError } from '../../logger';
import { EditorError, isEditorError } from '../../knowledge/editor';
import { HttpError, isHttpError } from '../http/HttpError';
import { readJsonBody } from '../http/readJsonBody';

/** A record is small (the largest, a contact or a rule, is a few kilobytes): 256 KB and 32 levels are plenty. */
export const ADMIN_JSON = { maxBytes: 256 * 1024, maxDepth: 32 };

/** The JSON object of a request body, or a 400 saying what was expected. */
export async function objectBody(req: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req, ADMIN_JSON);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'BadArgument', 'Corps de requête invalide : un objet JSON { … } est attendu.');
  return body as Record<string, unknown>;
}

/** A text field of a body or a query, absent allowed; any other type is a 400 naming the field. */
export function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'BadArgument', `« ${name} » doit être un texte.`);
  return value;
}

export function requiredText(value: unknown, name: string): string {
  const text = optionalText(value, name);
  if (text === undefined || text === '') throw new HttpError(400, 'BadArgument', `« ${name} » manque.`);
  return text;
}

/** docs/admin-api.md: a problem as the pages show it, « what is wrong — how to fix it ». */
export function presentProblems(problems: readonly KnowledgeProblem[]): { file: string; path: string; message: string }[] {
  return problems.map((p) => ({ file: p.file, path: p.path, message: `${p.what} — ${p.fix}` }));
}

const EDITOR_STATUS: Record<EditorError['kind'], number> = { 'not-found': 404, 'bad-request': 400, conflict: 409, invalid: 422, busy: 429 };

/**
 * Answers a refused admin request as docs/admin-api.md says: `{ error: "<phrase française>" }`,
 * with `problems` (422) or `current` (409). Anything unexpected is a generic 500, logged.
 */
export function sendAdminError(res: Response, error: unknown, logger: Logger, route: string | undefined): void {
  if (res.headersSent) return;
  res.setHeader('Cache-Control', 'no-store');
  if (isEditorError(error)) {
    const { problems, current } = error.details;
    if (error.kind === 'busy') res.setHeader('Retry-After', '5');
    res.send(EDITOR_STATUS[error.kind], { error: error.message, ...(problems ? { problems: presentProblems(problems) } : {}), ...(current ? { current } : {}) });
    return;
  }
  if (isHttpError(error)) {
    if (error.closeConnection) res.setHeader('Connection', 'close');
    res.send(error.status, { error: error.message });
    return;
  }
  logger.error({ event: 'admin_failed', route, err: scrubError(error) }, 'admin request failed');
  res.send(500, { error: 'Erreur interne du serveur : rien n’a été modifié si la réponse n’est pas arrivée ; rechargez la page pour vérifier.' });
}

export { EditorError };
