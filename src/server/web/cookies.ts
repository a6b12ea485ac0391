import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'ha30_session';

/** The value of the first cookie named `name` in the request's Cookie header(s), if any. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    return part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds the browser keeps it; 0 deletes it. */
  maxAgeSeconds: number;
}

/** HttpOnly (no script reads it), SameSite=Strict (never sent by another site's page), whole site. */
export function sessionCookie(value: string, options: CookieOptions): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
