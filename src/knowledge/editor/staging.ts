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
 * is not touched; the copy is removed whatever happens.
 */
export function problemsWith(knowledgeDir: string, change: FileChange, validate: ValidateFolder): KnowledgeProblem[] {
  const staging = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-staging-'));
  try {
    cpSync(knowledgeDir, staging, { recursive: true, filter: (source) => !isTempFile(source) });
    const target = path.join(staging, change.file);
    if (change.text === null) rmSync(target, { force: true });
    else writeFileSync(target, change.text);
    return validate(staging).problems;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
