import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a knowledge bundle is: the folder's files under `knowledge/`, and `manifest.json` beside them. */
export const BUNDLE_FORMAT = 'ha30-knowledge-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_ROOT = 'knowledge/';
export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  /** Relative to the knowledge folder, "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** ISO instant of the export. */
  createdAt: string;
  /** The folder had no problem when it was exported (`knowledge validate`), and how many it had. */
  valid: boolean;
  problems: number;
  files: ManifestFile[];
}

/**
 * Budgets that keep a hostile or broken bundle from filling the disk or the memory. The bid check's
 * ZIP limits (src/bidcheck/intake/limits.ts) are passed in by the caller: src/knowledge imports no
 * domain module.
 */
export interface BundleLimits {
  maxEntries: number;
  maxFileBytes: number;
  maxTotalUncompressedBytes: number;
  maxCompressionRatio: number;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Regular files of a folder, relative, sorted; symbolic links and other special files are listed apart. */
export function folderFiles(dir: string, base = ''): { files: string[]; special: string[] } {
  const files: string[] = [];
  const special: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      const inner = folderFiles(dir, relative);
      files.push(...inner.files);
      special.push(...inner.special);
    } else if (entry.isFile() && !lstatSync(path.join(dir, relative)).isSymbolicLink()) files.push(relative);
    else special.push(relative);
  }
  return { files: files.sort(), special: special.sort() };
}

export function describeFile(dir: string, relative: string): ManifestFile {
  const bytes = readFileSync(path.join(dir, relative));
  return { path: relative, bytes: bytes.length, sha256: sha256(bytes) };
}
