import { createWriteStream, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { type BundleLimits, BUNDLE_FORMAT, BUNDLE_ROOT, BUNDLE_VERSION, type BundleManifest, describeFile, folderFiles, MANIFEST } from './format';

export interface ExportResult {
  file: string;
  manifest: BundleManifest;
  /** Symbolic links and special files of the folder, left out (an import would refuse them). */
  skipped: string[];
}

export class BundleLimitError extends Error {}

/**
 * Writes the whole knowledge folder as a ZIP with its manifest (each file's size and sha256), to a
 * temporary name first: an interrupted export never leaves a truncated bundle under `outFile`.
 * A folder an import could not take back (over the limits) is refused here already.
 */
export async function exportBundle(dir: string, outFile: string, status: { valid: boolean; problems: number; now: Date }, limits: BundleLimits): Promise<ExportResult> {
  const { files, special } = folderFiles(dir);
  const described = files.map((relative) => describeFile(dir, relative));
  const total = described.reduce((sum, file) => sum + file.bytes, 0);
  const largest = described.reduce((max, file) => (file.bytes > max.bytes ? file : max), { path: '', bytes: 0 });
  if (files.length + 1 > limits.maxEntries) throw new BundleLimitError(`le dossier a ${files.length} fichiers : un paquet en prend au plus ${limits.maxEntries - 1}`);
  if (largest.bytes > limits.maxFileBytes) throw new BundleLimitError(`${largest.path} pèse ${largest.bytes} octets : un fichier de paquet en fait au plus ${limits.maxFileBytes}`);
  if (total > limits.maxTotalUncompressedBytes) throw new BundleLimitError(`le dossier pèse ${total} octets : un paquet en fait au plus ${limits.maxTotalUncompressedBytes}`);
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, createdAt: status.now.toISOString(), valid: status.valid, problems: status.problems, files: described };
  const zip = new yazl.ZipFile();
  const mtime = status.now;
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST, { mtime });
  for (const relative of files) zip.addFile(path.join(dir, relative), `${BUNDLE_ROOT}${relative}`, { mtime, mode: 0o100644 });
  zip.end();
  const partial = path.join(path.dirname(path.resolve(outFile)), `.${path.basename(outFile)}.${process.pid}.partial`);
  try {
    await pipeline(zip.outputStream, createWriteStream(partial, { flush: true }));
    renameSync(partial, outFile);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file: path.resolve(outFile), manifest, skipped: special };
}
