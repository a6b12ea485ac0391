import type { IncomingMessage } from 'node:http';
import type { Role } from '../../accounts';
import { HttpError } from '../http/HttpError';

/** Who is signed in, as the pages and APIs behind the access guard see them. */
export interface SignedInUser {
  login: string;
  role: Role;
  name?: string;
  /** The organisation of knowledge/contacts.json the account is tied to (a club member for a buyer). */
  orgId?: string;
  orgName?: string;
}

export const SIGN_IN_REQUIRED = 'Connexion requise : connectez-vous sur /connexion avec un compte acheteur ou CCI.';

const users = new WeakMap<IncomingMessage, SignedInUser>();

export function rememberUser(req: IncomingMessage, user: SignedInUser): void {
  users.set(req, user);
}

/**
 * The user the access guard let through, for a route under /acheteurs, /admin, /api/insights/… or
 * /api/knowledge/…; undefined anywhere else (the guard does not look at other routes).
 */
export function signedInUser(req: IncomingMessage): SignedInUser | undefined {
  return users.get(req);
}

/** Like signedInUser, for handlers that cannot run without one: a 401 HttpError otherwise (sendError answers it). */
export function requireUser(req: IncomingMessage): SignedInUser {
  const user = users.get(req);
  if (!user) throw new HttpError(401, 'SignInRequired', SIGN_IN_REQUIRED);
  return user;
}
