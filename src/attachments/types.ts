/** An attachment as any channel describes it, without depending on the Bot Framework types. */
export interface IncomingAttachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/** A file refused before reaching the bot (the local upload route measured it). */
export interface RejectedUpload {
  name: string;
  reason: 'TOO_LARGE' | 'EMPTY';
  sizeBytes?: number;
}

export interface ReceivedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface FileRefusal {
  name: string;
  reason: 'TOO_LARGE' | 'EMPTY' | 'UNREACHABLE';
}

export interface FileBatch {
  received: ReceivedFile[];
  refused: FileRefusal[];
}
