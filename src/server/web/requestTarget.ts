import type { IncomingMessage } from 'node:http';

/** A host name or address with an optional port: nothing that could carry a path, a user or a query. */
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** Encoded slash or backslash: the guard reads a separator there, the router a character of a segment. */
const ENCODED_SEPARATOR = /%(2f|5c)/i;

function decodeEscapes(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Restify routes on `new URL('http://' + Host + req.url).pathname`: a Host header holding a path
 * ("x/api/knowledge"), a user ("a@b") or a query, or an absolute target ("http://x/admin"), would
 * move the path it matches away from the one the guard reads. Those are refused outright.
 */
export function targetIsPlain(req: IncomingMessage): boolean {
  if (!String(req.url ?? '').startsWith('/')) return false;
  const host = req.headers.host;
  return host === undefined || host === '' || HOST.test(host);
}

/**
 * The path as restify's router reads it (dot segments and backslashes resolved the WHATWG way,
 * escapes decoded but encoded separators kept inside their segment), repeated slashes collapsed and
 * lower-cased as the guard's reading is — only a real difference between the two readings counts.
 * Undefined when it cannot be read at all.
 */
export function routerPath(url: string | undefined): string | undefined {
  try {
    const pathname = new URL(`http://localhost${String(url ?? '/')}`).pathname;
    return decodeEscapes(pathname.replace(/%(2f|5c)/gi, '%25$1')).replace(/\/{2,}/g, '/').toLowerCase();
  } catch {
    return undefined;
  }
}

export function hasEncodedSeparator(url: string | undefined): boolean {
  return ENCODED_SEPARATOR.test(String(url ?? '').split(/[?#]/)[0] ?? '');
}
