import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface LinesFromEndLimits {
  /** Bytes read at a time. */
  chunkBytes: number;
  /** A longer line is not one this program wrote: it is skipped, never held in memory whole. */
  maxLineBytes: number;
  /** Bytes read at most from the end: what lies before is not read. */
  maxScanBytes: number;
}

/**
 * The lines of a file from the last to the first, read in chunks from its end, so that reading the
 * newest lines of a log costs the same however long the log has grown. Nothing when the file does
 * not exist. Lines are split on the byte "\n", which never occurs inside a UTF-8 character.
 */
export function* linesFromEnd(file: string, limits: LinesFromEndLimits): Generator<string> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const stop = Math.max(0, size - limits.maxScanBytes);
    let position = size;
    // The bytes of the line being read (its end is known, its start not yet), or null once it is too long.
    let partial: Buffer | null = Buffer.alloc(0);
    while (position > stop) {
      const length = Math.min(limits.chunkBytes, position - stop);
      position -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, position);
      let end = length;
      for (let i = length - 1; i >= 0; i--) {
        if (chunk[i] !== 0x0a) continue;
        const line: Buffer | null = partial === null ? null : Buffer.concat([chunk.subarray(i + 1, end), partial]);
        if (line !== null && line.length > 0 && line.length <= limits.maxLineBytes) yield line.toString('utf8');
        partial = Buffer.alloc(0);
        end = i;
      }
      if (partial !== null) partial = partial.length + end > limits.maxLineBytes ? null : Buffer.concat([chunk.subarray(0, end), partial]);
    }
    // The first line of the file, when it was reached.
    if (stop === 0 && partial !== null && partial.length > 0) yield partial.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
