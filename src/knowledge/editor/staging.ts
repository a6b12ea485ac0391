import { cpSync, lstatSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnowledgeProblem } from '../problems';
import { isTempFile } from './jsonFile';
import type { FileChange } from './records';
import type { ValidateFolder } from './types';

/**
 * The folders leading to `file` in the copy made real folders: a link is copied as a link, and a
 * write through it would land, before any validation, in the folder it points to.
 */
function realFoldersTo(staging: string, file: string): void {
  let at = staging;
  for (const part of path.dirname(file).split('/').filter((name) => name && name !== '.')) {
    at = path.join(at, part);
    if (!lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
    const target = realpathSync(at);
    rmSync(at);
    cpSync(target, at, { recursive: true, filter: (source) => !isTempFile(source) });
  }
}

/**
 * The problems the knowledge would have with one file changed: the whole folder is copied aside,
 * the change applied to the copy, and the copy validated as the live reload would. The real folder
 * is not touched (nor any file a link of it points to: the changed file is written as a new file
 * of the copy, never through a link); the copy is removed whatever happens.
 */
export function problemsWith(knowledgeDir: string, change: FileChange, validate: ValidateFolder): KnowledgeProblem[] {
  const staging = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-staging-'));
  try {
    cpSync(knowledgeDir, staging, { recursive: true, filter: (source) => !isTempFile(source) });
    realFoldersTo(staging, change.file);
    const target = path.join(staging, change.file);
    rmSync(target, { force: true });
    if (change.text !== null) writeFileSync(target, change.text, { flag: 'wx' });
    return validate(staging).problems;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
