import { AppError } from '../errors';

/**
 * Downloads one file with a size ceiling: the declared length is checked first, then the bytes are
 * counted as they arrive, so an oversized file is abandoned without being held in memory.
 */
export async function downloadFile(url: string, maxBytes: number, timeoutMs = 60_000): Promise<Buffer> {
  if (!/^(https?|data):/i.test(url)) throw new AppError('ATTACHMENT_UNREACHABLE', 'Adresse de fichier non prise en charge.');
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new AppError('ATTACHMENT_UNREACHABLE', 'Téléchargement impossible.', { cause: (error as Error).name });
  }
  if (!response.ok || !response.body) throw new AppError('ATTACHMENT_UNREACHABLE', `Téléchargement refusé (HTTP ${response.status}).`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new AppError('ATTACHMENT_TOO_LARGE', 'Fichier trop volumineux.', { sizeBytes: declared });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', 'Fichier trop volumineux.', { sizeBytes: total });
    chunks.push(chunk);
  }
  if (total === 0) throw new AppError('ATTACHMENT_EMPTY', 'Fichier vide.');
  return Buffer.concat(chunks);
}
