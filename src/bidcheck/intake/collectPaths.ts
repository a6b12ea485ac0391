import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InputFile } from './readDossier';

export interface CollectedInputs {
  files: InputFile[];
  /** Text of a `context.json` found inside a folder (the dossier carries its own context). */
  contextJson?: { text: string; source: string };
}

export class PathError extends Error {}

function walk(dir: string, root: string, out: CollectedInputs): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) {
      if (entry.name === 'context.json') out.contextJson = { text: readFileSync(full, 'utf8'), source: full };
      else out.files.push({ name: path.relative(root, full).split(path.sep).join('/'), bytes: readFileSync(full) });
    }
  }
}

/** Files and folders given on the command line, folders read recursively. */
export function collectPaths(paths: readonly string[]): CollectedInputs {
  const out: CollectedInputs = { files: [] };
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      throw new PathError(`Chemin introuvable : ${given}`);
    }
    if (stats.isDirectory()) walk(given, given, out);
    else out.files.push({ name: path.basename(given), bytes: readFileSync(given) });
  }
  return out;
}
