import type { Request, Response, Server } from 'restify';
import type { KnowledgeEditor } from '../../knowledge/editor';
import type { LiveStatus } from '../../knowledge/LiveKnowledge';
import type { Logger } from '../../logger';
import { HttpError } from '../http/HttpError';
import type { SignedInUser } from '../web';
import { objectBody, optionalText, sendAdminError } from './bodies';

export interface AdminRoutesDeps {
  editor: KnowledgeEditor;
  /** The knowledge in service (docs/admin-api.md « Live status »): version, training, the refused file edits. */
  status: () => LiveStatus;
  /** The signed-in user the access guard let through (cci only under /api/knowledge), or a 401. */
  currentUser: (req: Request) => SignedInUser;
  logger: Logger;
}

export type AdminHandler = (req: Request, res: Response, user: SignedInUser) => Promise<void>;

/** Runs a handler with the signed-in user; every refusal answered as docs/admin-api.md says. */
export function adminHandler(deps: Pick<AdminRoutesDeps, 'currentUser' | 'logger'>, handler: AdminHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res, deps.currentUser(req));
    } catch (error) {
      sendAdminError(res, error, deps.logger, req.getRoute()?.path?.toString());
    }
  };
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, body);
}

/** A path parameter as restify decoded it. */
function param(req: Request, name: string): string {
  return String((req.params as Record<string, unknown>)[name] ?? '');
}

function query(req: Request): Record<string, unknown> {
  return (req.query ?? {}) as Record<string, unknown>;
}

function limitOf(value: unknown): number | undefined {
  const text = optionalText(value, 'limit');
  if (text === undefined) return undefined;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1) throw new HttpError(400, 'BadArgument', '« limit » doit être un nombre entier de 1 à 1000.');
  return Number(text);
}

/** docs/admin-api.md « Collections » and « History, audit, restore »: cci only (the access guard), writes with CSRF. */
export function registerKnowledgeRoutes(server: Server, deps: AdminRoutesDeps): void {
  const { editor } = deps;
  const handle = (handler: AdminHandler) => adminHandler(deps, handler);

  server.get('/api/knowledge/status', handle(async (_req, res) => sendJson(res, 200, deps.status())));
  server.get('/api/knowledge/collections', handle(async (_req, res) => sendJson(res, 200, editor.collections())));
  server.get(
    '/api/knowledge/collections/:c/records',
    handle(async (req, res) => sendJson(res, 200, editor.list(param(req, 'c'), optionalText(query(req).q, 'q') ?? ''))),
  );
  server.get(
    '/api/knowledge/collections/:c/records/:id',
    handle(async (req, res) => sendJson(res, 200, editor.get(param(req, 'c'), param(req, 'id')))),
  );
  server.put(
    '/api/knowledge/collections/:c/records/:id',
    handle(async (req, res, user) => {
      const body = await objectBody(req);
      sendJson(res, 200, await editor.update(param(req, 'c'), param(req, 'id'), body.record, body.version, user.login));
    }),
  );
  server.post(
    '/api/knowledge/collections/:c/records',
    handle(async (req, res, user) => {
      const body = await objectBody(req);
      const file = optionalText(body.file, 'file');
      const id = optionalText(body.id, 'id');
      sendJson(res, 201, await editor.create(param(req, 'c'), body.record, user.login, { ...(file !== undefined ? { file } : {}), ...(id !== undefined ? { id } : {}) }));
    }),
  );
  server.del(
    '/api/knowledge/collections/:c/records/:id',
    handle(async (req, res, user) => {
      const result = await editor.retire(param(req, 'c'), param(req, 'id'), optionalText(query(req).version, 'version'), user.login);
      sendJson(res, 200, { change: result.change });
    }),
  );

  server.get(
    '/api/knowledge/history',
    handle(async (req, res) => {
      const { collection, id, limit, before } = query(req);
      const filter = { collection: optionalText(collection, 'collection'), id: optionalText(id, 'id'), limit: limitOf(limit), before: optionalText(before, 'before') };
      sendJson(res, 200, editor.changes(Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined))));
    }),
  );
  server.post('/api/knowledge/history/:changeId/restore', handle(async (req, res, user) => sendJson(res, 200, await editor.restore(param(req, 'changeId'), user.login))));
  server.post('/api/knowledge/history/:changeId/undo', handle(async (req, res, user) => sendJson(res, 200, await editor.undo(param(req, 'changeId'), user.login))));
}
