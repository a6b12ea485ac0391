import type { Server } from 'restify';
import { type Account, AccountError, type AccountStore, normaliseLogin, type Organisation, publicAccount } from '../../accounts';
import type { DiffEntry, KnowledgeEditor } from '../../knowledge/editor';
import type { Logger } from '../../logger';
import { HttpError } from '../http/HttpError';
import type { SignedInUser } from '../web';
import { adminHandler, sendJson } from './adminRoutes';
import { objectBody, optionalText, requiredText } from './bodies';
import type { Request } from 'restify';

export interface AccountRoutesDeps {
  accounts: AccountStore;
  /** The organisations of knowledge/contacts.json as they are now (a buyer is tied to a club member). */
  organisations: () => readonly Organisation[];
  /** Account changes go to the same history as the knowledge's (never a password). */
  editor: Pick<KnowledgeEditor, 'record'>;
  currentUser: (req: Request) => SignedInUser;
  logger: Logger;
}

/** An account as docs/admin-api.md shows it: no hash, no dates; `org` for its organisation id. */
function shown(account: Account): { login: string; role: string; name?: string; org?: string } {
  const { login, role, name, orgId } = publicAccount(account);
  return { login, role, ...(name ? { name } : {}), ...(orgId ? { org: orgId } : {}) };
}

function fieldsOf(account: ReturnType<typeof shown>): DiffEntry[] {
  return Object.entries(account).map(([key, value]) => ({ path: `/${key}`, after: value }));
}

const ACCOUNT_STATUS: Partial<Record<AccountError['code'], number>> = { LOGIN_UNKNOWN: 404, ACCOUNTS_BUSY: 503, ACCOUNTS_CORRUPT: 503 };

/** The accounts domain's refusals as HTTP ones: a bad field is 422 with its French reason, in the page's words. */
async function accountCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(ACCOUNT_STATUS[error.code] ?? 422, error.code, error.webMessage);
    throw error;
  }
}

/** docs/admin-api.md « Accounts »: the CCI manages accounts from /admin as `npm run users` does. */
export function registerAccountRoutes(server: Server, deps: AccountRoutesDeps): void {
  const handle = (handler: Parameters<typeof adminHandler>[1]) => adminHandler(deps, handler);
  const login = (req: Request) => String((req.params as Record<string, unknown>).login ?? '');

  server.get('/api/knowledge/accounts', handle(async (_req, res) => sendJson(res, 200, deps.accounts.list().map(shown))));

  // The accounts form and the purchase forms offer these names instead of asking for an id by heart.
  server.get('/api/knowledge/organisations', handle(async (_req, res) => sendJson(res, 200, deps.organisations().map(({ id, name, member }) => ({ id, name, member })))));

  server.post(
    '/api/knowledge/accounts',
    handle(async (req, res, user) => {
      const body = await objectBody(req);
      const name = optionalText(body.name, 'name');
      const org = optionalText(body.org, 'org');
      const input = { login: requiredText(body.login, 'login'), role: requiredText(body.role, 'role'), ...(name !== undefined ? { name } : {}), ...(org ? { orgId: org } : {}), password: requiredText(body.password, 'password') };
      const organisations = deps.organisations();
      const account = shown(
        await accountCall(() => deps.accounts.add(input, organisations)),
      );
      const change = await deps.editor.record({ who: user.login, action: 'account.add', collection: 'accounts', recordId: account.login, summary: `Compte ${account.login} créé (${account.role === 'cci' ? 'CCI' : 'acheteur'})`, diff: fieldsOf(account), after: account });
      sendJson(res, 201, { ...account, change });
    }),
  );

  server.del(
    '/api/knowledge/accounts/:login',
    handle(async (req, res, user) => {
      if (normaliseLogin(login(req)) === user.login) throw new HttpError(422, 'CannotRemoveSelf', 'Vous ne pouvez pas supprimer votre propre compte : demandez-le à un autre membre de la CCI.');
      const account = shown(await accountCall(() => deps.accounts.remove(login(req))));
      const change = await deps.editor.record({ who: user.login, action: 'account.remove', collection: 'accounts', recordId: account.login, summary: `Compte ${account.login} supprimé`, diff: fieldsOf(account).map(({ path, after }) => ({ path, before: after })), before: account });
      sendJson(res, 200, { change });
    }),
  );

  server.post(
    '/api/knowledge/accounts/:login/password',
    handle(async (req, res, user) => {
      const body = await objectBody(req);
      const password = requiredText(body.password, 'password');
      const account = await accountCall(() => deps.accounts.setPassword(login(req), password));
      // The history says that the password changed, never what it is.
      const change = await deps.editor.record({ who: user.login, action: 'account.password', collection: 'accounts', recordId: account.login, summary: `Mot de passe du compte ${account.login} changé`, diff: [{ path: '/passwordChangedAt', after: account.passwordChangedAt }] });
      sendJson(res, 200, { change });
    }),
  );
}
