import type { Server } from 'restify';
import type { Authenticator } from '../../accounts';
import { registerAccessGuard } from './accessGuard';
import { registerSignInPage } from './pageRoutes';
import { registerSessionRoutes } from './sessionRoutes';
import { WebSessions, type WebSessionsOptions } from './WebSessions';

export interface WebAccessDeps extends WebSessionsOptions {
  authenticator: Authenticator;
  webDir: string;
}

/** Buyers' and CCI's doors: /connexion, /api/session, and the guard before /acheteurs, /admin and their APIs. */
export function registerWebAccess(server: Server, deps: WebAccessDeps): WebSessions {
  const sessions = new WebSessions(deps.authenticator, deps);
  registerAccessGuard(server, sessions, deps.webDir);
  registerSessionRoutes(server, sessions, deps.trustProxy);
  registerSignInPage(server, deps.webDir);
  return sessions;
}
