import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { isInternal } from '../http/clientAddress';

/** The request came over https: to this server directly, or through a trusted local proxy that says so. */
export function cameOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy || !isInternal(req.socket.remoteAddress ?? '')) return false;
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

/**
 * A state-changing request sent by another site's page: the browser says so (Sec-Fetch-Site), or
 * its Origin names another host than this one (or PUBLIC_HOSTNAME). No Origin at all (curl, an old
 * browser) is not taken as cross-site: the CSRF token and SameSite=Strict still stand.
 */
export function isCrossSite(req: IncomingMessage, publicHostname: string): boolean {
  const fetchSite = String(req.headers['sec-fetch-site'] ?? '').toLowerCase();
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
  const own = String(req.headers.host ?? '').toLowerCase();
  return host !== own && (!publicHostname || host !== publicHostname);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(method: string | undefined): boolean {
  return !SAFE_METHODS.has(String(method).toUpperCase());
}
