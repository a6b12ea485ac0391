import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors';
import { contentDecoder } from '../streams/contentDecoder';
import { type DownloadPolicy, ipLiteral, portOf, refusal, type ResolvedAddress, systemResolve } from './downloadPolicy';

export interface DownloadOptions {
  maxBytes: number;
  policy: DownloadPolicy;
  /** For the whole download: resolutions, redirects and body. */
  timeoutMs?: number;
  maxRedirects?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const forbidden = (reason: string) => new AppError('ATTACHMENT_FORBIDDEN_ADDRESS', 'Adresse de fichier refusée.', { reason });
const unreachable = (message: string, details: Record<string, unknown> = {}) => new AppError('ATTACHMENT_UNREACHABLE', message, details);

/**
 * Downloads one file the user sent, without letting the URL reach anything the policy forbids:
 * the host is resolved here and every address checked, the connection is pinned to the checked
 * address (no second resolution a rebinding DNS could answer differently), redirects are followed
 * by hand and each hop checked again. The declared length is checked first, then the bytes are
 * counted as they arrive (after decompression), so an oversized file is never held in memory.
 */
export async function downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
  const { maxBytes, policy, timeoutMs = DEFAULT_TIMEOUT_MS, maxRedirects = MAX_REDIRECTS } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw forbidden('malformed');
  }
  for (let hop = 0; ; hop++) {
    const pinned = await checkedAddress(current, policy, signal);
    const response = await get(current, pinned, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (!location) throw unreachable('Redirection sans adresse.', { status });
      if (hop >= maxRedirects) throw unreachable('Trop de redirections.', { redirects: hop + 1 });
      try {
        current = new URL(location, current);
      } catch {
        throw forbidden('malformed redirect');
      }
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw unreachable('Téléchargement refusé.', { status });
    }
    return readBody(response, maxBytes, signal);
  }
}

/** The address to connect to, once every address of the host has passed the policy. */
async function checkedAddress(url: URL, policy: DownloadPolicy, signal: AbortSignal): Promise<ResolvedAddress> {
  const literal = ipLiteral(url);
  let addresses: readonly ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw forbidden('scheme');
  } else {
    try {
      addresses = await abortable((policy.resolve ?? systemResolve)(url.hostname), signal);
    } catch (error) {
      throw unreachable('Nom de serveur introuvable.', { cause: (error as Error).name });
    }
  }
  if (addresses.length === 0) throw unreachable('Nom de serveur introuvable.');
  for (const { address } of addresses) {
    const reason = refusal(url, address, policy);
    if (reason) throw forbidden(reason);
  }
  return addresses[0]!;
}

/** A lookup that answers the already checked address whatever it is asked: no second resolution. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function get(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const literal = ipLiteral(url);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request({
      protocol: url.protocol,
      host: literal ?? url.hostname,
      port: portOf(url),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { accept: '*/*', 'accept-encoding': 'identity', 'user-agent': 'ha30-assistant' },
      agent: false,
      lookup: pinnedLookup(pinned),
      ...(url.protocol === 'https:' && !literal ? { servername: url.hostname } : {}),
      signal,
    });
    request.once('socket', (socket: Socket) => {
      socket.once('connect', () => {
        // Belt and braces: the socket must have reached the checked address and nothing else.
        const remote = socket.remoteAddress ?? '';
        if (!ipaddr.isValid(remote) || ipaddr.process(remote).toString() !== ipaddr.process(pinned.address).toString()) {
          request.destroy(forbidden('connected elsewhere'));
        }
      });
    });
    request.once('response', resolve);
    // `on`, not `once`: an abort or a destroy after the response must not become an uncaught error.
    request.on('error', (error) => reject(error instanceof AppError ? error : unreachable('Téléchargement impossible.', { cause: error.name })));
    request.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const decoder = contentDecoder(response.headers['content-encoding']);
  if (decoder === undefined) return response;
  if (decoder === 'unsupported') {
    response.destroy();
    throw unreachable('Encodage non pris en charge.', { encoding: String(response.headers['content-encoding']).slice(0, 40) });
  }
  pipeline(response, decoder, () => undefined);
  return decoder;
}

async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw new AppError('ATTACHMENT_TOO_LARGE', 'Fichier trop volumineux.', { sizeBytes: declared });
  }
  const body = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', 'Fichier trop volumineux.', { sizeBytes: total });
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreachable('Téléchargement interrompu.', { cause: signal.aborted ? 'TimeoutError' : (error as Error).name });
  } finally {
    response.destroy();
    body.destroy();
  }
  if (total === 0) throw new AppError('ATTACHMENT_EMPTY', 'Fichier vide.');
  return Buffer.concat(chunks);
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
