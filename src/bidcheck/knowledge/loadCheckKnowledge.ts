import { AppError } from '../../errors';
import type { KnowledgeFiles } from '../../knowledge/loadKnowledge';
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
const SETTINGS = 'rules/settings.json';

/**
 * The bid check's part of the knowledge: document markers, settings and the rules, each rule
 * checked against its detectors' contracts. A rule that would fire wrongly or show an unfilled
 * placeholder is refused here, at start, with every problem listed (file and JSON path).
 */
export function loadCheckKnowledge(files: KnowledgeFiles): BidCheckKnowledge {
  const documents = files.required('documents.json') as DocumentsFile;
  const settingsFile = files.required(SETTINGS) as Omit<CheckSettings, 'documentLabels'> & { $schema?: string; uncertain?: unknown };
  const rulesByFile = files
    .names()
    .filter((name) => name.startsWith(RULES_DIR) && name !== SETTINGS)
    .map((name) => [name, files.get(name) as RulesFile] as [string, RulesFile]);
  if (rulesByFile.length === 0) throw new AppError('KNOWLEDGE_MISSING', `Aucune règle dans ${files.dir}/rules.`, { file: RULES_DIR });
  const monthSettings = Object.entries(settingsFile)
    .filter(([key, value]) => typeof value === 'number' && /MaxAgeMonths$/.test(key))
    .map(([key]) => key);
  const problems = validateRules(rulesByFile, { documentTypes: documents.types.map((type) => type.code), monthSettings });
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.file} — ${problem.path} ${problem.what}`);
    throw new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${lines.join('\n')}`, {
      file: problems[0]!.file,
      path: problems[0]!.path,
      problems,
    });
  }
  const checkSettings: CheckSettings = {
    ...settingsFile,
    documentLabels: { ...Object.fromEntries(documents.types.map((type) => [type.code, type.label])), UNKNOWN: documents.unknownLabel },
    fileNameHints: Object.fromEntries(documents.types.map((type) => [type.code, (type.fileNameHints ?? []).map((hint) => foldText(hint))])),
  };
  return { documents, rules: rulesByFile.flatMap(([, content]) => content.rules), checkSettings };
}
