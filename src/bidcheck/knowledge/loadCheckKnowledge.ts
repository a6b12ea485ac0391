import { type KnowledgeFiles, requireFiles } from '../../knowledge/loadKnowledge';
import { type KnowledgeProblem, pointer, problem, throwIfAny } from '../../knowledge/problems';
import { textProblems } from '../../knowledge/textChecks';
import type { DocumentsFile } from '../classify/classifyDocument';
import { validateRules } from '../rules/validateRules';
import type { CheckSettings, RulesFile } from '../rules/types';
import { foldText } from '../textForms';

/** What the bid check reads from the knowledge folder. */
export interface BidCheckKnowledge {
  documents: DocumentsFile;
  rules: RulesFile['rules'];
  checkSettings: CheckSettings;
}

const RULES_DIR = 'rules/';
const DOCUMENTS = 'documents.json';
const SETTINGS = 'rules/settings.json';

function rulesByFileOf(files: KnowledgeFiles): [string, RulesFile][] {
  return files
    .names()
    .filter((name) => name.startsWith(RULES_DIR) && name !== SETTINGS)
    .map((name) => [name, files.get(name) as RulesFile] as [string, RulesFile]);
}

type SettingsFile = Omit<CheckSettings, 'documentLabels'> & { $schema?: string; uncertain?: unknown };

function documentProblems(documents: DocumentsFile): KnowledgeProblem[] {
  const seen = new Map<string, number>();
  const problems = documents.types.flatMap((type, index) => {
    const first = seen.get(type.code);
    if (first === undefined) seen.set(type.code, index);
    return first === undefined ? [] : [problem(DOCUMENTS, pointer('types', index, 'code'), `« ${type.code} » est en double (déjà /types/${first})`, 'réunissez les marqueurs des deux entrées dans une seule')];
  });
  return [...problems, ...textProblems(DOCUMENTS, { unknownLabel: documents.unknownLabel, labels: documents.types.map((type) => type.label) })];
}

/**
 * The bid check's part of the knowledge: document markers, settings and the rules, each rule
 * checked against its detectors' contracts. A rule that would fire wrongly or show an unfilled
 * placeholder is refused, with every problem listed (file and JSON path).
 */
export function checkKnowledgeProblems(files: KnowledgeFiles): KnowledgeProblem[] {
  const required = requireFiles(files, [DOCUMENTS, SETTINGS]);
  const problems = [...required.problems];
  const rulesByFile = rulesByFileOf(files);
  if (!files.allNames().some((name) => name.startsWith(RULES_DIR) && name !== SETTINGS)) {
    problems.push({ ...problem(RULES_DIR, '/', 'ne contient aucune règle', 'remettez les fichiers de règles (le dossier knowledge/ livré avec l’assistant en a sept)'), missing: true });
  }
  if (!required.ready) return problems;
  const documents = files.get(DOCUMENTS) as DocumentsFile;
  const settingsFile = files.get(SETTINGS) as SettingsFile;
  const monthSettings = Object.entries(settingsFile)
    .filter(([key, value]) => typeof value === 'number' && /MaxAgeMonths$/.test(key))
    .map(([key]) => key);
  return [...problems, ...documentProblems(documents), ...validateRules(rulesByFile, { documentTypes: documents.types.map((type) => type.code), monthSettings })];
}

/** The bid check's knowledge of a folder already checked (src/loadKnowledge.ts checks the whole folder first). */
export function checkKnowledgeFrom(files: KnowledgeFiles): BidCheckKnowledge {
  const documents = files.required(DOCUMENTS) as DocumentsFile;
  const settingsFile = files.required(SETTINGS) as SettingsFile;
  const checkSettings: CheckSettings = {
    ...settingsFile,
    documentLabels: { ...Object.fromEntries(documents.types.map((type) => [type.code, type.label])), UNKNOWN: documents.unknownLabel },
    fileNameHints: Object.fromEntries(documents.types.map((type) => [type.code, (type.fileNameHints ?? []).map((hint) => foldText(hint))])),
  };
  return { documents, rules: rulesByFileOf(files).flatMap(([, content]) => content.rules), checkSettings };
}

/** The bid check's knowledge, cross-checked: a folder with problems stops here, all of them listed. */
export function loadCheckKnowledge(files: KnowledgeFiles): BidCheckKnowledge {
  throwIfAny(checkKnowledgeProblems(files));
  return checkKnowledgeFrom(files);
}
