import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a file written at `file` lands inside `dir` once links are followed: a folder of
 * KNOWLEDGE_DIR that is a link to elsewhere would carry an admin save out of the knowledge folder.
 * The file itself may be a link: it is replaced by the rename, never written through.
 */
export function landsInside(dir: string, file: string): boolean {
  let root: string;
  let folder: string;
  try {
    root = realpathSync(dir);
    folder = realpathSync(path.dirname(file));
  } catch {
    return false;
  }
  const relative = path.relative(root, folder);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
