import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { RejectedUpload, UploadRejection } from '../../attachments/types';
import { HttpError } from '../http/HttpError';
import { exceedsJsonDepth } from '../http/jsonDepth';
import { mediaType } from '../http/readJsonBody';
import { wellFormed } from './userActivity';

export interface UploadedFile {
  name: string;
  contentType: string;
  /** Reserved in the shared budget: whoever keeps it must give it back (AttachmentStore does). */
  bytes: Buffer;
}

export interface UploadResult {
  activity: Record<string, unknown>;
  files: UploadedFile[];
  rejected: RejectedUpload[];
}

/** Where an upload reserves the memory of the bytes it keeps (the shared budget, with a per-client share). */
export interface UploadBudget {
  tryReserve(bytes: number): boolean;
  release(bytes: number): void;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxBatchBytes: number;
  maxFiles: number;
  budget: UploadBudget;
  /** Spends raw request bytes from the client's allowance; false stops the upload (429). */
  spend: (bytes: number) => boolean;
  /**
   * An upload that brings fewer than `MIN_BYTES_PER_WINDOW` in this long is stalled and abandoned (a
   * sender trickling bytes would otherwise hold its share of the memory for minutes). Default 15 s.
   */
  stallMs?: number;
}

const ACTIVITY_PART_MAX_BYTES = 64 * 1024;
/** Files past `maxFiles` are still counted, up to this many parts in all; the first ones are named. */
const MAX_PARTS = 1000;
const MAX_NAMED_REFUSALS = 50;
/** 16 KB per window: about 1 KB/s at the default window, far below the slowest real connection. */
const MIN_BYTES_PER_WINDOW = 16 * 1024;

/**
 * Parses a Direct Line upload (multipart: one `activity` JSON part, then `file` parts) into memory
 * only — nothing is written to disk. Every file that is not kept is named with its reason: over the
 * per-file limit, empty, over the upload's total, the server's upload memory full, too many files.
 */
export function readUpload(req: IncomingMessage, limits: UploadLimits): Promise<UploadResult> {
  if (mediaType(req) !== 'multipart/form-data') {
    return Promise.reject(new HttpError(415, 'UnsupportedMediaType', 'Envoi de fichiers : un corps multipart/form-data est attendu.', true));
  }
  const coding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity' && coding !== '') {
    return Promise.reject(new HttpError(415, 'UnsupportedEncoding', 'Envoi de fichiers : le corps ne doit pas être compressé.', true));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxFileBytes, files: MAX_PARTS, fields: 10, parts: MAX_PARTS + 10, fieldSize: ACTIVITY_PART_MAX_BYTES },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(new HttpError(400, 'BadArgument', 'Envoi de fichier illisible.', true));
      return;
    }
    const result: UploadResult = { activity: {}, files: [], rejected: [] };
    let batchBytes = 0;
    let fileCount = 0;
    let settled = false;
    const pending: Promise<void>[] = [];
    let windowBytes = 0;
    const stall = setInterval(() => {
      if (windowBytes < MIN_BYTES_PER_WINDOW) fail(new HttpError(408, 'UploadStalled', 'Envoi trop lent, interrompu : vérifiez votre connexion puis renvoyez vos fichiers.', true));
      windowBytes = 0;
    }, limits.stallMs ?? 15_000);
    stall.unref();
    const fail = (error: HttpError) => {
      if (settled) return;
      settled = true;
      clearInterval(stall);
      reject(error);
      for (const file of result.files) limits.budget.release(file.bytes.length);
      result.files = [];
      req.unpipe(parser);
      req.pause();
      parser.destroy();
    };

    req.on('data', (chunk: Buffer) => {
      windowBytes += chunk.length;
      if (!limits.spend(chunk.length)) fail(new HttpError(429, 'TooManyRequests', 'Trop de données envoyées en peu de temps : patientez une minute avant de renvoyer vos fichiers.', true));
    });
    req.on('close', () => {
      if (!req.complete) fail(new HttpError(400, 'BadArgument', 'Envoi interrompu.', true));
    });
    req.on('error', () => fail(new HttpError(400, 'BadArgument', 'Envoi interrompu.', true)));

    parser.on('file', (field, stream, info) => {
      const name = wellFormed(Array.from(info.filename || 'fichier').slice(0, 255).join(''));
      if (field === 'activity') {
        collectActivity(stream, result);
        return;
      }
      stream.on('error', () => undefined);
      fileCount++;
      const chunks: Buffer[] = [];
      let kept = 0;
      let refusal: UploadRejection | undefined = fileCount > limits.maxFiles ? 'TOO_MANY_FILES' : undefined;
      const refuse = (reason: UploadRejection) => {
        refusal = reason;
        limits.budget.release(kept);
        batchBytes -= kept;
        chunks.length = 0;
        kept = 0;
      };
      stream.on('data', (chunk: Buffer) => {
        if (refusal || settled) return;
        if (batchBytes + chunk.length > limits.maxBatchBytes) return refuse('BATCH_TOO_LARGE');
        if (!limits.budget.tryReserve(chunk.length)) return refuse('SERVER_BUSY');
        chunks.push(chunk);
        kept += chunk.length;
        batchBytes += chunk.length;
      });
      stream.on('limit', () => {
        if (!refusal) refuse('TOO_LARGE');
      });
      pending.push(
        new Promise<void>((done) =>
          stream.on('close', () => {
            if (settled) limits.budget.release(kept);
            else if (refusal) result.rejected.push({ name, reason: refusal });
            else if (kept === 0) result.rejected.push({ name, reason: 'EMPTY', sizeBytes: 0 });
            else result.files.push({ name, contentType: info.mimeType || 'application/octet-stream', bytes: Buffer.concat(chunks, kept) });
            done();
          }),
        ),
      );
    });
    parser.on('field', (field, value) => {
      if (field === 'activity') result.activity = parseActivity(value);
    });
    parser.on('filesLimit', () => result.rejected.push({ name: `fichiers au-delà du ${MAX_PARTS}e`, reason: 'TOO_MANY_FILES' }));
    parser.on('error', () => fail(new HttpError(400, 'BadArgument', 'Envoi de fichier illisible.', true)));
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        clearInterval(stall);
        resolve({ ...result, rejected: namedFirst(result.rejected) });
      });
    });
    req.pipe(parser);
  });
}

/** The first refusals by name, the rest summed up in one line: a thousand tiny parts must not make a thousand lines. */
function namedFirst(rejected: RejectedUpload[]): RejectedUpload[] {
  if (rejected.length <= MAX_NAMED_REFUSALS) return rejected;
  const rest = rejected.slice(MAX_NAMED_REFUSALS);
  return [...rejected.slice(0, MAX_NAMED_REFUSALS), { name: `${rest.length} autres fichiers`, reason: rest[0]!.reason }];
}

function collectActivity(stream: NodeJS.ReadableStream, result: UploadResult): void {
  stream.on('error', () => undefined);
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= ACTIVITY_PART_MAX_BYTES) chunks.push(chunk);
  });
  stream.on('end', () => {
    result.activity = size <= ACTIVITY_PART_MAX_BYTES ? parseActivity(Buffer.concat(chunks).toString('utf8')) : {};
  });
}

function parseActivity(text: string): Record<string, unknown> {
  if (exceedsJsonDepth(text, 16)) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
