import zlib from 'node:zlib';

export type ContentDecoder = zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;

/**
 * The decompressing stream for an HTTP Content-Encoding: none for identity (or no header),
 * `'unsupported'` for anything else (stacked codings such as "gzip, gzip" included). Shared by what
 * the server reads (request bodies) and what the bot downloads (attachments), so both accept the same.
 */
export function contentDecoder(header: string | string[] | undefined): ContentDecoder | undefined | 'unsupported' {
  const coding = String(header ?? 'identity').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return undefined;
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
  if (coding === 'deflate') return zlib.createInflate();
  if (coding === 'br') return zlib.createBrotliDecompress();
  return 'unsupported';
}
