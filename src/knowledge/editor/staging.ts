import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnowledgeProblem } from '../problems';
import { isTempFile } from './jsonFile';
import type { FileChange } from './records';
import type { ValidateFolder } from './types';

/**
 * The problems the knowledge would have with one file changed: the whole folder is copied aside,
 * the change applied to the copy, and the copy validated as the live reload would. The real folder
 * is not touched; the copy is removed whatever happens. Links are copied as the files and folders
 * they point to: a link kept in the copy would let the change write through it, before validation,
 * into the file it points to (in the knowledge folder or anywhere else).
 */
export function problemsWith(knowledgeDir: string, change: FileChange, validate: ValidateFolder): KnowledgeProblem[] {
  const staging = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-staging-'));
  try {
    cpSync(knowledgeDir, staging, { recursive: true, dereference: true, filter: (source) => !isTempFile(source) });
    const target = path.join(staging, change.file);
    rmSync(target, { force: true });
    if (change.text !== null) writeFileSync(target, change.text, { flag: 'wx' });
    return validate(staging).problems;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
