import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { MESSAGE_IDS } from './messageIds';
import type { DocumentsFile } from '../bidcheck/classify/classifyDocument';
import { DETECTORS } from '../bidcheck/rules/detectors';
import type { CheckSettings, RuleRecord, RulesFile } from '../bidcheck/rules/types';
import type { IntentsFile, Knowledge, MessagesFile } from './types';
import { GOAL_IDS } from './types';
import { readValidated } from './validateFile';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'schemas' ? [] : jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

function invalid(file: string, jsonPath: string, what: string): AppError {
  return new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${file} — ${jsonPath} ${what}`, { file, path: jsonPath });
}

function crossCheck(messages: MessagesFile, intents: IntentsFile): void {
  for (const id of MESSAGE_IDS) {
    if (!(id in messages.messages)) throw invalid('messages.json', `/messages/${id}`, 'est absent : ce texte est utilisé par l’assistant.');
  }
  const intentIds = new Set<string>();
  intents.intents.forEach((intent, index) => {
    if (intentIds.has(intent.id)) throw invalid('intents.json', `/intents/${index}/id`, `« ${intent.id} » est en double.`);
    intentIds.add(intent.id);
  });
  const goalIds = new Set<string>();
  intents.goals.forEach((goal, index) => {
    if (goalIds.has(goal.id)) throw invalid('intents.json', `/goals/${index}/id`, `« ${goal.id} » est en double.`);
    goalIds.add(goal.id);
    if (!intentIds.has(goal.id)) throw invalid('intents.json', `/goals/${index}/id`, `« ${goal.id} » n’a pas d’exemples dans /intents.`);
  });
  for (const id of GOAL_IDS) {
    if (!goalIds.has(id)) throw invalid('intents.json', '/goals', `doit contenir l’objectif « ${id} ».`);
  }
}

function crossCheckRules(rulesByFile: [string, RulesFile][], documents: DocumentsFile): RuleRecord[] {
  const seen = new Set<string>();
  const known = new Set(documents.types.map((type) => type.code));
  for (const [file, content] of rulesByFile) {
    content.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) throw invalid(file, `/rules/${index}/id`, `« ${rule.id} » est en double.`);
      seen.add(rule.id);
      rule.detect.forEach((use, useIndex) => {
        if (!DETECTORS[use.detector]) throw invalid(file, `/rules/${index}/detect/${useIndex}/detector`, `« ${use.detector} » n’est pas un détecteur connu (${Object.keys(DETECTORS).join(', ')}).`);
        const types = [...((use.params?.types as string[] | undefined) ?? []), ...((use.params?.anyOf as string[] | undefined) ?? [])];
        const unknown = types.find((type) => type !== 'UNKNOWN' && !known.has(type as never));
        if (unknown) throw invalid(file, `/rules/${index}/detect/${useIndex}/params`, `type de pièce inconnu « ${unknown} ».`);
      });
    });
  }
  return rulesByFile.flatMap(([, content]) => content.rules);
}

/**
 * Reads and validates the whole knowledge folder. Every JSON file must declare and satisfy its
 * schema, even the ones no service reads yet, so that a CCI edit is checked before it goes live.
 */
export function loadKnowledge(dir: string): Knowledge {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('KNOWLEDGE_MISSING', `Dossier de connaissances introuvable : ${dir}. Vérifiez KNOWLEDGE_DIR.`, { file: dir });
  }
  const files = jsonFiles(dir);
  const data = new Map(files.map((file) => [path.relative(dir, file).split(path.sep).join('/'), readValidated<unknown>(file, dir)]));
  const required = (name: string) => {
    if (!data.has(name)) throw new AppError('KNOWLEDGE_MISSING', `Fichier de connaissances manquant : ${name} dans ${dir}.`, { file: name });
    return data.get(name);
  };
  const messages = required('messages.json') as MessagesFile;
  const intents = required('intents.json') as IntentsFile;
  crossCheck(messages, intents);
  const documents = required('documents.json') as DocumentsFile;
  const settingsFile = required('rules/settings.json') as Omit<CheckSettings, 'documentLabels'>;
  const rulesByFile = [...data.entries()].filter(([name]) => name.startsWith('rules/') && name !== 'rules/settings.json').sort(([a], [b]) => a.localeCompare(b)) as [string, RulesFile][];
  if (rulesByFile.length === 0) throw new AppError('KNOWLEDGE_MISSING', `Aucune règle dans ${path.join(dir, 'rules')}.`, { file: 'rules/' });
  const rules = crossCheckRules(rulesByFile, documents);
  const checkSettings: CheckSettings = { ...settingsFile, documentLabels: Object.fromEntries(documents.types.map((type) => [type.code, type.label])) };
  return { dir, messages, intents, documents, rules, checkSettings };
}
