import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { MESSAGE_IDS } from './messageIds';
import type { ConversationKnowledge, IntentsFile, MessagesFile } from './types';
import { GOAL_IDS } from './types';
import { readValidated } from './validateFile';

/** Every JSON file of a knowledge folder, parsed and valid against the schema it declares. */
export interface KnowledgeFiles {
  /** Folder the knowledge was read from (absolute). */
  dir: string;
  /** Paths relative to `dir`, with "/" separators ("rules/c-signature.json"). */
  names(): string[];
  get(name: string): unknown;
  /** The content of a file the assistant cannot run without. */
  required(name: string): unknown;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'schemas' ? [] : jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

export function invalidKnowledge(file: string, jsonPath: string, what: string): AppError {
  return new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${file} — ${jsonPath} ${what}`, { file, path: jsonPath });
}

/**
 * Reads the whole knowledge folder generically. Every JSON file must declare and satisfy its
 * schema, even the ones no service reads yet, so that a CCI edit is checked before it goes live.
 * What each service needs beyond schemas (cross-checks) is checked by that service's loader.
 */
export function readKnowledgeFiles(dir: string): KnowledgeFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('KNOWLEDGE_MISSING', `Dossier de connaissances introuvable : ${dir}. Vérifiez KNOWLEDGE_DIR.`, { file: dir });
  }
  const absolute = path.resolve(dir);
  const data = new Map(jsonFiles(absolute).map((file) => [path.relative(absolute, file).split(path.sep).join('/'), readValidated<unknown>(file, absolute)]));
  return {
    dir: absolute,
    names: () => [...data.keys()].sort(),
    get: (name) => data.get(name),
    required: (name) => {
      if (!data.has(name)) throw new AppError('KNOWLEDGE_MISSING', `Fichier de connaissances manquant : ${name} dans ${absolute}.`, { file: name });
      return data.get(name);
    },
  };
}

function crossCheck(messages: MessagesFile, intents: IntentsFile): void {
  for (const id of MESSAGE_IDS) {
    if (!(id in messages.messages)) throw invalidKnowledge('messages.json', `/messages/${id}`, 'est absent : ce texte est utilisé par l’assistant.');
  }
  const intentIds = new Set<string>();
  intents.intents.forEach((intent, index) => {
    if (intentIds.has(intent.id)) throw invalidKnowledge('intents.json', `/intents/${index}/id`, `« ${intent.id} » est en double.`);
    intentIds.add(intent.id);
  });
  const goalIds = new Set<string>();
  intents.goals.forEach((goal, index) => {
    if (goalIds.has(goal.id)) throw invalidKnowledge('intents.json', `/goals/${index}/id`, `« ${goal.id} » est en double.`);
    goalIds.add(goal.id);
    if (!intentIds.has(goal.id)) throw invalidKnowledge('intents.json', `/goals/${index}/id`, `« ${goal.id} » n’a pas d’exemples dans /intents.`);
  });
  for (const id of GOAL_IDS) {
    if (!goalIds.has(id)) throw invalidKnowledge('intents.json', '/goals', `doit contenir l’objectif « ${id} ».`);
  }
}

/** The texts and intents of the conversation, cross-checked. */
export function loadConversationKnowledge(files: KnowledgeFiles): ConversationKnowledge {
  const messages = files.required('messages.json') as MessagesFile;
  const intents = files.required('intents.json') as IntentsFile;
  crossCheck(messages, intents);
  return { dir: files.dir, messages, intents };
}
