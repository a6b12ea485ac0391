import { AppError } from '../errors';

/**
 * One thing wrong in a knowledge folder, located as an editor shows it: the file (relative to the
 * folder, "/" separators), the JSON Pointer of the value (RFC 6901, "/" for the whole file), what
 * is wrong and how to fix it — both French, for a CCI adviser, neither ending with a full stop.
 */
export interface KnowledgeProblem {
  file: string;
  path: string;
  what: string;
  fix: string;
  /** The file itself is absent (start-up reports it as KNOWLEDGE_MISSING, as it always did). */
  missing?: true;
}

export function problem(file: string, path: string, what: string, fix: string): KnowledgeProblem {
  return { file, path, what, fix };
}

/** A file the assistant cannot run without is absent. */
export function missingFile(name: string): KnowledgeProblem {
  return { ...problem(name, '/', 'est absent : l’assistant ne peut pas fonctionner sans ce fichier', 'remettez-le (le dossier knowledge/ livré avec l’assistant en a un modèle)'), missing: true };
}

/** A JSON Pointer from its segments: "~" and "/" inside a key are escaped as RFC 6901 says. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The line of `npm run knowledge -- validate` (web-contract.md §5): `file: JSON path: what is wrong — how to fix`. */
export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}: ${p.path}: ${p.what} — ${p.fix}.`;
}

/** "3 problèmes dans 2 fichiers." — the count that ends the report. */
export function countLine(problems: readonly KnowledgeProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  return `${plural(problems.length, 'problème')} dans ${plural(files, 'fichier')}.`;
}

/** How start-up has always worded a problem: "file — path what — fix". */
function startupLine(p: KnowledgeProblem): string {
  return `${p.file} — ${p.path} ${p.what} — ${p.fix}.`;
}

/**
 * The start-up refusal of a folder with problems: every one of them, one per line, in the error a
 * person reads at the console. KNOWLEDGE_MISSING when only files are missing, as before.
 */
export function knowledgeError(problems: readonly KnowledgeProblem[]): AppError {
  const first = problems[0]!;
  const code = problems.every((p) => p.missing) ? 'KNOWLEDGE_MISSING' : 'KNOWLEDGE_INVALID';
  const head = code === 'KNOWLEDGE_MISSING' ? 'Fichier de connaissances manquant' : 'Fichier de connaissances invalide';
  return new AppError(code, `${head} : ${problems.map(startupLine).join('\n')}`, { file: first.file, path: first.path, problems: [...problems] });
}

export function throwIfAny(problems: readonly KnowledgeProblem[]): void {
  if (problems.length > 0) throw knowledgeError(problems);
}

/** « texte » quoted for a message, cut so that a pasted page does not flood the report. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const flat = text.replace(/\s+/g, ' ');
  return `« ${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat} »`;
}

/** A live reload that could not even read the folder (an internal failure, not a mistake in a file): nothing changed. */
export function reloadFailedProblem(reason?: string): KnowledgeProblem {
  return problem('.', '/', `n’a pas pu être relu${reason ? ` (${reason})` : ''} : les connaissances précédentes restent en service`, 'enregistrez de nouveau le fichier modifié ; si cela se répète, redémarrez l’assistant');
}

/** The problems an error carries (a knowledge refusal thrown by a loader), or none. */
export function problemsOf(error: unknown): KnowledgeProblem[] {
  const problems = error instanceof AppError ? error.details.problems : undefined;
  return Array.isArray(problems) ? (problems as KnowledgeProblem[]) : [];
}
