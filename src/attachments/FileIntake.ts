import { isAppError } from '../errors';
import { downloadFile } from './downloadFile';
import type { DownloadPolicy } from './downloadPolicy';
import { type FileReference, fileReferences } from './fileAttachments';
import { type FileBatch, type FileRefusal, type IncomingAttachment, type ReceivedFile, type RejectedUpload, UPLOAD_REJECTIONS } from './types';

export interface FileIntakeOptions {
  /** Per file. */
  maxBytes: number;
  /** Which servers downloads may contact (see DownloadPolicy). */
  policy: DownloadPolicy;
  /** What the upload route allows in one upload (said to the user when a file is refused for it). */
  batchLimitBytes?: number;
  maxFilesPerUpload?: number;
  /** For each download, redirects included (default 60 s). */
  timeoutMs?: number;
}

/**
 * Turns the attachments of one message, whatever the channel, into files in memory, and reports in
 * the same list what was refused (by the upload route, or here while downloading).
 */
export class FileIntake {
  private readonly maxBytes: number;
  readonly batchLimitBytes: number;
  readonly maxFilesPerUpload: number;

  constructor(private readonly options: FileIntakeOptions) {
    this.maxBytes = options.maxBytes;
    this.batchLimitBytes = options.batchLimitBytes ?? 200 * 1024 * 1024;
    this.maxFilesPerUpload = options.maxFilesPerUpload ?? 50;
  }

  get limitBytes(): number {
    return this.maxBytes;
  }

  hasFiles(attachments: readonly IncomingAttachment[] | undefined, rejected: readonly RejectedUpload[] = []): boolean {
    return fileReferences(attachments).length > 0 || rejected.length > 0;
  }

  /**
   * `local` holds the files this server already has in memory for this turn (the local Direct Line's
   * uploads, keyed by their URL): they are taken from there, never fetched over HTTP.
   */
  async receive(
    attachments: readonly IncomingAttachment[] | undefined,
    rejected: readonly RejectedUpload[] = [],
    local: ReadonlyMap<string, ReceivedFile> = new Map(),
  ): Promise<FileBatch> {
    const refused: FileRefusal[] = rejected.map(({ name, reason }) => ({ name, reason }));
    const received: FileBatch['received'] = [];
    let total = 0;
    for (const [index, file] of fileReferences(attachments).entries()) {
      const held = local.get(file.url);
      if (held) {
        received.push(held);
        continue;
      }
      // A Teams or Emulator message gets the same per-message budgets as a Web Chat upload.
      if (index >= this.maxFilesPerUpload) {
        refused.push({ name: file.name, reason: 'TOO_MANY_FILES' });
        continue;
      }
      const room = this.batchLimitBytes - total;
      if (room <= 0) {
        refused.push({ name: file.name, reason: 'BATCH_TOO_LARGE' });
        continue;
      }
      try {
        const bytes = await this.download(file, Math.min(this.maxBytes, room));
        total += bytes.length;
        received.push({ name: file.name, contentType: file.contentType, bytes });
      } catch (error) {
        if (isAppError(error, 'ATTACHMENT_TOO_LARGE')) refused.push({ name: file.name, reason: room < this.maxBytes ? 'BATCH_TOO_LARGE' : 'TOO_LARGE' });
        else if (isAppError(error, 'ATTACHMENT_EMPTY')) refused.push({ name: file.name, reason: 'EMPTY' });
        else if (isAppError(error, 'ATTACHMENT_FORBIDDEN_ADDRESS')) refused.push({ name: file.name, reason: 'FORBIDDEN' });
        else refused.push({ name: file.name, reason: 'UNREACHABLE' });
      }
    }
    return { received, refused };
  }

  private download(file: FileReference, maxBytes: number): Promise<Buffer> {
    // Teams files always come from public https SharePoint/OneDrive: never loopback, whatever the mode.
    const policy = file.source === 'teams' ? { ...this.options.policy, allowLoopback: false } : this.options.policy;
    return downloadFile(file.url, { maxBytes, policy, timeoutMs: this.options.timeoutMs });
  }
}

/** Reads the refusals the local upload route attached to an activity, ignoring anything malformed. */
export function rejectedUploads(channelData: unknown): RejectedUpload[] {
  const list = (channelData as { ha30UploadRejections?: unknown } | undefined)?.ha30UploadRejections;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is RejectedUpload =>
      typeof item === 'object' && item !== null && typeof (item as RejectedUpload).name === 'string' && UPLOAD_REJECTIONS.includes((item as RejectedUpload).reason),
  );
}
