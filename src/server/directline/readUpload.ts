import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { RejectedUpload } from '../../attachments/types';

export interface UploadedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface UploadResult {
  activity: Record<string, unknown>;
  files: UploadedFile[];
  rejected: RejectedUpload[];
}

const MAX_FILES = 50;

/**
 * Parses a Direct Line upload (multipart: one `activity` JSON part, then `file` parts). A file over
 * the limit is drained and reported, never kept; a zero-byte file likewise.
 */
export function readUpload(req: IncomingMessage, maxFileBytes: number): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxFileBytes, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10 }, defParamCharset: 'utf8' });
    } catch (error) {
      reject(error);
      return;
    }
    const result: UploadResult = { activity: {}, files: [], rejected: [] };
    const pending: Promise<void>[] = [];

    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      pending.push(
        new Promise<void>((done) =>
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            if (field === 'activity') {
              try {
                result.activity = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
              } catch {
                result.activity = {};
              }
            } else if (tooLarge) {
              result.rejected.push({ name: info.filename || 'fichier', reason: 'TOO_LARGE', sizeBytes: size });
            } else if (size === 0) {
              result.rejected.push({ name: info.filename || 'fichier', reason: 'EMPTY', sizeBytes: 0 });
            } else {
              result.files.push({ name: info.filename || 'fichier', contentType: info.mimeType || 'application/octet-stream', bytes });
            }
            done();
          }),
        ),
      );
    });
    parser.on('field', (field, value) => {
      if (field === 'activity') {
        try {
          result.activity = JSON.parse(value) as Record<string, unknown>;
        } catch {
          result.activity = {};
        }
      }
    });
    parser.on('error', reject);
    parser.on('close', () => {
      Promise.all(pending).then(() => resolve(result), reject);
    });
    req.pipe(parser);
  });
}
