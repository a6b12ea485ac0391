import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Authenticator, type SignedIn, sameToken } from '../../accounts';
import { cameOverHttps } from './requestOrigin';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import type { SignedInUser } from './currentUser';

export interface WebSessionsOptions {
  trustProxy: boolean;
  /** When set the cookie is always Secure (the site is served over https behind it). */
  publicHostname: string;
  /** Name of an organisation id of knowledge/ (undefined when unknown). */
  organisationName: (id: string) => string | undefined;
}

export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie of an HTTP request, read and written the same way for every route that uses it. */
export class WebSessions {
  constructor(
    readonly authenticator: Authenticator,
    private readonly options: WebSessionsOptions,
  ) {}

  get publicHostname(): string {
    return this.options.publicHostname;
  }

  cookieId(req: IncomingMessage): string | undefined {
    return readCookie(req, SESSION_COOKIE);
  }

  /** The live session the request's cookie names, if any (a forged, expired or revoked one is none). */
  current(req: IncomingMessage): SignedIn | undefined {
    return this.authenticator.current(this.cookieId(req));
  }

  user(signedIn: SignedIn): SignedInUser {
    const { login, role, name, orgId } = signedIn.account;
    const orgName = orgId ? this.options.organisationName(orgId) : undefined;
    return { login, role, ...(name ? { name } : {}), ...(orgId ? { orgId } : {}), ...(orgName ? { orgName } : {}) };
  }

  /** The request carries the CSRF token of that very session, in X-CSRF-Token. */
  csrfValid(req: IncomingMessage, signedIn: SignedIn): boolean {
    const header = req.headers[CSRF_HEADER];
    return sameToken(Array.isArray(header) ? undefined : header, signedIn.session.csrfToken);
  }

  setCookie(req: IncomingMessage, res: ServerResponse, id: string): void {
    res.setHeader('Set-Cookie', sessionCookie(id, { secure: this.secure(req), maxAgeSeconds: this.authenticator.absoluteMs / 1000 }));
  }

  /** Tells the browser to forget a cookie it sent that names no live session (or one just ended). */
  clearCookie(req: IncomingMessage, res: ServerResponse): void {
    if (this.cookieId(req) !== undefined) res.setHeader('Set-Cookie', clearedSessionCookie(this.secure(req)));
  }

  private secure(req: IncomingMessage): boolean {
    return Boolean(this.options.publicHostname) || cameOverHttps(req, this.options.trustProxy);
  }
}
