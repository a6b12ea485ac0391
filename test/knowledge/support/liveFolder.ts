import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const KNOWLEDGE_DIR = path.resolve(__dirname, '../../../knowledge');

/** A private copy of the shipped knowledge folder, for a running app to watch while a test edits it. */
export function knowledgeCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-live-knowledge-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Edits a JSON file of the folder as a person would (a plain write), or atomically as the admin pages do (temp + rename). */
export function editJson(dir: string, name: string, change: (data: any) => void, how: 'write' | 'rename' = 'write'): void {
  const file = path.join(dir, name);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (how === 'write') writeFileSync(file, text);
  else {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
}

export function writeRaw(dir: string, name: string, text: string): void {
  writeFileSync(path.join(dir, name), text);
}

export function readRaw(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}
