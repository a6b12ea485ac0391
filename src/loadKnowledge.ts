import { type BidCheckKnowledge, checkKnowledgeFrom } from './bidcheck';
import { type FaqKnowledge, faqFrom } from './faq';
import { recoverInstall } from './knowledge/bundle/installFolder';
import { conversationKnowledgeFrom, scanKnowledgeFiles } from './knowledge/loadKnowledge';
import { type KnowledgeProblem, throwIfAny } from './knowledge/problems';
import type { ConversationKnowledge } from './knowledge/types';
import { knowledgeProblems, type ValidateOptions } from './validateKnowledge';

/** Everything the assistant knows: the conversation's texts and intents, the bid check's rules and the FAQ. */
export type Knowledge = ConversationKnowledge & BidCheckKnowledge & { faq: FaqKnowledge };

/**
 * Reads a folder once and checks all of it; its knowledge only when it has no problem. For a live
 * reload or an admin save: one read, so that what was validated is exactly what goes live.
 */
export function tryLoadKnowledge(dir: string, options: ValidateOptions = {}): { problems: KnowledgeProblem[]; knowledge?: Knowledge } {
  const { files, problems: fileProblems } = scanKnowledgeFiles(dir);
  const problems = [...fileProblems, ...knowledgeProblems(files, options)];
  if (problems.length > 0) return { problems };
  return { problems, knowledge: { ...conversationKnowledgeFrom(files), ...checkKnowledgeFrom(files), faq: faqFrom(files) } };
}

/**
 * Reads and validates the knowledge folder once (start-up): any problem stops here, all of them
 * listed. An import that a crash interrupted is finished first, so the bot starts on a whole folder.
 */
export function loadKnowledge(dir: string): Knowledge {
  try {
    recoverInstall(dir);
  } catch {
    // Best effort (a read-only parent folder, say): a folder left absent is reported just below.
  }
  const { problems, knowledge } = tryLoadKnowledge(dir);
  throwIfAny(problems);
  return knowledge!;
}
