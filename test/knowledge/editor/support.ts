import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KnowledgeEditor, type KnowledgeEditorOptions } from '../../../src/knowledge/editor';
import { tryLoadKnowledge } from '../../../src/loadKnowledge';

export const REPO_KNOWLEDGE = path.resolve(__dirname, '../../../knowledge');

/** Today for the checks of a change (an upcoming purchase may not be dated before it). */
export const TODAY = new Date('2026-12-02T10:00:00Z');

export interface EditorFixture {
  editor: KnowledgeEditor;
  knowledgeDir: string;
  dataDir: string;
  cleanup(): void;
}

/** A copy of the repository's knowledge and an empty data folder, with an editor over them. */
export function editorFixture(options: Partial<KnowledgeEditorOptions> = {}): EditorFixture {
  const root = mkdtempSync(path.join(tmpdir(), 'ha30-editor-'));
  const knowledgeDir = path.join(root, 'knowledge');
  const dataDir = path.join(root, 'data');
  cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
  const editor = new KnowledgeEditor({ knowledgeDir, dataDir, validate: (dir) => tryLoadKnowledge(dir, { now: TODAY }), ...options });
  return { editor, knowledgeDir, dataDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file of a folder and its bytes (to prove nothing changed). */
export function snapshot(dir: string, folder = ''): Record<string, string> {
  return Object.fromEntries(
    readdirSync(path.join(dir, folder), { withFileTypes: true }).flatMap((entry) => {
      const name = folder ? `${folder}/${entry.name}` : entry.name;
      return entry.isDirectory() ? Object.entries(snapshot(dir, name)) : [[name, readFileSync(path.join(dir, name)).toString('base64')]];
    }),
  );
}
