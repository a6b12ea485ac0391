import { checkKnowledgeProblems } from './bidcheck';
import { directoryKnowledgeProblems } from './contacts';
import type { ContactsFile } from './contacts/types';
import { faqProblems } from './faq';
import { conversationProblems, type KnowledgeFiles, scanKnowledgeFiles } from './knowledge/loadKnowledge';
import type { KnowledgeProblem } from './knowledge/problems';
import { tenderKnowledgeProblems } from './tenders/knowledgeChecks';
export { announcedPurchases } from './tenders/knowledgeTenders';

export interface ValidateOptions {
  /**
   * Today, for a change being checked (the CLI, an admin save, a reload): an upcoming purchase may
   * not be announced for a date already past. Start-up leaves it out, so that time passing never
   * stops a bot that was valid yesterday.
   */
  now?: Date;
  /**
   * What the knowledge in service already announces (`announcedPurchases` of its folder), when a
   * candidate replaces it: one of those purchases whose date has since passed is not refused — time
   * passing is no edit's mistake (`validate` without it still says so).
   */
  alreadyAnnounced?: readonly string[];
}

/** Files in name order, each file's problems in the order found (top to bottom, mostly). */
function byFile(problems: KnowledgeProblem[]): KnowledgeProblem[] {
  return problems.map((p, index) => ({ p, index })).sort((a, b) => a.p.file.localeCompare(b.p.file) || a.index - b.index).map(({ p }) => p);
}

/**
 * Every cross-check of every service on a folder read generically: each domain owns its checks
 * (src/knowledge imports none of them), composed here like src/loadKnowledge.ts composes loaders.
 */
export function knowledgeProblems(files: KnowledgeFiles, options: ValidateOptions = {}): KnowledgeProblem[] {
  const contacts = files.get('contacts.json') as ContactsFile | undefined;
  const organisations = contacts ? new Set(contacts.contacts.map((contact) => contact.id)) : undefined;
  return [
    ...conversationProblems(files),
    ...checkKnowledgeProblems(files),
    ...faqProblems(files),
    ...directoryKnowledgeProblems(files),
    ...tenderKnowledgeProblems(files, { ...(organisations ? { organisations } : {}), ...(options.now ? { now: options.now } : {}), ...(options.alreadyAnnounced ? { alreadyAnnounced: new Set(options.alreadyAnnounced) } : {}) }),
  ];
}

/**
 * Every problem of a knowledge folder at once, [] when it is valid: what `npm run knowledge --
 * validate`, an import, a live reload and the admin pages ask before a candidate folder goes live.
 * Throws AppError KNOWLEDGE_MISSING only when `dir` is not a folder.
 */
export function validateKnowledge(dir: string, options: ValidateOptions = {}): KnowledgeProblem[] {
  const scan = scanKnowledgeFiles(dir);
  return byFile([...scan.problems, ...knowledgeProblems(scan.files, options)]);
}
