import { mkdirSync, rmSync } from 'node:fs';
import { DEFAULT_LIMITS } from './bidcheck';
import { type ExportResult, exportBundle } from './knowledge/bundle/exportBundle';
import { extractBundle } from './knowledge/bundle/extractBundle';
import { type BundleLimits, folderFiles } from './knowledge/bundle/format';
import { type InstallStep, installFolder, lockImports, recoverInstall, stagingFolder } from './knowledge/bundle/installFolder';
import type { KnowledgeProblem } from './knowledge/problems';
import { validateKnowledge } from './validateKnowledge';

/** A bundle is read with the bid check's ZIP budgets: entries, size of one file, total, ratio. */
export const BUNDLE_LIMITS: BundleLimits = {
  maxEntries: DEFAULT_LIMITS.maxEntries,
  maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
  maxTotalUncompressedBytes: DEFAULT_LIMITS.maxTotalUncompressedBytes,
  maxCompressionRatio: DEFAULT_LIMITS.maxCompressionRatio,
};

/** A backup of the folder as it is, with its manifest; its problems (if any) are counted in it and returned. */
export async function exportKnowledge(dir: string, outFile: string, options: { now?: Date; limits?: BundleLimits } = {}): Promise<ExportResult & { problems: KnowledgeProblem[] }> {
  const now = options.now ?? new Date();
  const problems = validateKnowledge(dir, { now });
  const result = await exportBundle(dir, outFile, { valid: problems.length === 0, problems: problems.length, now }, options.limits ?? BUNDLE_LIMITS);
  return { ...result, problems };
}

export type ImportOutcome = { installed: true; files: number; backup?: string } | { installed: false; problems: KnowledgeProblem[] };

export interface ImportOptions {
  now?: Date;
  limits?: BundleLimits;
  /** Called before each step of the swap (tests play a crash there). */
  onStep?: (step: InstallStep) => void;
}

/**
 * Replaces the knowledge folder `target` by a bundle, or changes nothing: the bundle is unpacked
 * beside it within the ZIP limits, checked against its manifest, validated whole like
 * `knowledge validate` does, and only then swapped in (the previous folder kept as a dated backup).
 * A refused bundle comes back with every reason; a crash at any point leaves the old folder or the
 * new one (see recoverInstall). Throws ImportBusyError while another import runs.
 */
export async function importKnowledge(zipFile: string, target: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const release = lockImports(target);
  let staging: string | undefined;
  try {
    recoverInstall(target);
    staging = stagingFolder(target);
    mkdirSync(staging);
    const unpacked = await extractBundle(zipFile, staging, options.limits ?? BUNDLE_LIMITS);
    if (unpacked.length > 0) return { installed: false, problems: unpacked };
    const now = options.now ?? new Date();
    const problems = validateKnowledge(staging, { now });
    if (problems.length > 0) return { installed: false, problems };
    const { backup } = installFolder(staging, target, { now, ...(options.onStep ? { onStep: options.onStep } : {}) });
    staging = undefined;
    return { installed: true, files: folderFiles(target).files.length, ...(backup ? { backup } : {}) };
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
    release();
  }
}
