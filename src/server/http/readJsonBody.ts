import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { type ContentDecoder, contentDecoder } from '../../streams/contentDecoder';
import { HttpError } from './HttpError';
import { exceedsJsonDepth } from './jsonDepth';

export interface JsonBodyLimits {
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
}

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;

/** The media type without its parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A decompressing stream for the request's Content-Encoding, none for identity; unknown codings are refused. */
export function decoderFor(req: IncomingMessage): ContentDecoder | undefined {
  const decoder = contentDecoder(req.headers['content-encoding']);
  if (decoder !== 'unsupported') return decoder;
  const coding = String(req.headers['content-encoding']).slice(0, 40);
  throw new HttpError(415, 'UnsupportedEncoding', `Encodage de contenu non pris en charge (${coding}) : envoyez le corps en gzip, deflate, br ou sans compression.`, true);
}

/**
 * Reads a JSON request body with its limits enforced while it streams: the size is counted on the
 * inflated bytes (a gzip bomb is stopped at the limit, never inflated in full), a broken compressed
 * stream is a 400 and never an unhandled stream error, and the nesting depth is checked before parsing.
 */
export async function readJsonBody(req: IncomingMessage, limits: JsonBodyLimits): Promise<unknown> {
  const type = mediaType(req);
  if (!JSON_TYPE.test(type)) {
    throw new HttpError(415, 'UnsupportedMediaType', 'Type de contenu non pris en charge : cette adresse attend du JSON (application/json).', true);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const decoder = decoderFor(req);
  const bytes = await collect(req, decoder, limits.maxBytes);
  const text = bytes.toString('utf8');
  if (exceedsJsonDepth(text, limits.maxDepth)) {
    throw new HttpError(400, 'BadArgument', `JSON trop imbriqué : ${limits.maxDepth} niveaux au plus.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'BadArgument', 'Corps de requête illisible : JSON invalide.');
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'RequestTooLarge', `Requête trop volumineuse : ${Math.round(maxBytes / 1024)} Ko au plus une fois décompressée.`, true);
}

function collect(req: IncomingMessage, decoder: ContentDecoder | undefined, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const source: Readable = decoder ?? req;
    const finish = (error?: HttpError) => {
      if (settled) return;
      settled = true;
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      if (error) {
        source.removeAllListeners('data');
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, total));
    };
    source.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    });
    source.on('end', () => finish());
    // Both streams get a handler: an 'error' without one ends the whole process.
    req.on('error', () => finish(new HttpError(400, 'BadArgument', 'Requête interrompue.', true)));
    req.on('close', () => {
      if (!req.complete) finish(new HttpError(400, 'BadArgument', 'Requête interrompue.', true));
    });
    if (decoder) {
      decoder.on('error', () => finish(new HttpError(400, 'BadArgument', 'Corps de requête compressé illisible.', true)));
      req.pipe(decoder);
    }
  });
}
