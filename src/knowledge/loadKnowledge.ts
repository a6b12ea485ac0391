import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { conversationProblems } from './conversationChecks';
import { type KnowledgeProblem, knowledgeError, missingFile, problem, throwIfAny } from './problems';
import type { ConversationKnowledge, IntentsFile, MessagesFile } from './types';
import { appSchemasDir, checkFile } from './validateFile';

/** Every JSON file of a knowledge folder, parsed and valid against the schema it declares. */
export interface KnowledgeFiles {
  /** Folder the knowledge was read from (absolute). */
  dir: string;
  /** Paths relative to `dir`, with "/" separators ("rules/c-signature.json"), of the valid files. */
  names(): string[];
  get(name: string): unknown;
  /** The content of a file the assistant cannot run without. */
  required(name: string): unknown;
  /** The file is there but unreadable or invalid: its problems are listed, checks that need it are skipped. */
  unusable(name: string): boolean;
  /** Every JSON file found, valid or not. */
  allNames(): string[];
}

export interface KnowledgeScan {
  files: KnowledgeFiles;
  /** Every file-level problem: JSON syntax, "$schema", schema errors, altered schema copies. */
  problems: KnowledgeProblem[];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'schemas' ? [] : jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/** The folder's copies of the schemas (what an editor validates with) must be the assistant's own. */
function schemaCopyProblems(dir: string): KnowledgeProblem[] {
  const copies = path.join(dir, 'schemas');
  if (!existsSync(copies)) return [];
  return readdirSync(copies)
    .filter((name) => name.endsWith('.schema.json'))
    .flatMap((name) => {
      const reference = path.join(appSchemasDir(), name);
      if (path.resolve(copies, name) === reference) return [];
      if (!existsSync(reference)) return [problem(`schemas/${name}`, '/', 'n’est pas un schéma de cette version de l’assistant', 'retirez ce fichier : les schémas viennent avec l’assistant')];
      return readFileSync(path.join(copies, name)).equals(readFileSync(reference))
        ? []
        : [problem(`schemas/${name}`, '/', 'diffère du schéma de cette version de l’assistant (la vérification suit celui de l’assistant)', `remettez le fichier d’origine, knowledge/schemas/${name} de l’assistant en service : on modifie les données, pas les schémas`)];
    });
}

export function missingFolder(dir: string): AppError {
  return new AppError('KNOWLEDGE_MISSING', `Dossier de connaissances introuvable : ${dir}. Vérifiez KNOWLEDGE_DIR.`, { file: dir });
}

/**
 * Reads the whole knowledge folder generically and lists every file-level problem at once. Every
 * JSON file must declare and satisfy its schema, even the ones no service reads yet, so that a CCI
 * edit is checked before it goes live. Cross-checks are each service's (see src/validateKnowledge.ts).
 */
export function scanKnowledgeFiles(dir: string): KnowledgeScan {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw missingFolder(dir);
  const absolute = path.resolve(dir);
  const data = new Map<string, unknown>();
  const unusable = new Set<string>();
  const problems: KnowledgeProblem[] = [];
  for (const file of jsonFiles(absolute)) {
    const name = path.relative(absolute, file).split(path.sep).join('/');
    const checked = checkFile(file, absolute);
    if (checked.problems.length > 0) {
      unusable.add(name);
      problems.push(...checked.problems);
    } else data.set(name, checked.data);
  }
  problems.push(...schemaCopyProblems(absolute));
  const files: KnowledgeFiles = {
    dir: absolute,
    names: () => [...data.keys()].sort(),
    get: (name) => data.get(name),
    unusable: (name) => unusable.has(name),
    allNames: () => [...data.keys(), ...unusable].sort(),
    required: (name) => {
      if (!data.has(name)) throw knowledgeError([missingFile(name)]);
      return data.get(name);
    },
  };
  return { files, problems };
}

/** Reads the whole folder; any file-level problem stops here with all of them listed (start-up). */
export function readKnowledgeFiles(dir: string): KnowledgeFiles {
  const scan = scanKnowledgeFiles(dir);
  throwIfAny(scan.problems);
  return scan.files;
}

/**
 * What a service needs before its cross-checks can run: each file absent is a problem; a file
 * present but invalid is already reported, and `ready` is false so that no check runs on it.
 */
export function requireFiles(files: KnowledgeFiles, names: readonly string[]): { ready: boolean; problems: KnowledgeProblem[] } {
  const absent = names.filter((name) => files.get(name) === undefined && !files.unusable(name));
  return { ready: names.every((name) => files.get(name) !== undefined), problems: absent.map(missingFile) };
}

/** The texts and intents of the conversation, cross-checked. */
export function loadConversationKnowledge(files: KnowledgeFiles): ConversationKnowledge {
  throwIfAny(conversationProblems(files));
  return conversationKnowledgeFrom(files);
}

/** The same, from files already checked (src/loadKnowledge.ts checks the whole folder first). */
export function conversationKnowledgeFrom(files: KnowledgeFiles): ConversationKnowledge {
  return { dir: files.dir, messages: files.required('messages.json') as MessagesFile, intents: files.required('intents.json') as IntentsFile };
}

export { conversationProblems };
