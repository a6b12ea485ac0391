import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { type Role, roleAllows } from '../../accounts';
import { rememberUser, SIGN_IN_REQUIRED } from './currentUser';
import { sendPage } from './sendPage';
import { changesState, isCrossSite } from './requestOrigin';
import { hasEncodedSeparator, routerPath, targetIsPlain } from './requestTarget';
import type { WebSessions } from './WebSessions';

/** A part of the site only signed-in people reach: pages redirect to /connexion, APIs answer 401. */
export interface Zone {
  prefix: string;
  kind: 'page' | 'api';
  /** The least role that may enter (cci may enter wherever a buyer may). */
  role: Role;
}

/** web-contract.md §3–4. Everything under these prefixes is guarded, whatever routes are added there later. */
export const ZONES: readonly Zone[] = [
  { prefix: '/acheteurs', kind: 'page', role: 'buyer' },
  { prefix: '/admin', kind: 'page', role: 'cci' },
  { prefix: '/api/insights', kind: 'api', role: 'buyer' },
  { prefix: '/api/knowledge', kind: 'api', role: 'cci' },
];

/**
 * The path as a router could end up reading it: percent-escapes decoded, backslashes as slashes,
 * dot segments resolved, repeated slashes collapsed, lower case — so that /%61dmin, //admin,
 * /x/../admin or /ADMIN cannot slip past the prefix test. Decoding never fails (bad escapes stay).
 */
export function normalisedPath(url: string | undefined): string {
  const raw = String(url ?? '/').split(/[?#]/)[0] ?? '/';
  const decoded = raw.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`).replace(/\/{2,}/g, '/').toLowerCase();
}

function zoneAt(at: string): Zone | undefined {
  return ZONES.find((zone) => at.startsWith(zone.prefix));
}

export function zoneOf(url: string | undefined): Zone | undefined {
  return zoneAt(normalisedPath(url));
}

const BAD_PATH = 'Adresse invalide : écrivez le chemin sans barre oblique encodée (%2F, %5C) ni hôte inhabituel, puis réessayez.';

/**
 * The zone a request is judged by, or 'ambiguous' when the guard's reading of its path and the
 * router's could differ on a guarded part of the site (an encoded separator, a Host that moves the
 * path, a dot segment that leaves one zone for another): such a request is refused, whoever sends it.
 */
function judgedZone(req: Request): Zone | undefined | 'ambiguous' {
  if (!targetIsPlain(req)) return 'ambiguous';
  const ours = zoneOf(req.url);
  const router = routerPath(req.url);
  if (router === undefined) return 'ambiguous';
  const theirs = zoneAt(router);
  if (ours !== theirs) return 'ambiguous';
  if (ours && hasEncodedSeparator(req.url)) return 'ambiguous';
  return ours;
}

/** The zone each request was let into (what the route check after routing compares with). */
const admitted = new WeakMap<Request, Zone>();

/** Where /connexion sends the user back after sign-in: the normalised path and the query, never another site. */
function returnTo(url: string | undefined): string {
  const query = String(url ?? '').match(/\?[^#]*/)?.[0] ?? '';
  return `${normalisedPath(url)}${query}`.slice(0, 1000);
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, { error: { code, message } });
}

/**
 * The access guard, run before routing: a request under a zone reaches its route only with a live
 * session (the cookie, nothing else — a Direct Line token or an Authorization header counts for
 * nothing), of a role allowed there, and, when it changes state, from this site with the session's
 * CSRF token. Routes behind it read the user with `signedInUser(req)`.
 */
export function registerAccessGuard(server: Server, sessions: WebSessions, webDir: string): void {
  server.pre((req: Request, res: Response, next: (stop?: false) => void) => {
    const zone = judgedZone(req);
    if (zone === 'ambiguous') {
      refuse(res, 400, 'BadPath', BAD_PATH);
      next(false);
      return;
    }
    if (!zone) {
      next();
      return;
    }
    const signedIn = sessions.current(req);
    if (!signedIn) {
      sessions.clearCookie(req, res);
      if (zone.kind === 'page' && !changesState(req.method)) {
        res.writeHead(302, { Location: `/connexion?retour=${encodeURIComponent(returnTo(req.url))}`, 'Cache-Control': 'no-store', 'Content-Length': 0 });
        res.end();
      } else {
        refuse(res, 401, 'SignInRequired', SIGN_IN_REQUIRED);
      }
      next(false);
      return;
    }
    if (!roleAllows(signedIn.account.role, zone.role)) {
      if (zone.kind === 'page' && !changesState(req.method)) sendPage(res, 403, path.join(webDir, 'acces-refuse.html'));
      else refuse(res, 403, 'Forbidden', 'Accès réservé au personnel de la CCI : ce compte acheteur n’y a pas droit.');
      next(false);
      return;
    }
    if (changesState(req.method) && (isCrossSite(req, sessions.publicHostname) || !sessions.csrfValid(req, signedIn))) {
      refuse(res, 403, 'CsrfTokenInvalid', 'Jeton anti-falsification absent ou invalide (en-tête X-CSRF-Token) : rechargez la page et réessayez.');
      next(false);
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    rememberUser(req, sessions.user(signedIn));
    admitted.set(req, zone);
    next();
  });
  // The second lock, on the route restify actually matched: a guarded route runs only for a request
  // the guard let into that very zone, however its path was spelled.
  server.use((req: Request, res: Response, next: (stop?: false) => void) => {
    const zone = zoneAt(String(req.getRoute()?.path ?? '').toLowerCase());
    if (zone && admitted.get(req) !== zone) {
      refuse(res, 400, 'BadPath', BAD_PATH);
      next(false);
      return;
    }
    next();
  });
}
