/**
 * The bid check's public entry: what the chat, the CLI and the benchmark use. Nothing outside
 * src/bidcheck imports its internals (a test guards it), so they can change without breaking callers.
 */
export { BidCheckService } from './BidCheckService';
export { type CheckReport, checkDossier, type ReportDocument } from './checkDossier';
export { DossierSessions, type SessionAdd } from './DossierSessions';
export { type BidCheckKnowledge, checkKnowledgeFrom, checkKnowledgeProblems, loadCheckKnowledge } from './knowledge/loadCheckKnowledge';
export { collectPaths, type CollectedInputs, PathError } from './intake/collectPaths';
export { DEFAULT_LIMITS, type IntakeLimits } from './intake/limits';
export { type InputFile, type ProgressListener, setReadLogger } from './intake/readDossier';
export { isDontKnow, parseDeadline, parseNature, parseStage } from './parseAnswers';
export { ContextError, parseContext } from './parseContext';
export { documentLabel } from './report/documentLabel';
export { formatTextReport } from './report/formatTextReport';
export { countBySeverity, severityIntro, severityTitle, summaryLine } from './report/summarize';
export { parisDate } from './resolveContext';
export { frDate } from './rules/dossierQueries';
export type { Finding } from './rules/types';
export { type BidContext, SEVERITIES, type Severity, type Stage } from './types';
