import { classifyDocument, guessFromFileName } from './classify/classifyDocument';
import { documentFacts, type DocumentFacts } from './facts/documentFacts';
import type { IntakeLimits } from './intake/limits';
import { type InputFile, type ProgressListener, readDossier } from './intake/readDossier';
import { evaluateRules } from './rules/evaluateRules';
import type { BidCheckKnowledge } from './knowledge/loadCheckKnowledge';
import type { Finding } from './rules/types';
import { resolveContext } from './resolveContext';
import { foldText } from './textForms';
import { type BidContext, type CheckedFile, type DocumentType, SEVERITIES } from './types';

export interface ReportDocument {
  file: string;
  type: DocumentType;
  confidence: number;
  pages?: number;
  siren?: string;
  dates: DocumentFacts['dates'];
  signed: boolean;
}

export interface CheckReport {
  referenceDate: string;
  /** The date the pieces' validity is judged at: the deadline's day at deposit, the reference date otherwise. */
  validityDate: string;
  documents: ReportDocument[];
  findings: Finding[];
  /** True when the time budget stopped the check before every file was read. */
  partial: boolean;
}

const UNCLASSIFIABLE = ['PASSWORD', 'UNREADABLE', 'EMPTY', 'ZIP_BOMB', 'PATH_TRAVERSAL', 'TOO_DEEP', 'EXECUTABLE', 'NOT_CHECKED_TIME_BUDGET', 'ZIP_CORRUPT'];

/**
 * The bid check as one function for the chat, the CLI, the tests and the benchmark: files in,
 * documents and findings out. Hostile or broken files become findings; nothing is written to disk.
 */
export async function checkDossier(
  inputs: readonly InputFile[],
  context: BidContext,
  knowledge: BidCheckKnowledge,
  options: { referenceDate?: string; limits: IntakeLimits; onProgress?: ProgressListener },
): Promise<CheckReport> {
  const read = await readDossier(inputs, options.limits, options.onProgress);
  // Each text is joined and folded once, for the classifier and for the facts.
  const folded = new Map<string, string>();
  const files: CheckedFile[] = read.files.map((file) => {
    const text = file.pageTexts.join('\n');
    if (text.trim() === '') {
      // No text at all: unreadable files stay UNKNOWN; a scan OCR could not read is typed by its name only.
      const unreadable = file.issues.some((issue) => UNCLASSIFIABLE.includes(issue.kind));
      const guess = unreadable ? { type: 'UNKNOWN' as const, confidence: 0 } : guessFromFileName(file.name, knowledge.documents);
      return { ...file, type: guess.type, confidence: guess.confidence };
    }
    folded.set(file.name, foldText(text));
    const classification = classifyDocument(text, file.name, knowledge.documents, folded.get(file.name));
    return { ...file, type: classification.type, confidence: classification.confidence };
  });
  const facts = new Map(files.map((file) => [file.name, documentFacts(file, file.createdAt, folded.get(file.name))]));
  const resolved = resolveContext(context, options.referenceDate);
  const findings = evaluateRules(knowledge.rules, { files, facts, context: resolved, settings: knowledge.checkSettings });
  const order = new Map(knowledge.rules.map((rule, index) => [rule.id, index]));
  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
  return {
    referenceDate: resolved.referenceDate,
    validityDate: resolved.validityDate,
    documents: files.map((file) => {
      const fileFacts = facts.get(file.name)!;
      return {
        file: file.name,
        type: file.type,
        confidence: file.confidence,
        ...(file.pages !== undefined ? { pages: file.pages } : {}),
        ...(fileFacts.siren ? { siren: fileFacts.siren } : {}),
        dates: Object.fromEntries(Object.entries(fileFacts.dates).filter(([, value]) => value !== undefined)),
        signed: file.signatures.length > 0,
      };
    }),
    findings,
    partial: read.partial,
  };
}
