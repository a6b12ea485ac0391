import type { Request, Response, Server } from 'restify';
import type { SignedIn } from '../../accounts';
import { clientKey } from '../http/clientAddress';
import { HttpError } from '../http/HttpError';
import { readJsonBody } from '../http/readJsonBody';
import { sendError } from '../http/sendError';
import { isCrossSite } from './requestOrigin';
import type { WebSessions } from './WebSessions';

/** A sign-in is two short strings: a few kilobytes, flat. */
const SIGN_IN_JSON = { maxBytes: 4096, maxDepth: 2 };
const SIGN_IN_REFUSED = 'Identifiant ou mot de passe incorrect.';

interface Credentials {
  login: string;
  password: string;
}

function credentials(body: unknown): Credentials {
  const given = body as Partial<Record<keyof Credentials, unknown>> | null;
  if (!given || typeof given !== 'object' || Array.isArray(given) || typeof given.login !== 'string' || typeof given.password !== 'string' || !given.login.trim() || !given.password) {
    throw new HttpError(400, 'BadArgument', 'Indiquez votre identifiant et votre mot de passe : {"login": "…", "password": "…"}.');
  }
  return { login: given.login.slice(0, 200), password: given.password };
}

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return `${count} minute${count > 1 ? 's' : ''}`;
}

function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * (Refused before the body is read: the connection is closed rather than drained.)
 * A state-changing request on /api/session that comes with a live session must carry that
 * session's CSRF token, and none may come from another site.
 */
function checkChange(req: Request, sessions: WebSessions, signedIn: SignedIn | undefined): void {
  if (isCrossSite(req, sessions.publicHostname)) throw new HttpError(403, 'CrossSiteRefused', 'Requête refusée : elle ne vient pas de ce site.', true);
  if (signedIn && !sessions.csrfValid(req, signedIn)) {
    throw new HttpError(403, 'CsrfTokenInvalid', 'Jeton anti-falsification absent ou invalide (en-tête X-CSRF-Token) : rechargez la page et réessayez.', true);
  }
}

/** web-contract.md §2: sign in (POST), who am I (GET), sign out (DELETE). */
export function registerSessionRoutes(server: Server, sessions: WebSessions, trustProxy: boolean): void {
  server.post('/api/session', async (req: Request, res: Response) => {
    noStore(res);
    try {
      const previous = sessions.current(req);
      checkChange(req, sessions, previous);
      const given = credentials(await readJsonBody(req, SIGN_IN_JSON));
      const outcome = await sessions.authenticator.signIn(given.login, given.password, clientKey(req, trustProxy));
      if (outcome.kind === 'throttled' || outcome.kind === 'busy') {
        const wait = outcome.kind === 'throttled' ? outcome.retryAfterSeconds : 5;
        res.setHeader('Retry-After', String(wait));
        const message = outcome.kind === 'throttled' ? `Trop de tentatives de connexion : réessayez dans ${minutes(wait)}.` : 'Trop de connexions en cours : réessayez dans quelques secondes.';
        res.send(429, { error: { code: 'TooManyAttempts', message } });
        return;
      }
      if (outcome.kind === 'refused') {
        res.send(401, { error: { code: 'SignInFailed', message: SIGN_IN_REFUSED } });
        return;
      }
      // Whatever id the browser came with (live, stale or planted by someone else) ends here: the
      // signed-in session always has a fresh one.
      sessions.authenticator.signOut(sessions.cookieId(req));
      sessions.setCookie(req, res, outcome.id);
      res.send(204);
    } catch (error) {
      sendError(res, error);
    }
  });

  server.get('/api/session', async (req: Request, res: Response) => {
    noStore(res);
    const signedIn = sessions.current(req);
    if (!signedIn) {
      sessions.clearCookie(req, res);
      res.send(401, { error: { code: 'SignInRequired', message: 'Vous n’êtes pas connecté : connectez-vous sur /connexion.' } });
      return;
    }
    const user = sessions.user(signedIn);
    res.send(200, {
      ...user,
      home: user.role === 'cci' ? '/admin' : '/acheteurs',
      csrfToken: signedIn.session.csrfToken,
      expiresAt: new Date(sessions.authenticator.expiresAt(signedIn.session)).toISOString(),
    });
  });

  server.del('/api/session', async (req: Request, res: Response) => {
    noStore(res);
    try {
      const signedIn = sessions.current(req);
      checkChange(req, sessions, signedIn);
      sessions.authenticator.signOut(sessions.cookieId(req));
      sessions.clearCookie(req, res);
      res.send(204);
    } catch (error) {
      sendError(res, error);
    }
  });
}
