/** An attachment as any channel describes it, without depending on the Bot Framework types. */
export interface IncomingAttachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/**
 * Why the local upload route refused a file before the bot saw it: over the per-file limit, empty,
 * over the total of one upload, the server's upload memory full, or past the number of files of one upload.
 */
export type UploadRejection = 'TOO_LARGE' | 'EMPTY' | 'BATCH_TOO_LARGE' | 'SERVER_BUSY' | 'TOO_MANY_FILES';
export const UPLOAD_REJECTIONS: readonly UploadRejection[] = ['TOO_LARGE', 'EMPTY', 'BATCH_TOO_LARGE', 'SERVER_BUSY', 'TOO_MANY_FILES'];

/** A file refused before reaching the bot (the local upload route measured it). */
export interface RejectedUpload {
  name: string;
  reason: UploadRejection;
  sizeBytes?: number;
}

export interface ReceivedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface FileRefusal {
  name: string;
  /** FORBIDDEN: the download policy refused the address (told to the user without any detail). */
  reason: UploadRejection | 'UNREACHABLE' | 'FORBIDDEN';
}

export interface FileBatch {
  received: ReceivedFile[];
  refused: FileRefusal[];
}
